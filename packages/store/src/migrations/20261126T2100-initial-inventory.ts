import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/** Assets, their software over time (intervals) and API tokens. */
export async function up(db: Kysely<unknown>, { types, engine }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('os_family', 'text')
    .addColumn('os_id', 'text')
    .addColumn('os_name', 'text')
    .addColumn('os_version', 'text')
    .addColumn('os_codename', 'text')
    .addColumn('arch', 'text')
    .addColumn('kernel_running', 'text')
    .addColumn('kernels_installed', types.json)
    .addColumn('reboot_required', 'integer')
    .addColumn('addresses', types.json)
    .addColumn('environment', 'text')
    .addColumn('criticality', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('exposure', 'text', (c) => c.notNull().defaultTo('internal'))
    .addColumn('owner', 'text')
    .addColumn('tags', types.json)
    .addColumn('groups', types.json)
    .addColumn('first_seen', types.timestamp, (c) => c.notNull())
    .addColumn('last_seen', types.timestamp, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', types.timestamp, (c) => c.notNull())
    .addUniqueConstraint('assets_kind_name_uq', ['kind', 'name'])
    .execute();
  await db.schema.createIndex('assets_environment_idx').on('assets').column('environment').execute();

  const software = db.schema.createTable('asset_software');
  const withId =
    engine === 'sqlite'
      ? software.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      : software.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity());
  await withId
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_version', 'text')
    .addColumn('arch', 'text')
    .addColumn('purl', 'text')
    .addColumn('valid_from', types.timestamp, (c) => c.notNull())
    .addColumn('valid_to', types.timestamp)
    .execute();
  await db.schema.createIndex('asset_software_asset_idx').on('asset_software').columns(['asset_id', 'valid_to']).execute();
  await db.schema.createIndex('asset_software_pkg_idx').on('asset_software').columns(['ecosystem', 'name']).execute();
  await sql`CREATE INDEX asset_software_current_idx ON asset_software (asset_id) WHERE valid_to IS NULL`.execute(db);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', types.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', types.timestamp)
    .addColumn('revoked_at', types.timestamp)
    .execute();
}
