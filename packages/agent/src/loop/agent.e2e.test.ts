import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { InstalledPackage, PinnedPackage } from '@patchloop/core';
import { buildApp } from '@patchloop/server';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { resolveAgentConfig } from '../config/agent-config.js';
import type { AvailableUpdate, ExecutableJob, ExecutionOutcome, JobExecutor } from '../executors/executor.js';
import type { HostFacts, InventorySource } from '../inventory/host-inventory.source.js';
import { AgentClient, type Fetch } from '../protocol/agent-client.js';
import { readAgentState, stateFilePath, writeAgentState } from '../state/agent-state.js';
import { Agent, type AgentOptions } from './agent.js';

// The real server (in-process, SQLite, listening on 127.0.0.1) and the real agent over HTTP.
// The host is scripted: FakeHost stands in for dpkg and apt, which the fleet harness runs for real.

const DEB = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, arch: 'amd64' });

class FakeHost implements InventorySource, JobExecutor {
  readonly packageManager = 'fake';
  readonly ran: ExecutableJob[] = [];
  packages: InstalledPackage[];
  constructor(readonly hostname: string, packages: InstalledPackage[]) {
    this.packages = packages;
  }
  async collect(): Promise<HostFacts> {
    return { hostname: this.hostname, os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12' }, arch: 'amd64', addresses: ['10.0.0.5'], kernel: { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64'] }, rebootRequired: false, packages: [...this.packages] };
  }
  async run(job: ExecutableJob): Promise<ExecutionOutcome> {
    this.ran.push(job);
    if (job.kind !== 'install') return { exitCode: 0, log: 'ok\n' };
    for (const p of (job.args as { packages: PinnedPackage[] }).packages) this.packages = [...this.packages.filter((q) => q.name !== p.name), DEB(p.name, p.version)];
    return { exitCode: 0, log: 'Setting up openssl (3.0.11-1~deb12u2) ...\n' };
  }
  async listAvailableUpdates(): Promise<AvailableUpdate[]> {
    return [{ name: 'openssl', version: '3.0.11-1~deb12u2' }];
  }
}

