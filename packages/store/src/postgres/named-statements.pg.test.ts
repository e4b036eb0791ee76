import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openPgTestStore, pgUnavailableReason } from '../testing/test-stores.js';

const skip = await pgUnavailableReason();

describe('PostgreSQL named statements', { skip }, () => {
  it('a schema change under a prepared SELECT * does not break it: re-prepared and retried, outside and inside transactions', async () => {
    const t = await openPgTestStore();
    try {
      const { db } = t.store;
      const read = () => db.selectFrom('enrollment_tokens').selectAll().execute();
      await read();
      await read(); // prepared on the pooled connection
      await sql`ALTER TABLE enrollment_tokens ADD COLUMN note text`.execute(db);
      const rows = await read();
      assert.deepEqual(rows, []);
      await sql`ALTER TABLE enrollment_tokens ADD COLUMN note2 text`.execute(db);
      const inTx = await db.transaction().execute(async (trx) => trx.selectFrom('enrollment_tokens').selectAll().execute()).then(() => 'ok', (e: Error) => e.message);
      assert.match(inTx, /ok|cached plan must not change result type/, 'inside a transaction it may fail once');
      assert.deepEqual(await read(), [], 'and the next run succeeds');
    } finally {
      await t.cleanup();
    }
  });
});
