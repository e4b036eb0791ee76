import { Type } from '@fastify/type-provider-typebox';

export const ErrorResponse = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()), line: Type.Optional(Type.Integer()), file: Type.Optional(Type.String()) }) },
  { $id: 'ErrorResponse' },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** ISO-8601 instant or date, e.g. 2026-11-26 or 2026-11-26T10:00:00Z. */
export const Instant = Type.String({ minLength: 10, maxLength: 40, description: 'ISO-8601 date or date-time' });
