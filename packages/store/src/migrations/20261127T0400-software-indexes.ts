import { sql, type Kysely } from 'kysely';

/**
 * Indexes of asset_software for the inventory check-in path (ADR 0011):
 * - drops asset_software_pkg_idx (ecosystem, name). Its only reader, listing current packages by
 *   binary or source name after a feed import, could not use it beyond the ecosystem prefix (the
 *   source name is an alternative, so the engine scans the ecosystem either way), while every
 *   inventory change wrote an entry into it on a leaf page of its own: 19 of the 48 pages an
 *   inventory check-in with 20 changed packages wrote.
 * - replaces asset_software_current_key_idx (asset_id, key_hash) with (asset_id, name, key_hash),
 *   both partial on current rows: the inventory diff still reads (id, key hash) from the index
 *   alone, and re-matching an asset's changed packages (listSoftwareNamed) seeks by name instead
 *   of visiting the asset's 1,000 rows (0.9 ms per re-match, measured).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS asset_software_pkg_idx`.execute(db);
  await sql`CREATE INDEX asset_software_current_name_idx ON asset_software (asset_id, name, key_hash) WHERE valid_to IS NULL`.execute(db);
  await sql`DROP INDEX asset_software_current_key_idx`.execute(db);
}
