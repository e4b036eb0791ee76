import { sql, type Kysely } from 'kysely';
import { MATCH_DOC_COLUMNS, MATCH_GROUP_COLUMNS, MatchGroupBuilder, advisoryMatchDocRow, docToAdvisory } from '../feeds/feed.mapper.js';
import type { BulkValue } from '../shared/bulk-insert.js';
import type { MigrationContext } from './migration.js';

const PAGE = 2000;
const INSERT_ROWS = 200;

/**
 * What a scan reads of an advisory, apart from the full documents (ADR 0010):
 * - advisory_match_groups: one row per package group and feed version listing its advisories
 *   (record id, advisory id, and the plain fixed version when the advisory's entry for the group is
 *   "introduced 0, fixed X": a scan whose installed versions are all at or above X leaves the
 *   advisory unread); clustered by package (SQLite: WITHOUT ROWID);
 * - advisory_match_docs: the advisory minus its prose (summary, details, references) by record.
 * Already imported advisories are backfilled through the same mapper an import uses.
 */
export async function up(db: Kysely<unknown>, { engine, types }: MigrationContext): Promise<void> {
  const clustered = <T extends { modifyEnd(s: ReturnType<typeof sql>): T }>(b: T): T => (engine === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b);
  await db.schema
    .createTable('advisory_match_groups')
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entries', types.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_match_groups_pk', ['ecosystem', 'name', 'version_id', 'kind'])
    .$call(clustered)
    .execute();
  await db.schema.createIndex('advisory_match_groups_version_idx').on('advisory_match_groups').columns(['version_id']).execute();
  await db.schema
    .createTable('advisory_match_docs')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('doc', types.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_match_docs_pk', ['version_id', 'record_id'])
    .$call(clustered)
    .execute();
  await backfill(db as Kysely<BackfillTables>);
}

export interface BackfillTables {
  advisories: { version_id: string; record_id: string; doc: unknown };
  advisory_match_groups: Record<(typeof MATCH_GROUP_COLUMNS)[number], string>;
  advisory_match_docs: Record<(typeof MATCH_DOC_COLUMNS)[number], string>;
}

async function insertRows(db: Kysely<BackfillTables>, table: 'advisory_match_groups' | 'advisory_match_docs', columns: readonly string[], rows: readonly BulkValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const values = rows.slice(i, i + INSERT_ROWS).map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j] ?? null])));
    await db.insertInto(table).values(values as never).execute();
  }
}

/** Every stored advisory, page by page in key order, through the import's mappers; groups per feed version. */
export async function backfill(db: Kysely<BackfillTables>): Promise<void> {
  let after = { version_id: '', record_id: '' };
  let groups = new MatchGroupBuilder();
  for (;;) {
    const page = await nextPage(db, after);
    const advisories = page.map((r) => ({ versionId: r.version_id, recordId: r.record_id, advisory: docToAdvisory(r.doc) }));
    for (const a of advisories) {
      if (a.versionId !== after.version_id && after.version_id !== '') {
        await insertRows(db, 'advisory_match_groups', MATCH_GROUP_COLUMNS, groups.rows(after.version_id));
        groups = new MatchGroupBuilder();
      }
      groups.add(a.advisory);
      after = { version_id: a.versionId, record_id: a.recordId };
    }
    await insertRows(db, 'advisory_match_docs', MATCH_DOC_COLUMNS, advisories.map((a) => advisoryMatchDocRow(a.versionId, a.advisory)));
    if (page.length < PAGE) break;
  }
  if (after.version_id !== '') await insertRows(db, 'advisory_match_groups', MATCH_GROUP_COLUMNS, groups.rows(after.version_id));
}

function nextPage(db: Kysely<BackfillTables>, after: { version_id: string; record_id: string }) {
  return db
    .selectFrom('advisories')
    .select(['version_id', 'record_id', 'doc'])
    .where((eb) => eb.or([eb('version_id', '>', after.version_id), eb.and([eb('version_id', '=', after.version_id), eb('record_id', '>', after.record_id)])]))
    .orderBy('version_id').orderBy('record_id')
    .limit(PAGE)
    .execute();
}
