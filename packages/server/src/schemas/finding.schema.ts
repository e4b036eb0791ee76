import { Type, type Static } from '@fastify/type-provider-typebox';

export const FindingsQuery = Type.Object(
  {
    asset: Type.Optional(Type.String({ maxLength: 64, description: 'asset id' })),
    group: Type.Optional(Type.String({ maxLength: 100 })),
    vulnerability: Type.Optional(Type.String({ maxLength: 100, description: 'CVE or advisory id' })),
    outcome: Type.Optional(Type.Union([Type.Literal('Track'), Type.Literal('Track*'), Type.Literal('Attend'), Type.Literal('Act')])),
    kev: Type.Optional(Type.Boolean()),
    dueBefore: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date: findings due before it' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type FindingsQuery = Static<typeof FindingsQuery>;

export const PlanQuery = Type.Object(
  { asset: Type.Optional(Type.String({ maxLength: 64 })), group: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })) },
  { additionalProperties: false },
);
export type PlanQuery = Static<typeof PlanQuery>;

export const ExceptionBody = Type.Object(
  {
    vulnerabilityId: Type.String({ minLength: 3, maxLength: 100 }),
    scope: Type.Union([
      Type.Object({ kind: Type.Literal('asset'), assetId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('group'), group: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false }),
    ]),
    reason: Type.String({ minLength: 3, maxLength: 4000 }),
    expiresAt: Type.String({ minLength: 10, maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type ExceptionBody = Static<typeof ExceptionBody>;
