import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { transitionJob, type Job, type JobKind } from '@patchloop/core';
import { enrolledTestHost, testEngines, type TestStore } from '../testing/test-stores.js';
import type { Store } from '../store.js';
import { generateJobSigningKeyPair, signJob, verifyJobSignature } from '../jobs/job-signature.js';

const T0 = '2026-11-27T10:00:00.000Z';
const HOUR_LATER = '2026-11-27T11:00:00.000Z';
const plus = (s: number, from = T0) => new Date(Date.parse(from) + s * 1000).toISOString();
const ALL_BUT_SCRIPT: JobKind[] = ['refresh-inventory', 'install', 'hold', 'unhold', 'rollback', 'health-check', 'reboot'];
const INSTALL = (v = '3.0.11-1~deb12u2') => ({ packages: [{ name: 'openssl', version: v }] });

// One contract, every engine: SQLite always, PostgreSQL when reachable (CI requires it).
const engines = await testEngines();
for (const engine of engines) {
  describe(`agents and jobs contract on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestStore;
    let s: Store;
    let n = 0;
    before(async () => {
      t = await engine.open();
      s = t.store;
    });
    after(async () => t?.cleanup());

    /** A new asset with an enrolled agent. */
    const enrolledHost = (kinds: readonly string[] = ALL_BUT_SCRIPT) => enrolledTestHost(s, { name: `host-${++n}`, kinds, at: T0 });

    describe('enrollment tokens', () => {
      const cases: { name: string; maxUses: number; redeems: number; revoke?: boolean; at?: string; expect: (string | 'ok')[] }[] = [
        { name: 'usable up to max uses, then E_ENROLLMENT_EXHAUSTED', maxUses: 2, redeems: 3, expect: ['ok', 'ok', 'E_ENROLLMENT_EXHAUSTED'] },
        { name: 'expired at its expiry: E_ENROLLMENT_EXPIRED', maxUses: 2, redeems: 1, at: HOUR_LATER, expect: ['E_ENROLLMENT_EXPIRED'] },
        { name: 'revoked: E_ENROLLMENT_REVOKED', maxUses: 2, redeems: 1, revoke: true, expect: ['E_ENROLLMENT_REVOKED'] },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const { token, record } = await s.agents.createEnrollmentToken({ name: c.name, expiresAt: HOUR_LATER, maxUses: c.maxUses }, T0);
          assert.match(token, /^ple_/);
          if (c.revoke) assert.equal(await s.agents.revokeEnrollmentToken(record.id, T0), true);
          const got: string[] = [];
          for (let i = 0; i < c.redeems; i++) {
            got.push(await s.agents.redeemEnrollmentToken(token, c.at ?? T0).then(() => 'ok', (e: { code: string; kind: string }) => (assert.equal(e.kind, 'unauthorized'), e.code)));
          }
          assert.deepEqual(got, c.expect);
        });
      }
      it('an unknown token is E_ENROLLMENT_INVALID and only the hash is stored', async () => {
        await assert.rejects(s.agents.redeemEnrollmentToken('ple_nope', T0), { code: 'E_ENROLLMENT_INVALID', kind: 'unauthorized' });
        const { token } = await s.agents.createEnrollmentToken({ name: 'hash', expiresAt: HOUR_LATER, maxUses: 1 }, T0);
        const rows = await s.db.selectFrom('enrollment_tokens').select('token_hash').execute();
        assert.equal(rows.some((r) => r.token_hash === token), false);
      });
      it('20 parallel redemptions of a 5-use token: exactly 5 succeed', async (ctx) => {
        const { token, record } = await s.agents.createEnrollmentToken({ name: 'race', expiresAt: HOUR_LATER, maxUses: 5 }, T0);
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => s.agents.redeemEnrollmentToken(token, T0)));
        const ok = results.filter((r) => r.status === 'fulfilled').length;
        const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
        ctx.diagnostic(`${engine.name}: ${ok} of 20 parallel redemptions succeeded`);
        assert.equal(ok, 5);
        assert.deepEqual([...new Set(codes)], ['E_ENROLLMENT_EXHAUSTED']);
        assert.equal((await s.agents.findEnrollmentToken(record.id))?.useCount, 5);
      });
    });

    describe('agents', () => {
      it('authenticates with its secret only; the secret is stored hashed', async () => {
        const { agent, secret } = await enrolledHost();
        assert.equal((await s.agents.authenticateAgent(agent.id, secret))?.id, agent.id);
        assert.equal(await s.agents.authenticateAgent(agent.id, `${secret}x`), undefined);
        assert.equal(await s.agents.authenticateAgent('00000000-0000-7000-8000-000000000000', secret), undefined);
        const row = await s.db.selectFrom('agents').select('secret_hash').where('id', '=', agent.id).executeTakeFirstOrThrow();
        assert.notEqual(row.secret_hash, secret);
        assert.deepEqual(agent.allowedJobKinds, [...ALL_BUT_SCRIPT].sort());
      });
      it('re-enrolling an asset revokes the old agent; check-in updates version and kinds', async () => {
        const { asset, agent: old, secret: oldSecret } = await enrolledHost();
        const { token } = await s.agents.createEnrollmentToken({ name: 're', expiresAt: HOUR_LATER, maxUses: 1 }, T0);
        const { agent, secret } = await s.agents.enrollAgent({ token, assetId: asset.id, agentVersion: '0.2.0', allowedJobKinds: ['refresh-inventory'] }, T0);
        assert.equal(await s.agents.authenticateAgent(old.id, oldSecret), undefined);
        assert.equal((await s.agents.findAgentByAsset(asset.id))?.id, agent.id);
        assert.ok(await s.agents.authenticateAgent(agent.id, secret));
        await s.agents.recordCheckIns([{ agentId: agent.id, assetId: asset.id, at: HOUR_LATER, agentVersion: '0.2.1', allowedJobKinds: ['refresh-inventory', 'install', 'install'], rebootRequired: false, kernel: { running: 'k', installed: [] }, updatesAvailable: [] }]);
        const checked = await s.agents.findAgent(agent.id);
        assert.deepEqual([checked?.agentVersion, checked?.allowedJobKinds, checked?.lastCheckInAt], ['0.2.1', ['install', 'refresh-inventory'], HOUR_LATER]);
      });
      it('a failed enrollment (unknown asset) uses nothing of the token', async () => {
        const { token, record } = await s.agents.createEnrollmentToken({ name: 'fail', expiresAt: HOUR_LATER, maxUses: 1 }, T0);
        await assert.rejects(s.agents.enrollAgent({ token, assetId: '00000000-0000-7000-8000-000000000000', agentVersion: '0.1.0', allowedJobKinds: [] }, T0), { code: 'E_ASSET_NOT_FOUND' });
        assert.equal((await s.agents.findEnrollmentToken(record.id))?.useCount, 0);
        await assert.rejects(s.agents.enrollAgent({ token, assetId: 'x', agentVersion: '0.1.0', allowedJobKinds: ['rm-rf'] }, T0), { code: 'E_JOB_KIND_INVALID' });
      });
    });

    describe('jobs', () => {
      it('enqueue is idempotent per asset; the same key with other arguments is E_JOB_IDEMPOTENCY_MISMATCH', async () => {
        const { asset } = await enrolledHost();
        const first = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'k1' }, { at: T0 });
        const again = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'k1' }, { at: plus(5) });
        assert.deepEqual([first.created, again.created, again.job.id], [true, false, first.job.id]);
        assert.deepEqual(again.job, first.job);
        await assert.rejects(s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL('3.0.9-1'), idempotencyKey: 'k1' }, { at: T0 }), { code: 'E_JOB_IDEMPOTENCY_MISMATCH', kind: 'conflict' });
        const other = await enrolledHost();
        assert.equal((await s.jobs.enqueueJob({ assetId: other.asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'k1' }, { at: T0 })).created, true);
        assert.equal((await s.jobs.listJobs({ assetId: asset.id })).items.length, 1);
      });
      it('validates arguments, and script only where the agent reports scripts allowed', async () => {
        const { asset } = await enrolledHost();
        await assert.rejects(s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: { packages: [{ name: 'openssl', version: '>=3' }] }, idempotencyKey: 'bad' }, { at: T0 }), { code: 'E_JOB_ARGS_INVALID' });
        await assert.rejects(s.jobs.enqueueJob({ assetId: asset.id, kind: 'script', args: { shell: 'true' }, idempotencyKey: 's' }, { at: T0 }), { code: 'E_JOB_KIND_NOT_ALLOWED' });
        const scripted = await enrolledHost([...ALL_BUT_SCRIPT, 'script']);
        assert.equal((await s.jobs.enqueueJob({ assetId: scripted.asset.id, kind: 'script', args: { shell: 'true' }, idempotencyKey: 's' }, { at: T0 })).job.state, 'queued');
      });
      it('stores the signature, which verifies over the stored job', async () => {
        const { asset } = await enrolledHost();
        const keys = generateJobSigningKeyPair();
        const { job } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'signed', notBefore: T0, expiresAt: HOUR_LATER }, { at: T0, sign: (j) => signJob(j, keys.privateKeyPem) });
        const stored = (await s.jobs.findJob(job.id))!;
        assert.equal(verifyJobSignature(stored, stored.signature!, keys.publicKeyPem), true);
      });
      it('a lease is exactly core\'s lease transition; notBefore and allowed kinds are respected', async () => {
        const { asset, agent } = await enrolledHost(['install']);
        await s.jobs.enqueueJob({ assetId: asset.id, kind: 'reboot', args: {}, idempotencyKey: 'r' }, { at: T0 });
        const { job: later } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'later', notBefore: plus(60) }, { at: T0 });
        assert.equal(await s.jobs.leaseNextJob(agent.id, asset.id, 30, T0), undefined);
        const leased = await s.jobs.leaseNextJob(agent.id, asset.id, 30, plus(60));
        assert.deepEqual(leased, transitionJob(later, { type: 'lease', agentId: agent.id, leaseSeconds: 30 }, plus(60)));
        const other = await enrolledHost();
        await assert.rejects(s.jobs.leaseNextJob(other.agent.id, asset.id, 30, T0), { code: 'E_AGENT_FORBIDDEN' });
      });
      it('4 concurrent workers lease 40 jobs: each exactly once, no duplicates', async (ctx) => {
        const { asset, agent } = await enrolledHost();
        for (let i = 0; i < 40; i++) await s.jobs.enqueueJob({ assetId: asset.id, kind: 'refresh-inventory', args: {}, idempotencyKey: `c${i}` }, { at: T0 });
        const worker = async () => {
          const got: Job[] = [];
          for (let j = await s.jobs.leaseNextJob(agent.id, asset.id, 60, T0); j; j = await s.jobs.leaseNextJob(agent.id, asset.id, 60, T0)) got.push(j);
          return got;
        };
        const perWorker = await Promise.all([worker(), worker(), worker(), worker()]);
        const ids = perWorker.flat().map((j) => j.id);
        ctx.diagnostic(`${engine.name}: leases per worker ${perWorker.map((w) => w.length).join('/')}, ${ids.length} leases, ${new Set(ids).size} distinct jobs`);
        assert.equal(ids.length, 40);
        assert.equal(new Set(ids).size, 40);
        const stored = (await s.jobs.listJobs({ assetId: asset.id })).items;
        assert.deepEqual([...new Set(stored.map((j) => `${j.state}/${j.attempts}`))], ['leased/1']);
      });
      it('an expired lease re-queues after backoff, then times out after maxAttempts', async () => {
        const { asset, agent } = await enrolledHost();
        const mine = async (at: string) => (await s.jobs.expireLeases(at)).filter((e) => e.jobId === job.id); // other tests' leases expire too
        const { job } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'reboot', args: {}, idempotencyKey: 'exp', retry: { maxAttempts: 2, backoffSeconds: [10] } }, { at: T0 });
        assert.equal((await s.jobs.leaseNextJob(agent.id, asset.id, 30, T0))?.id, job.id);
        assert.deepEqual(await mine(plus(29)), []);
        assert.deepEqual(await mine(plus(31)), [{ jobId: job.id, from: 'leased', to: 'queued', attempts: 1 }]);
        const requeued = (await s.jobs.findJob(job.id))!;
        assert.deepEqual([requeued.state, requeued.runAfter, requeued.leaseOwner], ['queued', plus(41), undefined]);
        assert.equal(await s.jobs.leaseNextJob(agent.id, asset.id, 30, plus(40)), undefined);
        assert.equal((await s.jobs.leaseNextJob(agent.id, asset.id, 30, plus(41)))?.attempts, 2);
        await s.jobs.startJob(job.id, agent.id, plus(42));
        assert.deepEqual(await mine(plus(42 + 900)), [{ jobId: job.id, from: 'running', to: 'timed_out', attempts: 2 }]);
        assert.equal((await s.jobs.findJob(job.id))?.failureReason, 'lease-expired');
        assert.equal(await s.jobs.leaseNextJob(agent.id, asset.id, 30, HOUR_LATER), undefined);
      });
      it('stores results: exit code, capped log tail, packages before/after; queryable by state', async () => {
        const { asset, agent } = await enrolledHost();
        const { job } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL(), idempotencyKey: 'res' }, { at: T0 });
        const { job: bad } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'install', args: INSTALL('9'), idempotencyKey: 'res-bad' }, { at: T0 });
        await s.jobs.leaseNextJob(agent.id, asset.id, 60, T0);
        await assert.rejects(s.jobs.completeJob(job.id, agent.id, { exitCode: 0, log: '' }, T0), { code: 'E_JOB_TRANSITION' });
        await s.jobs.startJob(job.id, agent.id, plus(1));
        const log = `${'x'.repeat(70_000)}done\n`;
        await s.jobs.completeJob(job.id, agent.id, { exitCode: 0, log, packagesBefore: [{ name: 'openssl', version: '3.0.9-1' }], packagesAfter: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] }, plus(20));
        const done = (await s.jobs.findJob(job.id))!;
        assert.equal(done.state, 'succeeded');
        assert.equal(done.result?.exitCode, 0);
        assert.equal(done.result?.logTruncated, true);
        assert.equal(Buffer.byteLength(done.result!.logTail), 64 * 1024);
        assert.ok(done.result!.logTail.endsWith('done\n'));
        assert.deepEqual(done.result?.packagesAfter, [{ name: 'openssl', version: '3.0.11-1~deb12u2' }]);
        assert.deepEqual([done.startedAt, done.finishedAt, done.leaseOwner], [plus(1), plus(20), undefined]);

        await s.jobs.leaseNextJob(agent.id, asset.id, 60, plus(21));
        await s.jobs.startJob(bad.id, agent.id, plus(21));
        await s.jobs.completeJob(bad.id, agent.id, { exitCode: 100, log: 'E: Version 9 not found' }, plus(22));
        assert.deepEqual((await s.jobs.listJobs({ assetId: asset.id, state: 'failed' })).items.map((j) => [j.id, j.failureReason, j.result?.exitCode, j.result?.logTruncated]), [[bad.id, 'exit-code', 100, false]]);
        assert.deepEqual((await s.jobs.listJobs({ assetId: asset.id, state: ['succeeded', 'failed'] }, { limit: 1 })).items.length, 1);
      });
      it('agent restart mid-job makes it unknown; a late report or an operator resolves it; others cannot touch it', async () => {
        const { asset, agent } = await enrolledHost();
        const other = await enrolledHost();
        const { job } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'reboot', args: {}, idempotencyKey: 'u' }, { at: T0 });
        await s.jobs.leaseNextJob(agent.id, asset.id, 60, T0);
        await assert.rejects(s.jobs.startJob(job.id, other.agent.id, T0), { code: 'E_AGENT_FORBIDDEN' });
        await s.jobs.startJob(job.id, agent.id, T0);
        assert.equal((await s.jobs.markAgentRestarted(job.id, agent.id, plus(5))).state, 'unknown');
        assert.equal((await s.jobs.expireLeases(HOUR_LATER)).some((e) => e.jobId === job.id), false);
        assert.equal((await s.jobs.completeJob(job.id, agent.id, { exitCode: 0, log: 'rebooted' }, plus(90))).state, 'succeeded');
        const { job: queued } = await s.jobs.enqueueJob({ assetId: asset.id, kind: 'reboot', args: {}, idempotencyKey: 'c' }, { at: T0 });
        assert.equal((await s.jobs.cancelJob(queued.id, T0)).failureReason, 'cancelled');
        await assert.rejects(s.jobs.cancelJob(queued.id, T0), { code: 'E_JOB_TRANSITION' });
      });
    });
  });
}
