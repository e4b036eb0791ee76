import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A column value as the drivers take it. */
export type BulkValue = string | number | null;

/**
 * Fast multi-row inserts for feed imports (hundreds of thousands of rows). Implementations:
 * sqlite/sqlite.bulk.ts (one prepared statement on the same connection, inside the caller's
 * transaction) and postgres/postgres.bulk.ts (unnest over column arrays, 5,000 rows a query).
 * JSON columns take JSON text; PostgreSQL casts every value to its column's type.
 */
export interface BulkInserter {
  insert(db: Kysely<Database>, table: keyof Database, columns: readonly string[], rows: readonly BulkValue[][]): Promise<void>;
}
