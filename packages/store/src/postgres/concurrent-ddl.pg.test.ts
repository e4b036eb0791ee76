import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPgTestStore, pgUnavailableReason, testPgUrl } from '../testing/test-stores.js';

const skip = await pgUnavailableReason();

/** Creates and drops schemas of 20 tables on its own connection until stopped. */
async function churnSchemas(): Promise<{ stop: () => Promise<number> }> {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  let running = true;
  let dropped = 0;
  const loop = (async () => {
    while (running) {
      const schema = `pl_churn_${process.pid}_${dropped}`;
      const tables = Array.from({ length: 20 }, (_, i) => `create table ${schema}.t${i} (id serial primary key, x text)`);
      await client.query(`create schema ${schema}; ${tables.join('; ')}`);
      await client.query(`drop schema ${schema} cascade`);
      dropped++;
    }
  })();
  return { stop: async () => { running = false; await loop; await client.end(); return dropped; } };
}

// CI once failed a migration with `schema "pl_test_..." does not exist`: Kysely's introspector
// resolved other sessions' schemas by name while they were being dropped.
describe('PostgreSQL migrations beside concurrent DDL', { skip }, () => {
  it('introspection and migration succeed while other sessions create and drop schemas', async () => {
    const churn = await churnSchemas();
    const failures: string[] = [];
    let reads = 0;
    try {
      const t = await openPgTestStore();
      try {
        const until = Date.now() + 2000;
        while (Date.now() < until) {
          await t.store.db.introspection.getTables({ withInternalKyselyTables: true }).then(() => reads++, (e: Error) => failures.push(e.message));
        }
        const again = await openPgTestStore(); // migrates a fresh schema under the churn
        await again.cleanup();
      } finally {
        await t.cleanup();
      }
    } finally {
      const dropped = await churn.stop();
      assert.ok(dropped > 0, 'the churn dropped schemas during the reads');
    }
    assert.deepEqual(failures.slice(0, 3), [], `${failures.length} of ${reads + failures.length} reads failed`);
  });
});
