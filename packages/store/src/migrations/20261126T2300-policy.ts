import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration.js';

/** Risk acceptances (exceptions) and imported VEX statements. */
export async function up(db: Kysely<unknown>, { types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vulnerability_id', 'text', (c) => c.notNull())
    .addColumn('scope', types.json, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', types.timestamp, (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', types.timestamp)
    .addColumn('expires_at', types.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', types.timestamp)
    .execute();
  await db.schema.createIndex('risk_acceptances_vuln_idx').on('risk_acceptances').column('vulnerability_id').execute();
  await db.schema
    .createTable('vex_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('vulnerability_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('doc', types.json, (c) => c.notNull())
    .addColumn('imported_at', types.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vex_statements_doc_idx').on('vex_statements').column('document_id').execute();
}
