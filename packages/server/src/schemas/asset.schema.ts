import { Type, type Static } from '@fastify/type-provider-typebox';

const Kind = Type.Union([Type.Literal('host'), Type.Literal('image'), Type.Literal('application')]);
const Exposure = Type.Union([Type.Literal('internet'), Type.Literal('internal'), Type.Literal('isolated')]);
const Label = Type.String({ minLength: 1, maxLength: 100 });

export const OsInfoSchema = Type.Object(
  { family: Type.String({ maxLength: 50 }), id: Type.Optional(Type.String({ maxLength: 50 })), name: Type.String({ maxLength: 200 }), version: Type.Optional(Type.String({ maxLength: 50 })), codename: Type.Optional(Type.String({ maxLength: 50 })) },
  { additionalProperties: false },
);
export const KernelSchema = Type.Object(
  { running: Type.Optional(Type.String({ maxLength: 200 })), installed: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), rebootNeededForKernel: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  os: Type.Optional(OsInfoSchema),
  arch: Type.Optional(Type.String({ maxLength: 50 })),
  kernel: Type.Optional(KernelSchema),
  rebootRequired: Type.Optional(Type.Boolean()),
  addresses: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 256 })),
  environment: Type.Optional(Type.String({ maxLength: 100 })),
  criticality: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  exposure: Type.Optional(Exposure),
  owner: Type.Optional(Type.String({ maxLength: 255 })),
  tags: Type.Optional(Type.Array(Label, { maxItems: 100 })),
  groups: Type.Optional(Type.Array(Label, { maxItems: 100 })),
};

export const AssetCreateBody = Type.Object({ kind: Kind, ...editable }, { additionalProperties: false });
export type AssetCreateBody = Static<typeof AssetCreateBody>;

export const AssetPatchBody = Type.Partial(Type.Object(editable, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type AssetPatchBody = Static<typeof AssetPatchBody>;

export const AssetResponse = Type.Object(
  {
    id: Type.String(),
    kind: Kind,
    ...editable,
    addresses: Type.Array(Type.String()),
    criticality: Type.Integer(),
    exposure: Exposure,
    tags: Type.Array(Type.String()),
    groups: Type.Array(Type.String()),
    updatesAvailable: Type.Optional(Type.Array(Type.Object({ name: Type.String(), version: Type.String() }), { description: "the updates the host's package manager offers, as its agent last reported them" })),
    firstSeen: Type.String(),
    lastSeen: Type.String(),
    source: Type.String(),
  },
  { $id: 'Asset' },
);

export const AssetListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    environment: Type.Optional(Type.String({ maxLength: 100 })),
    exposure: Type.Optional(Exposure),
    tag: Type.Optional(Label),
    group: Type.Optional(Label),
    os: Type.Optional(Type.String({ maxLength: 50, description: 'OS family, e.g. debian' })),
    minCriticality: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    q: Type.Optional(Type.String({ maxLength: 255, description: 'name contains (case-insensitive)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AssetListQuery = Static<typeof AssetListQuery>;

export const AssetPage = Type.Object({ items: Type.Array(Type.Ref('Asset')), nextCursor: Type.Optional(Type.String()) });
