// The end-to-end tests: the real agent (`patchloop agent --once`, run INSIDE real overlay
// Debian hosts, driving their apt and dpkg) against the real server (SQLite, 127.0.0.1, port 0).
// Needs root, debootstrap, unshare and overlay mounts (see lib/hosts.ts); skips with the reason
// printed when the machine cannot run a fleet, unless PATCHLOOP_REQUIRE_FLEET=1 (CI).
//   node --import tsx --test fleet/agent-e2e.fleet.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@patchloop/server';
import { importFeedPath } from '@patchloop/server/services';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { skipWithoutFleet } from './lib/fleet-gate.ts';
import { dpkgAudit, dpkgQuery, fleetMounts, runOn, withFleet, type Host } from './lib/hosts.ts';
import { mountsUnder } from './lib/mounts.ts';
import { CLI_ENTRY, exposeRepository, waitUntilIdle, runAgentOnce, startAgentOnce, type AgentOnceResult } from './lib/agent-host.ts';

const HOSTS = 5;
const VULN = 'DSA-9999-1'; // OSV ids need a known home-database prefix
const CVE = 'CVE-2026-99001';

/** An OSV record (Debian:12 names the SOURCE package) fixing demo-openssl in 1.0-2. */
const OSV_RECORD = {
  schema_version: '1.6.0',
  id: VULN,
  aliases: [CVE],
  summary: 'demo-openssl - security update',
  details: 'A made-up vulnerability in the fleet demo repository, fixed in 1.0-2.',
  published: '2026-01-01T00:00:00Z',
  modified: '2026-01-02T00:00:00Z',
  affected: [{ package: { ecosystem: 'Debian:12', name: 'demo-openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0-2' }] }] }],
};

interface JobView {
  id: string;
  state: string;
  failureReason?: string;
  startedAt?: string;
  attempts?: number;
  result?: { exitCode: number; logTail: string; packagesBefore?: unknown; packagesAfter?: unknown };
}

interface FindingView {
  assetId: string;
  vulnerabilityId: string;
  aliases: string[];
  package: { name: string; version: string; sourceName?: string };
  fixedVersion: string | null;
}

