import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Advisory, Clock, SignableJob } from '@patchloop/core';
import { verifyJobSignature } from '@patchloop/store';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { buildApp } from '../app.js';

const T0 = Date.parse('2026-11-27T10:00:00.000Z');
const DEB = (name: string, version: string) => ({ ecosystem: 'Debian:12', name, version, arch: 'amd64' });
const FACTS = { os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12' }, arch: 'amd64', kernel: { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64'] } };
const KERNEL = { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64'] };
const INSTALL = { kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] } };

interface Enrolled { agentId: string; assetId: string; agentSecret: string; jobSigningPublicKey: string; headers: Record<string, string> }

describe('agent protocol over HTTP', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let now = T0;
  /** Every reading moves time one second on, so "after the previous check-in" is well defined. */
  const clock: Clock = { nowIso: () => new Date((now += 1000)).toISOString() };
  const admin: Record<string, string> = {};
  const viewer: Record<string, string> = {};

  const post = (url: string, headers: Record<string, string>, payload?: unknown) => app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const newToken = async (maxUses = 5, expiresInMs = 3600_000) => {
    const res = await post('/api/v1/enrollment-tokens', admin, { expiresAt: new Date(now + expiresInMs).toISOString(), maxUses });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; token: string };
  };
  const enroll = async (hostname: string, allowedJobKinds = ['install', 'refresh-inventory', 'reboot']): Promise<Enrolled> => {
    const { token } = await newToken();
    const res = await post('/agent/v1/enroll', {}, { enrollmentToken: token, hostname, agentVersion: '0.1.0', allowedJobKinds, facts: FACTS });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    return { ...body, headers: { 'x-patchloop-agent': body.agentId, authorization: `Agent ${body.agentSecret}` } };
  };
  const checkIn = (a: Enrolled, extra: Record<string, unknown> = {}) => post('/agent/v1/checkin', a.headers, { updatesAvailable: [], rebootRequired: false, kernel: KERNEL, ...extra });
  const enqueue = async (assetId: string, body: object = INSTALL) => {
    const res = await post(`/api/v1/assets/${assetId}/jobs`, admin, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string };
  };
  const software = async (assetId: string) => (await app.inject({ url: `/api/v1/assets/${assetId}/software`, headers: admin })).json().packages.map((p: { name: string; version: string }) => `${p.name}=${p.version}`).sort();

  before(async () => {
    t = await openSqliteTestStore();
    admin.authorization = `Bearer ${(await t.store.tokens.createToken('alice', 'admin', clock.nowIso())).token}`;
    viewer.authorization = `Bearer ${(await t.store.tokens.createToken('vic', 'viewer', clock.nowIso())).token}`;
    app = await buildApp({ store: t.store, clock, logger: false });
  });
  after(async () => {
    await app?.close();
    await t?.cleanup();
  });

  describe('enrollment', () => {
    it('two hosts racing for a one-use token: one enrolls, the other is refused and leaves no asset', async () => {
      const { token } = await newToken(1);
      const body = (hostname: string) => ({ enrollmentToken: token, hostname, agentVersion: '0.1.0', allowedJobKinds: ['install'], facts: FACTS });
      const results = await Promise.all([post('/agent/v1/enroll', {}, body('race-a')), post('/agent/v1/enroll', {}, body('race-b'))]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 401]);
      const winner = results.find((r) => r.statusCode === 201)!.json().assetId;
      const hosts = (await app.inject({ url: '/api/v1/assets?limit=500', headers: admin })).json().items.filter((x: { name: string }) => x.name.startsWith('race-'));
      assert.deepEqual(hosts.map((x: { id: string }) => x.id), [winner]);
    });

    it('creates the host asset, returns the secret once and the public key to pin', async () => {
      const a = await enroll('web-1');
      assert.match(a.agentSecret, /^pla_/);
      assert.match(a.jobSigningPublicKey, /^-----BEGIN PUBLIC KEY-----/);
      const asset = (await app.inject({ url: `/api/v1/assets/${a.assetId}`, headers: admin })).json();
      assert.deepEqual([asset.name, asset.kind, asset.os.family, asset.source], ['web-1', 'host', 'debian', 'agent']);
    });

    it('re-enrolling a host keeps its asset and revokes the previous agent', async () => {
      const first = await enroll('web-2');
      const second = await enroll('web-2');
      assert.equal(second.assetId, first.assetId);
      assert.equal((await checkIn(first)).json().error.code, 'E_AGENT_UNAUTHENTICATED');
      assert.equal((await checkIn(second)).statusCode, 200);
    });

    const failures: { name: string; code: string; token: () => Promise<string> }[] = [
      { name: 'an unknown token', code: 'E_ENROLLMENT_INVALID', token: async () => 'ple_not-a-token' },
      { name: 'an expired token', code: 'E_ENROLLMENT_EXPIRED', token: async () => { const { token } = await newToken(5, 30_000); now += 60_000; return token; } },
      { name: 'an exhausted token', code: 'E_ENROLLMENT_EXHAUSTED', token: async () => {
        const { token } = await newToken(1);
        assert.equal((await post('/agent/v1/enroll', {}, { enrollmentToken: token, hostname: 'uses-it', agentVersion: '1', allowedJobKinds: [], facts: {} })).statusCode, 201);
        return token;
      } },
      { name: 'a revoked token', code: 'E_ENROLLMENT_REVOKED', token: async () => {
        const { id, token } = await newToken();
        assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/enrollment-tokens/${id}`, headers: admin })).statusCode, 204);
        return token;
      } },
    ];
    for (const f of failures) {
      it(`refuses ${f.name} with 401 ${f.code} and records no asset`, async () => {
        const hostname = `refused-${f.code}`;
        const res = await post('/agent/v1/enroll', {}, { enrollmentToken: await f.token(), hostname, agentVersion: '0.1.0', allowedJobKinds: [], facts: FACTS });
        assert.deepEqual([res.statusCode, res.json().error.code], [401, f.code]);
        assert.equal(await t.store.assets.findAssetByName('host', hostname), undefined);
      });
    }

    it('a viewer may not create enrollment tokens; revoking an unknown one is 404', async () => {
      assert.equal((await post('/api/v1/enrollment-tokens', viewer, { expiresAt: '2027-01-01', maxUses: 1 })).statusCode, 403);
      assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/enrollment-tokens/x', headers: admin })).json().error.code, 'E_ENROLLMENT_TOKEN_NOT_FOUND');
    });
  });

  describe('agent authentication', () => {
    let a: Enrolled;
    before(async () => { a = await enroll('auth-host'); });
    const cases: { name: string; headers: (a: Enrolled) => Record<string, string>; status: number }[] = [
      { name: 'no headers', headers: () => ({}), status: 401 },
      { name: 'a secret without the agent id', headers: (x) => ({ authorization: `Agent ${x.agentSecret}` }), status: 401 },
      { name: 'the agent id without a secret', headers: (x) => ({ 'x-patchloop-agent': x.agentId }), status: 401 },
      { name: 'a wrong secret', headers: (x) => ({ 'x-patchloop-agent': x.agentId, authorization: 'Agent pla_wrong' }), status: 401 },
      { name: 'an unknown agent id', headers: (x) => ({ 'x-patchloop-agent': 'nobody', authorization: `Agent ${x.agentSecret}` }), status: 401 },
      { name: 'a user API token', headers: () => admin, status: 401 },
      { name: 'the right secret as Bearer', headers: (x) => ({ 'x-patchloop-agent': x.agentId, authorization: `Bearer ${x.agentSecret}` }), status: 204 },
      { name: 'the right secret as Agent', headers: (x) => x.headers, status: 204 },
    ];
    for (const c of cases) {
      it(`${c.status === 401 ? 'refuses' : 'accepts'} ${c.name}`, async () => {
        const res = await post('/agent/v1/jobs/lease', c.headers(a));
        assert.equal(res.statusCode, c.status, res.body);
        if (c.status === 401) assert.equal(res.json().error.code, 'E_AGENT_UNAUTHENTICATED');
      });
    }
    it('agent credentials do not open /api', async () => {
      assert.equal((await app.inject({ url: '/api/v1/jobs', headers: a.headers })).statusCode, 401);
    });
  });

  describe('check-in and inventory', () => {
    let a: Enrolled;
    before(async () => { a = await enroll('inv-host'); });

    it('asks for a full inventory while it holds none', async () => {
      const res = await checkIn(a);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { sendFullInventory: true, jobsAvailable: 0, nextCheckInSeconds: 300, jitterSeconds: 30 });
    });

    it('records a full inventory, then applies a delta to it', async () => {
      const full = await checkIn(a, { inventory: { full: true, packages: [DEB('openssl', '3.0.9-1'), DEB('zlib1g', '1.2.13'), DEB('curl', '7.88.1')] }, rebootRequired: true });
      assert.equal(full.json().sendFullInventory, false);
      assert.deepEqual(await software(a.assetId), ['curl=7.88.1', 'openssl=3.0.9-1', 'zlib1g=1.2.13']);
      const delta = await checkIn(a, { inventory: { full: false, added: [DEB('jq', '1.6')], removed: [DEB('curl', '7.88.1')], changed: [DEB('openssl', '3.0.11-1')] } });
      assert.equal(delta.statusCode, 200, delta.body);
      assert.equal(delta.json().sendFullInventory, false);
      assert.deepEqual(await software(a.assetId), ['jq=1.6', 'openssl=3.0.11-1', 'zlib1g=1.2.13']);
      const asset = (await app.inject({ url: `/api/v1/assets/${a.assetId}`, headers: admin })).json();
      assert.deepEqual([asset.rebootRequired, asset.kernel.running], [false, KERNEL.running]);
    });

    const stale: { name: string; delta: object; field: string }[] = [
      { name: 'removing a package that is not installed', delta: { added: [], removed: [DEB('curl', '7.88.1')], changed: [] }, field: 'inventory.removed[0]' },
      { name: 'removing another version than the installed one', delta: { added: [], removed: [DEB('openssl', '3.0.9-1')], changed: [] }, field: 'inventory.removed[0]' },
      { name: 'changing a package that is not installed', delta: { added: [DEB('x', '1')], removed: [], changed: [DEB('nginx', '1.22')] }, field: 'inventory.changed[0]' },
    ];
    for (const s of stale) {
      it(`answers 409 E_INVENTORY_DELTA_STALE to ${s.name} and changes nothing`, async () => {
        const beforeIt = await software(a.assetId);
        const res = await checkIn(a, { inventory: { full: false, ...s.delta }, rebootRequired: true });
        assert.deepEqual([res.statusCode, res.json().error.code, res.json().error.field], [409, 'E_INVENTORY_DELTA_STALE', s.field]);
        assert.deepEqual(await software(a.assetId), beforeIt);
        assert.equal((await app.inject({ url: `/api/v1/assets/${a.assetId}`, headers: admin })).json().rebootRequired, false);
      });
    }

    it('a heartbeat still waiting to be written never overwrites the facts of a later inventory check-in', async () => {
      assert.equal((await checkIn(a, { rebootRequired: true })).statusCode, 200);
      assert.equal((await checkIn(a, { rebootRequired: false, inventory: { full: false, added: [], removed: [], changed: [] } })).statusCode, 200);
      await app.background.settle();
      assert.equal((await app.inject({ url: `/api/v1/assets/${a.assetId}`, headers: admin })).json().rebootRequired, false);
    });

    it('an unknown job kind in allowedJobKinds is 400 E_JOB_KIND_INVALID and changes nothing', async () => {
      const beforeIt = await software(a.assetId);
      for (const extra of [{}, { inventory: { full: false, added: [DEB('vim', '9.0')], removed: [], changed: [] } }]) {
        const res = await checkIn(a, { allowedJobKinds: ['install', 'rm-rf'], ...extra });
        assert.deepEqual([res.statusCode, res.json().error.code, res.json().error.field], [400, 'E_JOB_KIND_INVALID', 'allowedJobKinds']);
      }
      assert.deepEqual(await software(a.assetId), beforeIt);
      await app.background.settle();
      assert.equal((await checkIn(a)).statusCode, 200, 'the agent still authenticates');
      assert.equal((await t.store.agents.findAgent(a.agentId))?.allowedJobKinds.includes('rm-rf' as never), false);
    });

    it('re-matches the asset when its inventory changes', async () => {
      const v = await t.store.feeds.importVersion({ source: 'test-adv', inputHash: 'h1', records: 1, rejected: 0, fetchedAt: clock.nowIso(), advisories: [debAdvisory('CVE-2099-0001', 'jq', '1.7')], intel: [] }, clock.nowIso());
      assert.ok(v);
      const res = await checkIn(a, { inventory: { full: false, added: [], removed: [DEB('jq', '1.6')], changed: [] } });
      assert.equal(res.statusCode, 200, res.body);
      await checkIn(a, { inventory: { full: false, added: [DEB('jq', '1.6')], removed: [], changed: [] } });
      await app.background.settle();
      const findings = (await app.inject({ url: `/api/v1/findings?asset=${a.assetId}`, headers: admin })).json();
      assert.deepEqual(findings.findings.map((f: { vulnerabilityId: string }) => f.vulnerabilityId), ['CVE-2099-0001']);
    });
  });

  describe('jobs', () => {
    let a: Enrolled;
    before(async () => {
      a = await enroll('job-host');
      await checkIn(a, { inventory: { full: true, packages: [DEB('openssl', '3.0.9-1')] } });
    });

    it('enqueue -> lease (signed) -> start -> complete, with results queryable and a full inventory requested', async () => {
      const job = await enqueue(a.assetId);
      assert.equal((await checkIn(a)).json().jobsAvailable, 1);
      const lease = await post('/agent/v1/jobs/lease', a.headers);
      assert.equal(lease.statusCode, 200, lease.body);
      const { job: leased, signature } = lease.json();
      assert.deepEqual([leased.id, leased.state, leased.leaseOwner], [job.id, 'leased', a.agentId]);
      assert.equal((await post('/agent/v1/jobs/lease', a.headers)).statusCode, 204, 'one job is handed out once');
      assert.equal((await post(`/agent/v1/jobs/${job.id}/start`, a.headers)).json().state, 'running');
      const done = await post(`/agent/v1/jobs/${job.id}/complete`, a.headers, { exitCode: 0, logTail: 'Setting up openssl', packagesBefore: [{ name: 'openssl', version: '3.0.9-1' }], packagesAfter: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] });
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual([done.json().job.state, done.json().sendFullInventory], ['succeeded', true]);
      const read = (await app.inject({ url: `/api/v1/jobs/${job.id}`, headers: viewer })).json();
      assert.deepEqual([read.state, read.result.exitCode, read.result.logTail, read.result.packagesAfter[0].version], ['succeeded', 0, 'Setting up openssl', '3.0.11-1~deb12u2']);
      assert.ok(verifyJobSignature(signable(read), signature, a.jobSigningPublicKey));
      const listed = (await app.inject({ url: `/api/v1/jobs?asset=${a.assetId}&state=succeeded`, headers: viewer })).json();
      assert.deepEqual(listed.items.map((j: { id: string }) => j.id), [job.id]);
      assert.equal((await checkIn(a)).json().sendFullInventory, true, 'the next check-in asks for a full inventory');
      assert.equal((await checkIn(a, { inventory: { full: true, packages: [DEB('openssl', '3.0.11-1~deb12u2')] } })).json().sendFullInventory, false);
    });

    it('signs with the key pinned at enrollment; any tampered field fails verification', async () => {
      await enqueue(a.assetId, { kind: 'install', args: { packages: [{ name: 'curl', version: '7.88.1-10' }] }, expiresAt: new Date(now + 86_400_000).toISOString() });
      const { job, signature } = (await post('/agent/v1/jobs/lease', a.headers)).json();
      assert.ok(verifyJobSignature(signable(job), signature, a.jobSigningPublicKey));
      const tampered: [string, SignableJob][] = [
        ['args', { ...signable(job), args: { packages: [{ name: 'curl', version: '0.0.1' }] } }],
        ['kind', { ...signable(job), kind: 'reboot' }],
        ['assetId', { ...signable(job), assetId: 'another-host' }],
        ['expiresAt', { ...signable(job), expiresAt: '2099-01-01T00:00:00.000Z' }],
      ];
      for (const [field, changed] of tampered) assert.equal(verifyJobSignature(changed, signature, a.jobSigningPublicKey), false, field);
      const refused = await post(`/agent/v1/jobs/${job.id}/refuse`, a.headers, { reason: 'test cleanup' });
      assert.equal(refused.json().state, 'failed');
    });

    it('enqueues idempotently: the same key returns the job, other arguments under it conflict', async () => {
      const body = { ...INSTALL, idempotencyKey: 'patch-2026-11' };
      const first = await post(`/api/v1/assets/${a.assetId}/jobs`, admin, body);
      const again = await post(`/api/v1/assets/${a.assetId}/jobs`, admin, body);
      assert.deepEqual([first.statusCode, again.statusCode, again.json().id], [201, 200, first.json().id]);
      const other = await post(`/api/v1/assets/${a.assetId}/jobs`, admin, { ...body, args: { packages: [{ name: 'openssl', version: '9.9.9' }] } });
      assert.deepEqual([other.statusCode, other.json().error.code], [409, 'E_JOB_IDEMPOTENCY_MISMATCH']);
      await post(`/agent/v1/jobs/${(await post('/agent/v1/jobs/lease', a.headers)).json().job.id}/refuse`, a.headers, { reason: 'test cleanup' });
    });

    it('a restart mid-job makes it unknown; it is never leased again, even after its lease ends', async () => {
      const job = await enqueue(a.assetId);
      assert.equal((await post('/agent/v1/jobs/lease', a.headers)).json().job.id, job.id);
      await post(`/agent/v1/jobs/${job.id}/start`, a.headers);
      const res = await checkIn(a, { restartedDuringJobId: job.id, inventory: { full: false, added: [], removed: [], changed: [] } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().restartedJob, res.json().sendFullInventory], [{ id: job.id, state: 'unknown' }, true]);
      assert.equal((await checkIn(a, { restartedDuringJobId: job.id })).json().restartedJob.state, 'unknown', 'a re-sent check-in is harmless');
      now += 86_400_000;
      await app.background.sweepLeases();
      assert.equal((await post('/agent/v1/jobs/lease', a.headers)).statusCode, 204);
      assert.equal((await app.inject({ url: `/api/v1/jobs/${job.id}`, headers: admin })).json().state, 'unknown');
    });

    it('the server sweeps leases that ran out: the job goes back to the queue for its next attempt', async () => {
      const job = await enqueue(a.assetId);
      assert.equal((await post('/agent/v1/jobs/lease', a.headers)).json().job.id, job.id);
      await app.background.sweepLeases();
      assert.equal((await t.store.jobs.findJob(job.id))?.state, 'leased', 'a live lease stays');
      now += 121_000;
      await app.background.sweepLeases();
      const swept = await t.store.jobs.findJob(job.id);
      assert.deepEqual([swept?.state, swept?.attempts], ['queued', 1]);
      now += 3_600_000;
      const again = (await post('/agent/v1/jobs/lease', a.headers)).json().job;
      assert.equal(again.id, job.id);
      await post(`/agent/v1/jobs/${job.id}/refuse`, a.headers, { reason: 'test cleanup' });
    });

    it('records a refusal with its reason', async () => {
      const job = await enqueue(a.assetId);
      await post('/agent/v1/jobs/lease', a.headers);
      const res = await post(`/agent/v1/jobs/${job.id}/refuse`, a.headers, { reason: 'signature does not verify' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().state, res.json().failureReason, res.json().result.logTail], ['failed', 'refused', 'signature does not verify']);
    });

    it('never hands out a job without a signature: it is refused by the server', async () => {
      const { job } = await t.store.jobs.enqueueJob({ assetId: a.assetId, kind: 'reboot', args: {}, idempotencyKey: 'unsigned' }, { at: clock.nowIso() });
      assert.equal((await post('/agent/v1/jobs/lease', a.headers)).statusCode, 204);
      const stored = await t.store.jobs.findJob(job.id);
      assert.deepEqual([stored?.state, stored?.failureReason], ['failed', 'refused']);
    });

    it("an agent cannot move another asset's job", async () => {
      const other = await enroll('other-host');
      const job = await enqueue(a.assetId);
      const leased = (await post('/agent/v1/jobs/lease', a.headers)).json().job;
      assert.equal(leased.id, job.id);
      assert.equal((await post(`/agent/v1/jobs/${job.id}/start`, other.headers)).statusCode, 403);
      await post(`/agent/v1/jobs/${job.id}/refuse`, a.headers, { reason: 'test cleanup' });
    });

    const badJobs: { name: string; body: object; status: number; code: string; field: string }[] = [
      { name: 'an unknown kind', body: { kind: 'format-disk', args: {} }, status: 400, code: 'E_JOB_ARGS_INVALID', field: 'kind' },
      { name: 'a version range', body: { kind: 'install', args: { packages: [{ name: 'openssl', version: '>=3.0' }] } }, status: 400, code: 'E_JOB_ARGS_INVALID', field: 'args.packages[0].version' },
      { name: 'an argument the kind does not take', body: { kind: 'reboot', args: { force: true } }, status: 400, code: 'E_JOB_ARGS_INVALID', field: 'args.force' },
      { name: 'no args', body: { kind: 'reboot' }, status: 400, code: 'E_VALIDATION', field: 'body.args' },
      { name: 'an unknown body field', body: { kind: 'reboot', args: {}, priority: 1 }, status: 400, code: 'E_VALIDATION', field: 'body.priority' },
      { name: 'a bad notBefore', body: { kind: 'reboot', args: {}, notBefore: 'next tuesday' }, status: 400, code: 'E_INSTANT_INVALID', field: 'notBefore' },
      { name: 'a script where the host does not allow scripts', body: { kind: 'script', args: { shell: 'true' } }, status: 403, code: 'E_JOB_KIND_NOT_ALLOWED', field: 'kind' },
    ];
    for (const b of badJobs) {
      it(`refuses to enqueue ${b.name}: ${b.status} naming ${b.field}`, async () => {
        const res = await post(`/api/v1/assets/${a.assetId}/jobs`, admin, b.body);
        assert.deepEqual([res.statusCode, res.json().error.code, res.json().error.field], [b.status, b.code, b.field]);
      });
    }

    it('a viewer may not enqueue; an unknown asset is 404', async () => {
      assert.equal((await post(`/api/v1/assets/${a.assetId}/jobs`, viewer, INSTALL)).statusCode, 403);
      assert.equal((await post('/api/v1/assets/nope/jobs', admin, INSTALL)).json().error.code, 'E_ASSET_NOT_FOUND');
    });
  });

  it('the OpenAPI document lists the agent and job routes', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const want = ['/agent/v1/enroll', '/agent/v1/checkin', '/agent/v1/jobs/lease', '/agent/v1/jobs/{id}/start', '/agent/v1/jobs/{id}/complete', '/agent/v1/jobs/{id}/refuse', '/api/v1/enrollment-tokens', '/api/v1/enrollment-tokens/{id}', '/api/v1/assets/{id}/jobs', '/api/v1/jobs', '/api/v1/jobs/{id}'];
    for (const path of want) assert.ok(doc.paths[path], `missing ${path}`);
    assert.deepEqual(doc.paths['/agent/v1/enroll'].post.security, []);
    assert.ok(doc.components.securitySchemes.agentId);
  });
});

function signable(j: SignableJob): SignableJob {
  return { id: j.id, assetId: j.assetId, kind: j.kind, args: j.args, idempotencyKey: j.idempotencyKey, ...(j.notBefore ? { notBefore: j.notBefore } : {}), ...(j.expiresAt ? { expiresAt: j.expiresAt } : {}) };
}

function debAdvisory(cve: string, binary: string, fixed: string): Advisory {
  return { id: cve, aliases: [], source: 'test-adv', affected: [{ ecosystem: 'Debian:12', name: binary, packageKind: 'binary', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [], status: 'fixed' }], severities: [], references: [], provenance: { feed: 'test-adv', recordId: cve, fetchedAt: '2026-11-27T00:00:00.000Z', contentHash: cve } };
}
