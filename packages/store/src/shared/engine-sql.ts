import type { RawBuilder } from 'kysely';

/** Expressions whose SQL differs per engine; implementations live in sqlite/ and postgres/. */
export interface EngineSql {
  /** True when the JSON array in `column` contains the string `value`. */
  jsonArrayContains(column: string, value: string): RawBuilder<boolean>;
  /** True when lower(column) contains `needle` (already lower-cased), with no wildcard meaning. */
  containsText(column: string, needle: string): RawBuilder<boolean>;
  /**
   * Aggregate: "a,b" of every row, comma-separated, in one string (NULL when no row has both):
   * one value instead of a row object per row, for reads of many small pairs.
   */
  joinedPairs(a: string, b: string): RawBuilder<string | null>;
  /**
   * asset_software, read through its partial index of current rows (asset_id, name, key_hash).
   * SQLite's planner otherwise picks (asset_id, valid_to), which is not covering: 1,000 row reads.
   */
  currentSoftwareByName(): RawBuilder<unknown>;
}
