import pg from 'pg';
import { PostgresDialect } from 'kysely';
import { installPgTypeParsers } from './pg-types.js';

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * PostgreSQL through a pg Pool. `schema`, when given, is created if missing and set as the
 * search_path of every connection (tests use one schema per run).
 */
export async function createPostgresDialect(url: string, schema?: string): Promise<{ dialect: PostgresDialect; pool: pg.Pool }> {
  installPgTypeParsers();
  if (schema) await ensureSchema(url, schema);
  const options = schema ? `-c search_path=${quoteIdent(schema)}` : undefined;
  const pool = new pg.Pool({ connectionString: url, max: 10, options });
  return { dialect: new PostgresDialect({ pool }), pool };
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}
