import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/**
 * A hash of each current software row's full key (inventory/package-key-hash.ts) and a partial
 * index on (asset_id, key_hash) for current rows, which replaces asset_software_current_idx (same
 * prefix): an inventory diff then reads (id, key_hash) from the index alone instead of 1,000
 * random row lookups (ADR 0011). Existing rows keep NULL until their asset's next inventory, which
 * compares whole rows once and fills the hashes in (no backfill here: large fleets migrate fast).
 */
export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await db.schema.alterTable('asset_software').addColumn('key_hash', engine === 'sqlite' ? 'integer' : 'bigint').execute();
  await sql`CREATE INDEX asset_software_current_key_idx ON asset_software (asset_id, key_hash) WHERE valid_to IS NULL`.execute(db);
  await sql`DROP INDEX asset_software_current_idx`.execute(db);
}