describe('agent against the real server', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let serverUrl: string;
  let root: string;
  const admin: Record<string, string> = { 'content-type': 'application/json' };

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${serverUrl}${path}`, { method, headers: admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const newEnrollmentToken = async () => (await api('POST', '/api/v1/enrollment-tokens', { expiresAt: new Date(Date.now() + 3600_000).toISOString(), maxUses: 5 })).json.token as string;
  const software = async (assetId: string) => ((await api('GET', `/api/v1/assets/${assetId}/software`)).json.packages as InstalledPackage[]).map((p) => `${p.name}=${p.version}`).sort();
  const enqueue = async (assetId: string, body: object) => {
    const res = await api('POST', `/api/v1/assets/${assetId}/jobs`, body);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    return res.json.id as string;
  };
  const jobById = async (id: string) => (await api('GET', `/api/v1/jobs/${id}`)).json;
  const newAgent = async (host: FakeHost, extra: Partial<AgentOptions> = {}) => {
    const stateDir = await mkdtemp(join(root, 'state-'));
    const agent = new Agent({ stateDir, serverUrl, enrollmentToken: await newEnrollmentToken(), config: resolveAgentConfig(), inventory: host, executor: host, sleep: async () => undefined, log: () => undefined, ...extra });
    return { agent, stateDir };
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'patchloop-agent-e2e-'));
    t = await openSqliteTestStore();
    admin.authorization = `Bearer ${(await t.store.tokens.createToken('alice', 'admin', new Date().toISOString())).token}`;
    app = await buildApp({ store: t.store, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    serverUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app?.close();
    await t?.cleanup();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('enrolls, pins the key, and its full inventory appears; later check-ins send deltas', async () => {
    const host = new FakeHost('e2e-web-1', [DEB('openssl', '3.0.9-1'), DEB('curl', '7.88.1-10')]);
    const { agent, stateDir } = await newAgent(host);
    const first = await agent.runOnce();
    assert.equal(first.enrolled, true);
    const state = await readAgentState(stateDir);
    assert.ok(state);
    assert.match(state.pinnedPublicKeyPem, /BEGIN PUBLIC KEY/);
    assert.equal((await stat(stateFilePath(stateDir))).mode & 0o777, 0o600);
    assert.deepEqual(await software(state.assetId), ['curl=7.88.1-10', 'openssl=3.0.9-1']);
    const asset = (await api('GET', `/api/v1/assets/${state.assetId}`)).json;
    assert.deepEqual([asset.name, asset.source, asset.kernel.running], ['e2e-web-1', 'agent', '6.1.0-18-amd64']);

    host.packages = [DEB('openssl', '3.0.9-1'), DEB('jq', '1.6-2.1')];
    const second = await agent.runOnce();
    assert.deepEqual([second.enrolled, second.checkIn.sendFullInventory], [false, false]);
    assert.deepEqual(await software(state.assetId), ['jq=1.6-2.1', 'openssl=3.0.9-1']);
  });

  it('answers a 409 on a stale delta with a full inventory', async () => {
    const host = new FakeHost('e2e-stale', [DEB('openssl', '3.0.9-1')]);
    const { agent, stateDir } = await newAgent(host);
    await agent.runOnce();
    const state = await readAgentState(stateDir);
    assert.ok(state);
    // The agent believes the server holds a package it never accepted: removing it is stale.
    await writeAgentState(stateDir, { ...state, lastAcceptedInventory: [DEB('openssl', '3.0.9-1'), DEB('ghost', '1.0')], fullInventoryNext: false });
    host.packages = [DEB('openssl', '3.0.9-1'), DEB('zlib1g', '1:1.2.13')];
    await agent.runOnce();
    assert.deepEqual(await software(state.assetId), ['openssl=3.0.9-1', 'zlib1g=1:1.2.13']);
  });

  it('runs a signed install job: verified, started, completed with packages before and after', async () => {
    const host = new FakeHost('e2e-install', [DEB('openssl', '3.0.9-1'), DEB('curl', '7.88.1-10')]);
    const { agent, stateDir } = await newAgent(host);
    await agent.runOnce();
    const { assetId } = (await readAgentState(stateDir))!;
    const jobId = await enqueue(assetId, { kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] } });
    const cycle = await agent.runOnce();
    assert.deepEqual(cycle.jobs, [{ jobId, outcome: 'completed', exitCode: 0 }]);
    assert.deepEqual(host.ran.map((j) => [j.id, j.kind]), [[jobId, 'install']]);
    const job = await jobById(jobId);
    assert.equal(job.state, 'succeeded');
    assert.deepEqual([job.result.exitCode, job.result.packagesBefore, job.result.packagesAfter], [0, [{ name: 'openssl', version: '3.0.9-1' }], [{ name: 'openssl', version: '3.0.11-1~deb12u2' }]]);
    assert.match(job.result.logTail, /Setting up openssl/);
    assert.equal((await readAgentState(stateDir))?.runningJobId, undefined);
    assert.deepEqual(await software(assetId), ['curl=7.88.1-10', 'openssl=3.0.11-1~deb12u2'], 'the closing check-in sent the new inventory');
  });

  it('refuses and reports a job whose signature does not verify (tampered in transit), and runs nothing', async () => {
    const host = new FakeHost('e2e-tamper', [DEB('openssl', '3.0.9-1')]);
    // A man in the middle rewrites the leased job's arguments; the signature no longer matches.
    const tampering: Fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith('/agent/v1/jobs/lease') || res.status !== 200) return res;
      const body = (await res.json()) as { job: { args: unknown } };
      body.job.args = { packages: [{ name: 'openssl', version: '0.9.8-evil' }] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const { agent, stateDir } = await newAgent(host, { fetch: tampering });
    await agent.runOnce();
    const { assetId } = (await readAgentState(stateDir))!;
    const jobId = await enqueue(assetId, { kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] } });
    const cycle = await agent.runOnce();
    assert.equal(cycle.jobs.length, 1);
    assert.deepEqual([cycle.jobs[0]?.jobId, cycle.jobs[0]?.outcome], [jobId, 'refused']);
    assert.deepEqual(host.ran, []);
    const job = await jobById(jobId);
    assert.deepEqual([job.state, job.failureReason], ['failed', 'refused']);
    assert.match(job.result.logTail, /bad signature/);
  });

  it('reports its local allow list, so the server keeps a job of another kind queued (the gate unit test covers a server that hands it out anyway)', async () => {
    const host = new FakeHost('e2e-narrow', [DEB('openssl', '3.0.9-1')]);
    const { agent, stateDir } = await newAgent(host, { config: resolveAgentConfig({ allowKinds: 'refresh-inventory' }) });
    await agent.runOnce();
    const { assetId } = (await readAgentState(stateDir))!;
    const jobId = await enqueue(assetId, { kind: 'hold', args: { packages: ['openssl'] } });
    const cycle = await agent.runOnce();
    assert.deepEqual([cycle.checkIn.jobsAvailable, cycle.jobs, host.ran], [0, [], []]);
    assert.equal((await jobById(jobId)).state, 'queued');
  });

  it('restarted mid-job: reports the job once, which becomes unknown, and never runs it again', async () => {
    const host = new FakeHost('e2e-restart', [DEB('openssl', '3.0.9-1')]);
    const { agent, stateDir } = await newAgent(host);
    await agent.runOnce();
    const state = (await readAgentState(stateDir))!;
    const jobId = await enqueue(state.assetId, { kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] } });
    // The previous process leased and started the job, recorded it, then died.
    const client = new AgentClient({ serverUrl });
    const cred = { agentId: state.agentId, secret: state.secret };
    assert.equal((await client.leaseJob(cred))?.job.id, jobId);
    await client.startJob(cred, jobId);
    await writeAgentState(stateDir, { ...state, runningJobId: jobId });

    const cycle = await agent.runOnce();
    assert.deepEqual(cycle.checkIn.restartedJob, { id: jobId, state: 'unknown' });
    assert.deepEqual(cycle.jobs, []);
    assert.deepEqual(host.ran, []);
    assert.equal((await jobById(jobId)).state, 'unknown');
    assert.equal((await readAgentState(stateDir))?.runningJobId, undefined, 'reported once, then cleared');
    const again = await agent.runOnce();
    assert.deepEqual([again.checkIn.restartedJob, again.jobs, host.ran], [undefined, [], []]);
  });

  it('re-enrolls after being revoked only if the server presents the pinned key', async () => {
    const host = new FakeHost('e2e-pin', [DEB('openssl', '3.0.9-1')]);
    const { agent, stateDir } = await newAgent(host);
    await agent.runOnce();
    const state = (await readAgentState(stateDir))!;
    // Pretend the agent had pinned another key, then get it revoked (the host enrolls elsewhere).
    const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await writeAgentState(stateDir, { ...state, pinnedPublicKeyPem: otherKey });
    await newAgent(host).then(({ agent: twin }) => twin.runOnce());
    await assert.rejects(agent.runOnce(), (e: Error & { code?: string }) => e.code === 'E_AGENT_KEY_PIN_MISMATCH');
    assert.deepEqual(await readAgentState(stateDir), { ...state, pinnedPublicKeyPem: otherKey }, 'nothing stored from the refused enrollment');

    await writeAgentState(stateDir, state);
    const reenrolled = await agent.runOnce();
    assert.equal(reenrolled.enrolled, true);
    assert.notEqual((await readAgentState(stateDir))?.agentId, state.agentId);
  });

  it('refuses to talk to another server than the one it enrolled with', async () => {
    const host = new FakeHost('e2e-server', [DEB('openssl', '3.0.9-1')]);
    const { agent, stateDir } = await newAgent(host);
    await agent.runOnce();
    const moved = new Agent({ stateDir, serverUrl: 'http://127.0.0.1:9', config: resolveAgentConfig(), inventory: host, executor: host, log: () => undefined });
    await assert.rejects(moved.runOnce(), (e: Error & { code?: string }) => e.code === 'E_AGENT_SERVER_MISMATCH');
  });
});
