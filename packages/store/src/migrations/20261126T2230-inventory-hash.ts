import type { Kysely } from 'kysely';

/** A digest of each asset's current software, so an unchanged inventory is recognized in one read. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('assets').addColumn('inventory_hash', 'text').execute();
}
