import pg from 'pg';

let installed = false;

/**
 * Normalizes what PostgreSQL returns so repositories see the same values as on SQLite:
 * int8 (counts, bigserial) -> number, timestamptz/timestamp -> ISO-8601 UTC string.
 */
export function installPgTypeParsers(): void {
  if (installed) return;
  installed = true;
  const { types } = pg;
  types.setTypeParser(types.builtins.INT8, (v) => Number.parseInt(v, 10));
  types.setTypeParser(types.builtins.NUMERIC, (v) => Number.parseFloat(v));
  types.setTypeParser(types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
  types.setTypeParser(types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
}
