import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JobKind } from '@patchloop/core';
import { enrolledTestHost, testEngines, type TestStore } from '../testing/test-stores.js';
import type { Store } from '../store.js';
import type { CheckInFacts } from '../agents/agent.types.js';

const T0 = '2026-11-27T10:00:00.000Z';
const HOUR_LATER = '2026-11-27T11:00:00.000Z';
const plus = (s: number, from = T0) => new Date(Date.parse(from) + s * 1000).toISOString();
const KINDS: JobKind[] = ['refresh-inventory', 'install', 'hold'];
const OPENSSL = { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u2', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2', arch: 'amd64' };

// One contract, every engine: SQLite always, PostgreSQL when reachable (CI requires it).
const engines = await testEngines();
for (const engine of engines) {
  describe(`check-in batch and state contract on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestStore;
    let s: Store;
    let n = 0;
    before(async () => {
      t = await engine.open();
      s = t.store;
    });
    after(async () => t?.cleanup());

    const enrolledHost = () => enrolledTestHost(s, { name: `ci-host-${++n}`, kinds: KINDS, at: T0 });
    const facts = (agent: { id: string; assetId: string }, at: string, over: Partial<CheckInFacts> = {}): CheckInFacts => ({
      agentId: agent.id, assetId: agent.assetId, at, agentVersion: '0.2.0', allowedJobKinds: ['install'], rebootRequired: true,
      kernel: { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64', '6.1.0-20-amd64'] }, updatesAvailable: [{ name: 'openssl', version: '3.0.13-1~deb12u1' }], ...over,
    });

    describe('inventory diffs by key hash', () => {
      const deb = (name: string, version: string) => ({ ...OPENSSL, name, version, sourceName: name, sourceVersion: version });
      const current = async (assetId: string) => (await s.inventory.listSoftware(assetId)).map((p) => `${p.name}=${p.version}`);
      it('rows from before the hash column are compared whole once and get their hashes; later diffs read hashes only, with the same results', async () => {
        const { asset } = await enrolledHost();
        await s.inventory.recordInventory(asset.id, [deb('bash', '5.2'), deb('curl', '7.88'), deb('zlib1g', '1.2.13')], T0);
        await s.db.updateTable('asset_software').set({ key_hash: null }).where('asset_id', '=', asset.id).execute();
        const r2 = await s.inventory.recordInventory(asset.id, [deb('bash', '5.2'), deb('curl', '7.88.1'), deb('jq', '1.6')], plus(1));
        assert.deepEqual([r2.added, r2.removed, r2.changed, r2.unchanged], [1, 1, 1, 1]);
        const hashes = await s.db.selectFrom('asset_software').select('key_hash').where('asset_id', '=', asset.id).where('valid_to', 'is', null).execute();
        assert.deepEqual(hashes.map((h) => h.key_hash === null), [false, false, false], 'every current row has its hash now');
        const r3 = await s.inventory.recordInventory(asset.id, [deb('bash', '5.2.1'), deb('curl', '7.88.1'), deb('xz-utils', '5.4')], plus(2));
        assert.deepEqual([r3.added, r3.removed, r3.changed, r3.unchanged], [1, 1, 1, 1]);
        assert.deepEqual(r3.changes.map((c) => `${c.kind} ${(c.before ?? c.after)!.name}`).sort(), ['added xz-utils', 'changed bash', 'removed jq']);
        assert.deepEqual(await current(asset.id), ['bash=5.2.1', 'curl=7.88.1', 'xz-utils=5.4']);
        const history = await s.inventory.listSoftwareChanges(asset.id);
        assert.equal(history.length, 3 + 3 + 3);
      });

      it('markFindingsStale: a change sets the stale mark with the digest, no change leaves it, and it never moves back', async () => {
        const { asset } = await enrolledHost();
        const staleSince = async () => (await s.assets.listStaleAssets(1000)).find((a) => a.id === asset.id)?.since;
        await s.inventory.recordInventory(asset.id, [deb('bash', '5.2')], T0);
        assert.equal(await staleSince(), undefined, 'not asked: no mark');
        await s.inventory.recordInventory(asset.id, [deb('bash', '5.2')], plus(1), { markFindingsStale: true });
        assert.equal(await staleSince(), undefined, 'unchanged: no mark');
        await s.inventory.recordInventory(asset.id, [deb('bash', '5.2.1')], plus(5), { markFindingsStale: true });
        assert.equal(await staleSince(), plus(5));
        await s.inventory.recordInventory(asset.id, [deb('bash', '5.2.2')], plus(3), { markFindingsStale: true });
        assert.equal(await staleSince(), plus(5), 'an older change does not move the mark back');
        assert.deepEqual(await current(asset.id), ['bash=5.2.2']);
      });
    });

    describe('recordCheckIns', () => {
      it('writes agent and asset facts of many agents at once', async () => {
        const hosts = await Promise.all([enrolledHost(), enrolledHost(), enrolledHost()]);
        await s.agents.recordCheckIns(hosts.map((h, i) => facts(h.agent, plus(60 + i))));
        for (const [i, h] of hosts.entries()) {
          const agent = (await s.agents.findAgent(h.agent.id))!;
          assert.deepEqual([agent.agentVersion, agent.allowedJobKinds, agent.lastCheckInAt], ['0.2.0', ['install'], plus(60 + i)]);
          const asset = (await s.assets.findAssetById(h.asset.id))!;
          assert.deepEqual([asset.lastSeen, asset.rebootRequired, asset.kernel, asset.updatesAvailable], [plus(60 + i), true, { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64', '6.1.0-20-amd64'] }, [{ name: 'openssl', version: '3.0.13-1~deb12u1' }]]);
        }
      });
      const ordering: { name: string; batches: { at: number; version: string }[][]; expect: { version: string; at: number } }[] = [
        { name: 'the newest check-in of an agent in one batch wins', batches: [[{ at: 120, version: '0.3.0' }, { at: 60, version: '0.2.0' }]], expect: { version: '0.3.0', at: 120 } },
        { name: 'an older batch after a newer one changes nothing', batches: [[{ at: 120, version: '0.3.0' }], [{ at: 60, version: '0.2.0' }]], expect: { version: '0.3.0', at: 120 } },
        { name: 'a newer batch replaces', batches: [[{ at: 60, version: '0.2.0' }], [{ at: 120, version: '0.3.0' }]], expect: { version: '0.3.0', at: 120 } },
      ];
      for (const c of ordering) {
        it(c.name, async () => {
          const { agent, asset } = await enrolledHost();
          for (const b of c.batches) await s.agents.recordCheckIns(b.map((x) => facts(agent, plus(x.at), { agentVersion: x.version })));
          const got = (await s.agents.findAgent(agent.id))!;
          assert.deepEqual([got.agentVersion, got.lastCheckInAt], [c.expect.version, plus(c.expect.at)]);
          assert.equal((await s.assets.findAssetById(asset.id))!.lastSeen, plus(c.expect.at));
        });
      }
      it('a revoked agent is skipped', async () => {
        const { agent } = await enrolledHost();
        await s.agents.revokeAgent(agent.id, T0);
        await s.agents.recordCheckIns([facts(agent, plus(60))]);
        const got = (await s.agents.findAgent(agent.id))!;
        assert.deepEqual([got.agentVersion, got.lastCheckInAt], ['0.1.0', agent.lastCheckInAt]);
      });
      it('an empty batch does nothing', async () => {
        await s.agents.recordCheckIns([]);
      });
    });

    describe('authenticateCheckIns and countLeasableJobs', () => {
      const install = (key: string, over: object = {}) => ({ kind: 'install' as const, args: { packages: [{ name: 'openssl', version: '3.0.13-1~deb12u1' }] }, idempotencyKey: key, ...over });
      const cases: { name: string; setup: (h: Awaited<ReturnType<typeof enrolledHost>>) => Promise<void>; kinds?: JobKind[]; expect: { hasInventory: boolean; lastJobFinishedAt?: string; queuedJobs: number; leasable: number } }[] = [
        { name: 'a new host: no inventory, no jobs', setup: async () => {}, expect: { hasInventory: false, queuedJobs: 0, leasable: 0 } },
        { name: 'inventory held', setup: async (h) => void (await s.inventory.recordInventory(h.asset.id, [OPENSSL], T0)), expect: { hasInventory: true, queuedJobs: 0, leasable: 0 } },
        {
          name: 'queued jobs count when due and unexpired; leasable ones also by kind',
          setup: async (h) => {
            for (const j of [install('due'), install('later', { notBefore: HOUR_LATER }), install('expired', { expiresAt: plus(1) }), { kind: 'hold' as const, args: { packages: ['openssl'] }, idempotencyKey: 'other-kind' }]) {
              await s.jobs.enqueueJob({ assetId: h.asset.id, ...j }, { at: T0 });
            }
          },
          kinds: ['install'],
          expect: { hasInventory: false, queuedJobs: 2, leasable: 1 },
        },
        {
          name: 'the newest job end of the asset',
          setup: async (h) => {
            const { job } = await s.jobs.enqueueJob({ assetId: h.asset.id, kind: 'refresh-inventory', args: {}, idempotencyKey: 'done' }, { at: T0 });
            await s.jobs.leaseNextJob(h.agent.id, h.asset.id, 60, plus(1));
            await s.jobs.startJob(job.id, h.agent.id, plus(2));
            await s.jobs.completeJob(job.id, h.agent.id, { exitCode: 0, log: '' }, plus(3));
          },
          expect: { hasInventory: false, lastJobFinishedAt: plus(3), queuedJobs: 0, leasable: 0 },
        },
        { name: 'no allowed kinds: nothing is leasable', setup: async (h) => void (await s.jobs.enqueueJob({ assetId: h.asset.id, ...install('k') }, { at: T0 })), kinds: [], expect: { hasInventory: false, queuedJobs: 1, leasable: 0 } },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const h = await enrolledHost();
          await c.setup(h);
          const [got] = await s.agents.authenticateCheckIns([{ agentId: h.agent.id, secret: h.secret }], plus(10));
          assert.ok(got);
          assert.equal(got.agent.id, h.agent.id);
          const leasable = await s.agents.countLeasableJobs(h.asset.id, c.kinds ?? KINDS, plus(10));
          assert.deepEqual({ ...got.state, leasable }, c.expect);
        });
      }
      it('a batch answers each credential in order: good ones with their state, wrong or repeated ones as they are', async () => {
        const hosts = await Promise.all([enrolledHost(), enrolledHost(), enrolledHost()]);
        await s.inventory.recordInventory(hosts[1]!.asset.id, [OPENSSL], T0);
        const creds = [hosts[0]!, hosts[1]!, { ...hosts[2]!, secret: 'pla_wrong' }, hosts[1]!].map((h) => ({ agentId: h.agent.id, secret: h.secret }));
        const got = await s.agents.authenticateCheckIns(creds, plus(10));
        assert.deepEqual(got.map((g) => g && [g.agent.id, g.state.hasInventory]), [[hosts[0]!.agent.id, false], [hosts[1]!.agent.id, true], undefined, [hosts[1]!.agent.id, true]]);
      });
      it('a wrong secret or a revoked agent is not authenticated', async () => {
        const h = await enrolledHost();
        assert.deepEqual(await s.agents.authenticateCheckIns([{ agentId: h.agent.id, secret: 'pla_wrong' }], T0), [undefined]);
        await s.agents.revokeAgent(h.agent.id, T0);
        assert.deepEqual(await s.agents.authenticateCheckIns([{ agentId: h.agent.id, secret: h.secret }], T0), [undefined]);
      });
    });
  });
}
