import { Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { DEFAULT_SQLITE_PATH } from './defaults.js';
import type { Engine } from './shared/engine.js';
import { createSqliteDialect } from './sqlite/sqlite.dialect.js';
import { sqliteSql } from './sqlite/sqlite.sql.js';
import { postgresSql } from './postgres/postgres.sql.js';
import { migrateToLatest, type MigrationReport } from './migrations/migrate.js';
import { KyselyAssetRepository, type AssetRepository } from './assets/asset.repository.js';
import { KyselyInventoryRepository, type InventoryRepository } from './inventory/inventory.repository.js';
import { KyselyTokenRepository, type TokenRepository } from './tokens/token.repository.js';
import { KyselyFindingRepository, type FindingRepository } from './findings/finding.repository.js';
import { KyselyFeedRepository, type FeedRepository } from './feeds/feed.repository.js';
import { KyselyPolicyRepository, type PolicyRepository } from './policy/policy.repository.js';
import { KyselyAgentRepository, type AgentRepository } from './agents/agent.repository.js';
import { KyselyJobRepository, type JobRepository } from './jobs/job.repository.js';
import { sqliteJobLeaser } from './sqlite/sqlite.job-lease.js';
import { postgresJobLeaser } from './postgres/postgres.job-lease.js';
import type { BulkInserter } from './shared/bulk-insert.js';
import { createSqliteBulkInserter } from './sqlite/sqlite.bulk.js';

export { DEFAULT_SQLITE_PATH };

export interface StoreOptions {
  /** postgres://... selects PostgreSQL; absent means SQLite. */
  databaseUrl?: string;
  /** SQLite file (default ./data/patchloop.db); ":memory:" for throwaway stores. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created if missing); tests use one per run. */
  schema?: string;
}

/** The repositories that can take part in a transaction. */
export interface StoreTransaction {
  readonly assets: AssetRepository;
  readonly inventory: InventoryRepository;
  readonly findings: FindingRepository;
  /** Enrollment tokens and enrolled agents (recordCheckIns joins the caller's transaction). */
  readonly agents: AgentRepository;
}

/** One store per context, all sharing one connection. */
export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  readonly assets: AssetRepository;
  readonly inventory: InventoryRepository;
  readonly findings: FindingRepository;
  readonly feeds: FeedRepository;
  readonly policy: PolicyRepository;
  readonly tokens: TokenRepository;
  /** Enrollment tokens and enrolled agents. */
  readonly agents: AgentRepository;
  /** The per-asset agent job queue. */
  readonly jobs: JobRepository;
  /** Runs fn with repositories bound to one transaction: all its writes commit or none do. */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  migrate(): Promise<MigrationReport>;
  ping(): Promise<void>;
  close(): Promise<void>;
}


/**
 * Opens the store on SQLite (default) or PostgreSQL (when databaseUrl is a postgres URL).
 * @example
 * const store = await openStore({ sqlitePath: './data/patchloop.db' });
 * await store.migrate();
 */
export async function openStore({ databaseUrl, sqlitePath = DEFAULT_SQLITE_PATH, schema }: StoreOptions = {}): Promise<Store> {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    // pg is loaded only when PostgreSQL is used: SQLite users (and short CLI runs) skip its start-up cost.
    const [{ createPostgresDialect }, { createPostgresBulkInserter }] = await Promise.all([import('./postgres/postgres.dialect.js'), import('./postgres/postgres.bulk.js')]);
    const { dialect, pool } = await createPostgresDialect(databaseUrl, schema);
    return buildStore('postgres', new Kysely<Database>({ dialect }), createPostgresBulkInserter(), () => pool.end(), schema);
  }
  const { dialect, raw } = createSqliteDialect(sqlitePath);
  return buildStore('sqlite', new Kysely<Database>({ dialect }), createSqliteBulkInserter(raw), async () => undefined);
}

function repositories(engine: Engine, db: Kysely<Database>, bulk: BulkInserter): StoreTransaction {
  const engineSql = engine === 'sqlite' ? sqliteSql : postgresSql;
  return {
    assets: new KyselyAssetRepository(db, engineSql),
    inventory: new KyselyInventoryRepository(db, engine, engineSql, bulk),
    findings: new KyselyFindingRepository(db),
    agents: new KyselyAgentRepository(db, engine),
  };
}

function buildStore(engine: Engine, db: Kysely<Database>, bulk: BulkInserter, closeExtra: () => Promise<void>, schema?: string): Store {
  return {
    engine,
    db,
    ...repositories(engine, db, bulk),
    feeds: new KyselyFeedRepository(db, bulk),
    policy: new KyselyPolicyRepository(db),
    transaction: (fn) => db.transaction().execute((trx) => fn(repositories(engine, trx, bulk))),
    tokens: new KyselyTokenRepository(db),
    jobs: new KyselyJobRepository(db, engine === 'sqlite' ? sqliteJobLeaser : postgresJobLeaser),
    migrate: () => migrateToLatest(db as unknown as Kysely<unknown>, engine, schema),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await closeExtra().catch(() => undefined);
    },
  };
}
