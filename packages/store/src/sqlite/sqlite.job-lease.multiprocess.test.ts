import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { enrolledTestHost, openSqliteTestStore } from '../testing/test-stores.js';

const PROCESSES = 3;
const JOBS = 150;
const AT = new Date(Date.now() - 60_000).toISOString();

/** Leasing from several processes on one SQLite file: every job goes to exactly one of them. */
describe('SQLite job leases across processes', () => {
  it(`${PROCESSES} processes lease ${JOBS} jobs of one asset: each exactly once, none lost`, async () => {
    const t = await openSqliteTestStore();
    try {
      const s = t.store;
      const { asset, agent } = await enrolledTestHost(s, { name: 'race-host', kinds: ['refresh-inventory'], at: AT });
      for (let i = 0; i < JOBS; i++) await s.jobs.enqueueJob({ assetId: asset.id, kind: 'refresh-inventory', args: {}, idempotencyKey: `j${i}` }, { at: AT });
      const path = t.sqlitePath!;
      const children = Array.from({ length: PROCESSES }, () => fork(new URL('./lease-race.child.ts', import.meta.url), [path, agent.id, asset.id], { execArgv: ['--import', 'tsx'] }));
      await Promise.all(children.map((c) => nextMessage(c)));
      for (const c of children) c.send('go');
      const perProcess = (await Promise.all(children.map((c) => nextMessage(c)))) as string[][];
      const all = perProcess.flat();
      assert.equal(all.length, JOBS, `leased ${all.length} times for ${JOBS} jobs`);
      assert.equal(new Set(all).size, JOBS, 'a job was leased twice');
      const states = (await s.jobs.listJobs({ assetId: asset.id }, { limit: 500 })).items.map((j) => j.state);
      assert.deepEqual([...new Set(states)], ['leased']);
      console.log(`# leases per process: ${perProcess.map((p) => p.length).join(', ')}`);
    } finally {
      await t.cleanup();
    }
  });
});

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`lease child exited with ${code}`)));
  });
}
