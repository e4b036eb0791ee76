import { sql } from 'kysely';
import type { BulkInserter, BulkValue } from '../shared/bulk-insert.js';

const CHUNK = 5000;

/** One `insert ... select from unnest(arrays)` per 5,000 rows: few round trips, few parameters. */
export const postgresBulkInserter: BulkInserter = {
  async insert(db, table, columns, rows, jsonColumns = []) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const arrays = columns.map((_, c) => chunk.map((r) => r[c] ?? null));
      const selects = columns.map((col, c) => (jsonColumns.includes(col) ? sql`u.${sql.ref(`c${c}`)}::jsonb` : sql`u.${sql.ref(`c${c}`)}`));
      const unnestArgs = arrays.map((a) => sql`${toPgArray(a)}::${sql.raw(pgArrayType(a))}`);
      const alias = sql.raw(`u(${columns.map((_, c) => `c${c}`).join(', ')})`);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(selects)} from unnest(${sql.join(unnestArgs)}) as ${alias}`.execute(db);
    }
  },
};

function pgArrayType(values: readonly BulkValue[]): string {
  return values.some((v) => typeof v === 'number') ? 'bigint[]' : 'text[]';
}

function toPgArray(values: readonly BulkValue[]): BulkValue[] {
  return values as BulkValue[];
}
