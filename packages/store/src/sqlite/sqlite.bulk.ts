import type SQLite from 'better-sqlite3';
import type { BulkInserter } from '../shared/bulk-insert.js';

/**
 * better-sqlite3 is one synchronous connection that Kysely also uses, so a prepared statement run
 * here joins the transaction the caller opened through Kysely.
 */
export function createSqliteBulkInserter(raw: SQLite.Database): BulkInserter {
  const statements = new Map<string, SQLite.Statement>();
  return {
    async insert(_db, table, columns, rows) {
      const key = `${table}(${columns.join(',')})`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = raw.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(key, stmt);
      }
      for (const row of rows) stmt.run(row);
    },
  };
}
