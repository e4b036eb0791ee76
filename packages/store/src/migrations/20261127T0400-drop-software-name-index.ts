import { sql, type Kysely } from 'kysely';

/**
 * Drops asset_software_pkg_idx (ecosystem, name). Its only reader, listing current packages by
 * binary or source name after a feed import, could not use it beyond the ecosystem prefix (the
 * source name is an alternative, so the engine scans the ecosystem either way), while every
 * inventory change wrote an entry into it on a leaf page of its own: 19 of the 48 pages an
 * inventory check-in with 20 changed packages wrote (ADR 0011).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS asset_software_pkg_idx`.execute(db);
}
