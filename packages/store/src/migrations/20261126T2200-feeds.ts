import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/**
 * Feed data, versioned per source: an import writes a whole new version and switches the
 * source's active version in the same transaction, so readers see the old set or the new one.
 */
export async function up(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('feed_sources')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('active_version_id', 'text')
    .addColumn('last_attempt_at', types.timestamp)
    .addColumn('last_success_at', types.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', types.timestamp)
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('url', 'text')
    .execute();
  await db.schema
    .createTable('feed_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('advisories', 'integer', (c) => c.notNull())
    .addColumn('intel', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('data_date', types.timestamp)
    .addColumn('fetched_at', types.timestamp, (c) => c.notNull())
    .addColumn('imported_at', types.timestamp, (c) => c.notNull())
    .addColumn('origin', 'text')
    .execute();
  await db.schema.createIndex('feed_versions_source_idx').on('feed_versions').columns(['source', 'imported_at']).execute();
  await db.schema
    .createTable('advisories')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('advisory_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('doc', types.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('advisories_pk', ['version_id', 'record_id'])
    .execute();
  await db.schema.createIndex('advisories_id_idx').on('advisories').columns(['advisory_id']).execute();
  await db.schema
    .createTable('advisory_packages')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advisory_packages_pkg_idx').on('advisory_packages').columns(['ecosystem', 'name', 'version_id']).execute();
  await db.schema.createIndex('advisory_packages_record_idx').on('advisory_packages').columns(['version_id', 'record_id']).execute();
  await db.schema
    .createTable('vuln_intel')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('cve_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('doc', types.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('vuln_intel_pk', ['version_id', 'cve_id'])
    .execute();
  await db.schema.createIndex('vuln_intel_cve_idx').on('vuln_intel').columns(['cve_id']).execute();
}
