import { createHash } from 'node:crypto';
import pg from 'pg';
import { PostgresDialect, type DatabaseIntrospector, type Kysely, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { installPgTypeParsers } from './pg-types.js';
import { CatalogIntrospector } from './postgres.introspector.js';

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
  return { dialect: new CatalogIntrospectingDialect({ pool: withNamedStatements(pool) }), pool };
}

/** Kysely's PostgresDialect with an introspector that concurrent DDL elsewhere cannot fail. */
class CatalogIntrospectingDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CatalogIntrospector(db);
  }
}

const NAMED_STATEMENT_LIMIT = 256;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * pg sends every unnamed query through Parse, so PostgreSQL plans it on every run; for the small
 * queries of a check-in, planning costs more than executing (1.7 ms vs 0.2 ms measured for the
 * check-in read). Naming a statement makes pg prepare it once per connection and PostgreSQL
 * cache its plan. The first NAMED_STATEMENT_LIMIT distinct DML texts get a name (a hash of the
 * text); others (DDL, and texts beyond the limit, such as IN lists of every length) run unnamed.
 * A schema change that alters a prepared query's result columns (another process migrated)
 * makes PostgreSQL refuse the old statement: the text then gets a new name, so every connection
 * prepares it afresh, and the query is retried once when it was not inside a transaction (inside
 * one, that transaction fails and the next succeeds). Poolers in transaction mode need
 * protocol-level prepared statements (PgBouncer 1.21+).
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new NamedStatements();
  return {
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      let inTransaction = false;
      const run = async (text: string, values: unknown[]) => {
        if (TRANSACTION_START.test(text)) inTransaction = true;
        else if (TRANSACTION_END.test(text)) inTransaction = false;
        const name = names.nameOf(text);
        if (!name) return client.query(text, values);
        try {
          return await client.query({ name, text, values });
        } catch (e) {
          if (!isStalePlan(e)) throw e;
          names.renew(text);
          if (inTransaction) throw e;
          return client.query({ name: names.nameOf(text)!, text, values });
        }
      };
      return {
        query: ((textOrCursor: string | pg.Submittable, values?: unknown[]) =>
          typeof textOrCursor === 'string' ? run(textOrCursor, values ?? []) : client.query(textOrCursor)) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback|end)\b/i;

/** PostgreSQL's answer to a prepared statement whose result columns changed under it. */
function isStalePlan(e: unknown): boolean {
  return (e as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((e as Error).message);
}

/** Statement names by SQL text: a hash of the text plus a generation bumped by renew(). */
class NamedStatements {
  private readonly names = new Map<string, { base: string; generation: number }>();

  nameOf(text: string): string | undefined {
    let entry = this.names.get(text);
    if (!entry) {
      if (this.names.size >= NAMED_STATEMENT_LIMIT || !NAMEABLE.test(text)) return undefined;
      entry = { base: `pl_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, generation: 0 };
      this.names.set(text, entry);
    }
    return entry.generation === 0 ? entry.base : `${entry.base}_${entry.generation}`;
  }

  renew(text: string): void {
    const entry = this.names.get(text);
    if (entry) entry.generation++;
  }
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
