import type { RawBuilder } from 'kysely';

/** Expressions whose SQL differs per engine; implementations live in sqlite/ and postgres/. */
export interface EngineSql {
  /** True when the JSON array in `column` contains the string `value`. */
  jsonArrayContains(column: string, value: string): RawBuilder<boolean>;
  /** True when lower(column) contains `needle` (already lower-cased), with no wildcard meaning. */
  containsText(column: string, needle: string): RawBuilder<boolean>;
}
