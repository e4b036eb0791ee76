import { sql, type RawBuilder } from 'kysely';
import type { EngineSql } from '../shared/engine-sql.js';

/** SQLite spellings of the few expressions that differ between engines. */
export const sqliteSql: EngineSql = {
  jsonArrayContains(column: string, value: string): RawBuilder<boolean> {
    return sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) where value = ${value})`;
  },
  containsText(column: string, needle: string): RawBuilder<boolean> {
    return sql<boolean>`instr(lower(${sql.ref(column)}), ${needle}) > 0`;
  },
  joinedPairs(a: string, b: string): RawBuilder<string | null> {
    return sql<string | null>`group_concat(${sql.ref(a)} || ',' || ${sql.ref(b)}, ',')`;
  },
  currentSoftwareByName(): RawBuilder<unknown> {
    return sql`asset_software INDEXED BY asset_software_current_name_idx`;
  },
};
