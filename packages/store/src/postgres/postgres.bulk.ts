import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { BulkInserter, BulkValue } from '../shared/bulk-insert.js';

const CHUNK = 5000;

/**
 * One `insert ... select from unnest(text arrays)` per 5,000 rows: few round trips, few
 * parameters. Values travel as text and are cast to each column's real type (looked up once per
 * table from the catalog), so timestamptz, jsonb and integer columns need no special casing.
 */
export function createPostgresBulkInserter(): BulkInserter {
  const typesByTable = new Map<string, Map<string, string>>();
  const columnTypes = async (db: Kysely<Database>, table: string) => {
    let types = typesByTable.get(table);
    if (!types) {
      const rows = await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(db);
      types = new Map(rows.rows.map((r) => [r.column_name, r.data_type]));
      typesByTable.set(table, types);
    }
    return types;
  };
  return {
    async insert(db, table, columns, rows) {
      if (rows.length === 0) return;
      const types = await columnTypes(db, table);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const arrays = columns.map((_, c) => chunk.map((r) => toText(r[c] ?? null)));
        const selects = columns.map((col, c) => sql`u.${sql.ref(`c${c}`)}::${sql.raw(types.get(col) ?? 'text')}`);
        const alias = sql.raw(`u(${columns.map((_, c) => `c${c}`).join(', ')})`);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(selects)} from unnest(${sql.join(arrays.map((a) => sql`${a}::text[]`))}) as ${alias}`.execute(db);
      }
    },
  };
}

function toText(v: BulkValue): string | null {
  return v === null ? null : String(v);
}
