import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/** Agent enrollment tokens, enrolled agents and the per-asset job queue. */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  await createEnrollmentTokens(db, ctx);
  await createAgents(db, ctx);
  await createJobs(db, ctx);
}

async function createEnrollmentTokens(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('enrollment_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('max_uses', 'integer', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', types.timestamp, (c) => c.notNull())
    .addColumn('expires_at', types.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', types.timestamp)
    .addColumn('revoked_at', types.timestamp)
    .addCheckConstraint('enrollment_tokens_uses_ck', sql`use_count >= 0 and use_count <= max_uses`)
    .execute();
}

async function createAgents(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('enrollment_token_id', 'text', (c) => c.references('enrollment_tokens.id').onDelete('set null'))
    .addColumn('agent_version', 'text', (c) => c.notNull())
    .addColumn('allowed_job_kinds', types.json, (c) => c.notNull())
    .addColumn('enrolled_at', types.timestamp, (c) => c.notNull())
    .addColumn('last_check_in_at', types.timestamp)
    .addColumn('revoked_at', types.timestamp)
    .execute();
  // One live agent per asset; re-enrolling revokes the previous one.
  await sql`CREATE UNIQUE INDEX agents_live_asset_uq ON agents (asset_id) WHERE revoked_at IS NULL`.execute(db);
}

async function createJobs(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('args', types.json, (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('backoff_seconds', types.json, (c) => c.notNull())
    .addColumn('not_before', types.timestamp)
    .addColumn('expires_at', types.timestamp)
    .addColumn('run_after', types.timestamp, (c) => c.notNull())
    .addColumn('timeout_seconds', 'integer', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', types.timestamp)
    .addColumn('created_at', types.timestamp, (c) => c.notNull())
    .addColumn('updated_at', types.timestamp, (c) => c.notNull())
    .addColumn('started_at', types.timestamp)
    .addColumn('finished_at', types.timestamp)
    .addColumn('failure_reason', 'text')
    .addColumn('exit_code', 'integer')
    .addColumn('log_tail', 'text')
    .addColumn('log_truncated', 'integer')
    .addColumn('packages_before', types.json)
    .addColumn('packages_after', types.json)
    .addColumn('signature', 'text')
    .addUniqueConstraint('jobs_asset_idempotency_uq', ['asset_id', 'idempotency_key'])
    .execute();
  await sql`CREATE INDEX jobs_queued_idx ON jobs (asset_id, run_after) WHERE state = 'queued'`.execute(db);
  await sql`CREATE INDEX jobs_lease_expiry_idx ON jobs (lease_expires_at) WHERE state IN ('leased', 'running')`.execute(db);
  await db.schema.createIndex('jobs_asset_state_idx').on('jobs').columns(['asset_id', 'state']).execute();
}
