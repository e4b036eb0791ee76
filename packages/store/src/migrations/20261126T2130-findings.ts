import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/**
 * Findings with their lifecycle: first seen, last seen, resolved at (null while open).
 * The primary key is the matcher's stable finding key (asset, advisory, package slot).
 */
export async function up(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('findings')
    .addColumn('finding_key', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('advisory_id', 'text', (c) => c.notNull())
    .addColumn('advisory_source', 'text', (c) => c.notNull())
    .addColumn('vulnerability_ids', types.json, (c) => c.notNull())
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    .addColumn('package_name', 'text', (c) => c.notNull())
    .addColumn('package_version', 'text', (c) => c.notNull())
    .addColumn('arch', 'text')
    .addColumn('source_name', 'text')
    .addColumn('source_version', 'text')
    .addColumn('fixed_version', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('explanation', types.json, (c) => c.notNull())
    .addColumn('first_seen', types.timestamp, (c) => c.notNull())
    .addColumn('last_seen', types.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', types.timestamp)
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('findings_asset_open_idx').on('findings').columns(['asset_id', 'resolved_at']).execute();
  await db.schema.createIndex('findings_advisory_idx').on('findings').columns(['advisory_id']).execute();
}
