import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/**
 * Check-in facts and deferred detection: the updates the host's package manager offers (as the
 * agent last reported them), and a marker for assets whose findings must be re-matched because
 * their software changed (drained by the server's detection worker, so it survives a restart), and
 * an index for the newest job end per asset (read on every check-in).
 */
export async function up(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema.alterTable('assets').addColumn('updates_available', types.json).execute();
  await db.schema.alterTable('assets').addColumn('findings_stale_since', types.timestamp).execute();
  await db.schema.createIndex('jobs_asset_finished_idx').on('jobs').columns(['asset_id', 'finished_at']).execute();
  await sql`CREATE INDEX assets_findings_stale_idx ON assets (findings_stale_since) WHERE findings_stale_since IS NOT NULL`.execute(db);
}
