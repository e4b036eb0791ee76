import { sql, type RawBuilder } from 'kysely';
import type { EngineSql } from '../shared/engine-sql.js';

/** PostgreSQL spellings of the few expressions that differ between engines. */
export const postgresSql: EngineSql = {
  jsonArrayContains(column: string, value: string): RawBuilder<boolean> {
    return sql<boolean>`${sql.ref(column)} @> jsonb_build_array(${value}::text)`;
  },
  containsText(column: string, needle: string): RawBuilder<boolean> {
    return sql<boolean>`strpos(lower(${sql.ref(column)}), ${needle}) > 0`;
  },
  joinedPairs(a: string, b: string): RawBuilder<string | null> {
    return sql<string | null>`string_agg(${sql.ref(a)}::text || ',' || ${sql.ref(b)}::text, ',')`;
  },
  currentSoftwareByName(): RawBuilder<unknown> {
    return sql`asset_software`;
  },
};