test('the agent on real hosts against the real server', { timeout: 10 * 60_000 }, async (t) => {
  if (await skipWithoutFleet(t)) return;

  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'patchloop-agent-fleet-'));
  let ts: TestStore | undefined;
  let app: FastifyInstance | undefined;
  let runDir = '';
  try {
    // ---- the server: SQLite in a temporary directory (the job signing key is created next to it) ----
    ts = await openSqliteTestStore();
    const store = ts.store;
    const adminToken = (await store.tokens.createToken('fleet-admin', 'admin', new Date().toISOString())).token;
    app = await buildApp({ store, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const api = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
      const res = await fetch(`${server}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
    };
    const enqueue = async (assetId: string, body: object): Promise<string> => {
      const res = await api<{ id: string }>('POST', `/api/v1/assets/${assetId}/jobs`, body);
      assert.equal(res.status, 201, JSON.stringify(res.json));
      return res.json.id;
    };
    const job = async (id: string): Promise<JobView> => {
      const res = await api<JobView>('GET', `/api/v1/jobs/${id}`);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      return res.json;
    };
    const findings = async (assetId: string): Promise<FindingView[]> => {
      const res = await api<{ findings: FindingView[] }>('GET', `/api/v1/findings?asset=${encodeURIComponent(assetId)}`);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      return res.json.findings;
    };
    const demoFindings = async (assetId: string) =>
      (await findings(assetId)).filter((f) => f.vulnerabilityId === CVE || f.vulnerabilityId === VULN || f.aliases.includes(CVE)).map((f) => `${f.package.name}=${f.package.version}`).sort();
    const software = async (assetId: string) =>
      (await api<{ packages: { name: string; version: string }[] }>('GET', `/api/v1/assets/${assetId}/software`)).json.packages.map((p) => `${p.name}=${p.version}`);

    const enrollToken = (await api<{ token: string }>('POST', '/api/v1/enrollment-tokens', { expiresAt: new Date(Date.now() + 3600_000).toISOString(), maxUses: HOSTS })).json.token;
    assert.ok(enrollToken, 'enrollment token');
    const agentOnce = (host: Host): Promise<AgentOnceResult> => runAgentOnce(host, { server, enrollToken });

    await withFleet(HOSTS, async (fleet) => {
      runDir = fleet.dir;
      t.diagnostic(`fleet setup (ms): ${JSON.stringify(fleet.timings)}`);
      const hosts = fleet.hosts;
      const [h0, h1, h2, h3] = hosts as [Host, Host, Host, Host, Host];
      const assetOf = new Map<Host, string>();
      const asset = (h: Host) => assetOf.get(h) ?? assert.fail(`${h.name} has no asset yet`);

      // Hosts see the repository read-only and have demo-openssl 1.0-1 (the vulnerable version).
      let t0 = performance.now();
      await Promise.all(hosts.map(async (h) => {
        await exposeRepository(h);
        const res = await runOn(h, ['sh', '-c', 'apt-get update -qq && apt-get install -y -qq demo-openssl=1.0-1 demo-libssl3=1.0-1 >/dev/null']);
        assert.equal(res.code, 0, `${h.name} setup: ${res.stdout}\n${res.stderr}`);
      }));
      const ro = await runOn(h0, ['touch', CLI_ENTRY]);
      assert.notEqual(ro.code, 0, 'the repository is read-only inside the hosts');
      t.diagnostic(`hosts prepared in ${Math.round(performance.now() - t0)} ms`);

      await t.test('1. five hosts enroll and their inventories appear', async () => {
        t0 = performance.now();
        const runs = await Promise.all(hosts.map((h) => agentOnce(h)));
        t.diagnostic(`${hosts.length} agents enrolled in ${Math.round(performance.now() - t0)} ms`);
        for (const [i, { cycle }] of runs.entries()) {
          assert.equal(cycle.enrolled, true, hosts[i]!.name);
          assert.deepEqual(cycle.jobs, []);
        }
        const list = await api<{ items: { id: string; name: string; source?: string }[] }>('GET', '/api/v1/assets?limit=100');
        assert.equal(list.status, 200, JSON.stringify(list.json));
        const byName = new Map(list.json.items.map((a) => [a.name, a]));
        assert.deepEqual([...byName.keys()].sort(), hosts.map((h) => h.name).sort(), 'one asset per host, named after it');
        for (const h of hosts) {
          const a = byName.get(h.name)!;
          assetOf.set(h, a.id);
          const pkgs = await software(a.id);
          assert.ok(pkgs.includes('demo-openssl=1.0-1') && pkgs.includes('demo-libssl3=1.0-1'), `${h.name} inventory: ${pkgs.filter((p) => p.startsWith('demo-')).join(' ')}`);
          assert.ok(pkgs.length > 50, `${h.name}: the whole dpkg database (${pkgs.length} packages)`);
          const facts = await api<{ updatesAvailable?: { name: string; version: string }[]; kernel?: { running?: string } }>('GET', `/api/v1/assets/${a.id}`);
          assert.ok(facts.json.updatesAvailable?.some((u) => u.name === 'demo-openssl' && u.version === '1.0-2'), `${h.name}: apt offers the fix: ${JSON.stringify(facts.json.updatesAvailable)}`);
          assert.ok(facts.json.kernel?.running, `${h.name}: running kernel reported`);
        }
      });

      await t.test('2. an OSV Debian:12 advisory for source demo-openssl opens findings on every host', async () => {
        const feed = join(work, `${VULN}.json`);
        await writeFile(feed, JSON.stringify(OSV_RECORD, null, 2));
        const report = await importFeedPath(store, feed, { source: 'osv' });
        assert.deepEqual([report.advisories, report.rejected], [1, []], JSON.stringify(report));
        assert.equal(report.rematch.opened, 2 * HOSTS, `rematch: ${JSON.stringify(report.rematch)}`);
        for (const h of hosts) assert.deepEqual(await demoFindings(asset(h)), ['demo-libssl3=1.0-1', 'demo-openssl=1.0-1'], h.name);
        const one = (await findings(asset(h0))).find((f) => f.package.name === 'demo-libssl3')!;
        assert.deepEqual([one.fixedVersion, one.package.sourceName], ['1.0-2', 'demo-openssl'], 'matched through the source package');
      });

      await t.test('3. an upgrade job fixes one host; its findings close at the next check-in', async () => {
        const id = await enqueue(asset(h0), { kind: 'install', args: { packages: [{ name: 'demo-openssl', version: '1.0-2' }, { name: 'demo-libssl3', version: '1.0-2' }] } });
        const { cycle } = await agentOnce(h0);
        assert.deepEqual(cycle.jobs, [{ jobId: id, outcome: 'completed', exitCode: 0 }]);
        assert.deepEqual(await dpkgQuery(h0, 'demo-openssl'), { version: '1.0-2', status: 'ii' });
        assert.deepEqual(await dpkgQuery(h0, 'demo-libssl3'), { version: '1.0-2', status: 'ii' });
        const done = await job(id);
        assert.equal(done.state, 'succeeded', JSON.stringify(done));
        assert.equal(done.result?.exitCode, 0);
        assert.deepEqual(done.result?.packagesAfter, [{ name: 'demo-libssl3', version: '1.0-2' }, { name: 'demo-openssl', version: '1.0-2' }]);
        // runOnce ends with a check-in carrying the full inventory: that is the next check-in. The
        // server re-matches after answering it (detection queue): wait for that.
        await app!.background.settle();
        assert.deepEqual(await demoFindings(asset(h0)), [], 'findings on the fixed host closed');
        assert.ok((await software(asset(h0))).includes('demo-openssl=1.0-2'));
        for (const h of [h1, h2, h3]) assert.deepEqual(await demoFindings(asset(h)), ['demo-libssl3=1.0-1', 'demo-openssl=1.0-1'], `${h.name} still vulnerable`);
      });

      await t.test('4. the broken update fails; a rollback job restores 2.0-1 with a clean dpkg --audit', async () => {
        const setup = await runOn(h1, ['apt-get', 'install', '-y', '-qq', 'demo-web=2.0-1']);
        assert.equal(setup.code, 0, setup.stderr);
        const broken = await enqueue(asset(h1), { kind: 'install', args: { packages: [{ name: 'demo-web', version: '2.0-2' }] } });
        const first = await agentOnce(h1);
        assert.equal(first.cycle.jobs.length, 1);
        const report = first.cycle.jobs[0]!;
        assert.equal(report.outcome, 'completed');
        const failed = await job(broken);
        assert.equal(failed.state, 'failed', JSON.stringify(failed));
        const audit = await dpkgAudit(h1);
        assert.ok(failed.result?.exitCode === 100 || !audit.clean, `exit ${failed.result?.exitCode}, audit ${JSON.stringify(audit)}`);
        assert.equal(failed.result?.exitCode, 100, 'apt-get exits 100 on the failing postinst');
        assert.match(failed.result?.logTail ?? '', /demo-web/);
        assert.deepEqual(await dpkgQuery(h1, 'demo-web'), { version: '2.0-2', status: 'iF' });
        assert.equal(audit.clean, false);

        const rollback = await enqueue(asset(h1), { kind: 'rollback', args: { ofJobId: broken, packages: [{ name: 'demo-web', version: '2.0-1' }] } });
        const second = await agentOnce(h1);
        assert.deepEqual(second.cycle.jobs, [{ jobId: rollback, outcome: 'completed', exitCode: 0 }]);
        const restored = await job(rollback);
        assert.equal(restored.state, 'succeeded', JSON.stringify(restored));
        assert.deepEqual(await dpkgQuery(h1, 'demo-web'), { version: '2.0-1', status: 'ii' });
        assert.deepEqual(await dpkgAudit(h1), { clean: true, code: 0, output: '' });
        assert.ok((await software(asset(h1))).includes('demo-web=2.0-1'));
      });

      await t.test('5. a job whose row was tampered with after signing is refused, reported and not run', async () => {
        const id = await enqueue(asset(h2), { kind: 'install', args: { packages: [{ name: 'demo-openssl', version: '1.0-2' }, { name: 'demo-libssl3', version: '1.0-2' }] } });
        // Someone with write access to the database (not to the signing key) rewrites the job.
        const evil = { packages: [{ name: 'demo-web', version: '2.0-2' }] };
        const row = await store.db.selectFrom('jobs').select(['args', 'signature', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.state, 'queued');
        assert.ok(row.signature, 'signed at enqueue');
        const updated = await store.db.updateTable('jobs').set({ args: typeof row.args === 'string' ? JSON.stringify(evil) : evil }).where('id', '=', id).executeTakeFirst();
        assert.equal(Number(updated.numUpdatedRows), 1);

        const { cycle } = await agentOnce(h2);
        assert.equal(cycle.jobs.length, 1);
        const r = cycle.jobs[0]!;
        assert.deepEqual([r.jobId, r.outcome], [id, 'refused']);
        assert.match(r.outcome === 'refused' ? r.reason : '', /bad signature/);
        const refused = await job(id);
        assert.deepEqual([refused.state, refused.failureReason], ['failed', 'refused'], JSON.stringify(refused));
        assert.match(refused.result?.logTail ?? '', /bad signature/);
        assert.equal(await dpkgQuery(h2, 'demo-web'), undefined, 'the tampered arguments never ran');
        assert.deepEqual(await dpkgQuery(h2, 'demo-openssl'), { version: '1.0-1', status: 'ii' }, 'nor the original ones');
      });

      await t.test('6. an agent killed mid-job is reported once, the job becomes unknown and is not run again', async () => {
        const marker = '/root/health-check-runs';
        // Each run appends a line to the marker, then takes long enough to be killed in the middle.
        const id = await enqueue(asset(h3), { kind: 'health-check', args: { command: ['sh', '-c', `echo run >> ${marker}; exec sleep 60`] }, timeoutSeconds: 120 });
        const agent = startAgentOnce(h3, { server, enrollToken });
        try {
          const deadline = Date.now() + 60_000;
          let state = 'queued';
          while (Date.now() < deadline) {
            state = (await job(id)).state;
            if (state === 'running' && existsSync(join(h3.root, marker))) break;
            if (agent.child.exitCode !== null) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          assert.equal(state, 'running', `job never ran; agent stderr:\n${agent.stderr()}`);
        } finally {
          const res = await agent.kill();
          assert.equal(res.signal, 'SIGKILL', `the agent was still running (it exited ${res.code})`);
        }
        // The SIGKILL of the host's process ends everything inside, the health check's sleep included.
        assert.deepEqual(await waitUntilIdle(h3), [], 'nothing left running on the host');
        assert.equal((await job(id)).state, 'running', 'the server still believes the job runs');

        const { cycle } = await agentOnce(h3);
        assert.deepEqual(cycle.checkIn.restartedJob, { id, state: 'unknown' }, 'the restart is reported');
        assert.deepEqual(cycle.jobs, [], 'nothing leased again');
        const after = await job(id);
        assert.equal(after.state, 'unknown', JSON.stringify(after));
        const again = await agentOnce(h3);
        assert.deepEqual([again.cycle.checkIn.restartedJob, again.cycle.jobs], [undefined, []], 'reported once');
        const runs = await runOn(h3, ['cat', marker]);
        assert.equal(runs.stdout, 'run\n', 'the health-check command ran exactly once');
        assert.equal((await job(id)).state, 'unknown');
      });
    }, { prefix: 'agent' });
  } finally {
    await app?.close();
    await ts?.cleanup();
    await rm(work, { recursive: true, force: true });
  }

  // Only this run's directory: another fleet run may be going on at the same time.
  assert.deepEqual(mountsUnder(runDir), [], 'no mounts left under the run directory');
  assert.equal(existsSync(runDir), false, 'run directory removed');
  assert.deepEqual(fleetMounts().filter((m) => m.startsWith(runDir)), []);
  t.diagnostic(`total ${Math.round(performance.now() - started)} ms`);
});
