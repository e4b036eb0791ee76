/**
 * bench/checkin: simulated agents against one server process on 127.0.0.1, on SQLite and PostgreSQL:
 * heartbeats (check-ins without inventory) per second and inventory uploads (1,000 packages, full)
 * per second, with p50/p99 latency, at a fixed concurrency. Baseline in the same run: the same
 * server's /healthz (no auth, no store) at the same concurrency.
 *   npm run bench:checkin -- [--json] [--agents 200] [--seconds 5] [--concurrency 32] [--engines sqlite,postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJobSigningKeyPair, openStore, type Store } from '@patchloop/store';
import { pgUnavailableReason, testPgUrl } from '@patchloop/store/testing';
import { buildApp } from '@patchloop/server';
import { loadRealDebianPackages } from './lib/debian-packages.js';

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const AGENTS = Number(arg('agents', '200'));
const SECONDS = Number(arg('seconds', '5'));
const CONCURRENCY = Number(arg('concurrency', '32'));
const ENGINES = arg('engines', 'sqlite,postgres').split(',');
const JSON_OUT = process.argv.includes('--json');
const KERNEL = { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64'] };

interface Agent { headers: Record<string, string> }
interface Load { perSecond: number; p50Ms: number; p99Ms: number; errors: number }

/**
 * Runs the load in a worker thread (its own event loop, the second core), so the server process's
 * loop only serves requests. Each request is described as plain data.
 */
async function driveInWorker(requests: { url: string; headers?: Record<string, string>; body?: string }[]): Promise<Load> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./lib/load-worker.mjs', import.meta.url), { workerData: { requests, seconds: SECONDS, concurrency: CONCURRENCY } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function enroll(base: string, store: Store, n: number): Promise<Agent[]> {
  const { token } = await store.agents.createEnrollmentToken({ name: 'bench', expiresAt: '2099-01-01T00:00:00.000Z', maxUses: n }, new Date().toISOString());
  const agents: Agent[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/agent/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrollmentToken: token, hostname: `bench-${i}`, agentVersion: '0.1.0', allowedJobKinds: ['install'], facts: { arch: 'amd64', kernel: KERNEL } }) });
    const body = (await res.json()) as { agentId: string; agentSecret: string };
    if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${JSON.stringify(body)}`);
    agents.push({ headers: { 'content-type': 'application/json', 'x-patchloop-agent': body.agentId, authorization: `Agent ${body.agentSecret}` } });
  }
  return agents;
}

async function benchEngine(engine: string, inventories: string[]): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-checkin-'));
  const schema = `pl_bench_checkin_${process.pid}`;
  const store = await openStore(engine === 'postgres' ? { databaseUrl: testPgUrl(), schema } : { sqlitePath: join(dir, 'c.db') });
  await store.migrate();
  const app = await buildApp({ store, logger: false, jobSigningKey: { privateKeyPem: generateJobSigningKeyPair().privateKeyPem } });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const agents = await enroll(base, store, AGENTS);
    const beat = JSON.stringify({ updatesAvailable: [], rebootRequired: false, kernel: KERNEL });
    const checkin = `${base}/agent/v1/checkin`;
    const healthz = await driveInWorker([{ url: `${base}/healthz` }]);
    const heartbeats = await driveInWorker(agents.map((a) => ({ url: checkin, headers: a.headers, body: beat })));
    const uploads = await driveInWorker(agents.map((a, i) => ({ url: checkin, headers: a.headers, body: inventories[i % inventories.length]! })));
    return { store: engine, heartbeatsPerSecond: heartbeats.perSecond, heartbeatP99Ms: heartbeats.p99Ms, inventoriesPerSecond: uploads.perSecond, inventoryP99Ms: uploads.p99Ms, heartbeatP50Ms: heartbeats.p50Ms, inventoryP50Ms: uploads.p50Ms, healthzPerSecond: healthz.perSecond, heartbeatRatioToHealthz: Math.round((heartbeats.perSecond / healthz.perSecond) * 1000) / 1000, errors: heartbeats.errors + uploads.errors, agents: AGENTS, concurrency: CONCURRENCY };
  } finally {
    await app.close();
    if (engine === 'postgres') await store.db.schema.dropSchema(schema).cascade().execute().catch(() => undefined);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Full inventories of 1,000 real packages; each upload changes a few versions, as real check-ins do. */
function inventoryBodies(): string[] {
  const { packages } = loadRealDebianPackages();
  const base = packages.slice(0, 1000).map((p) => ({ ecosystem: 'Debian:12', name: p.name, version: p.version, arch: p.arch, sourceName: p.sourceName, sourceVersion: p.sourceVersion }));
  return Array.from({ length: 20 }, (_, k) => JSON.stringify({ inventory: { full: true, packages: base.map((p, i) => (i % 100 === k ? { ...p, version: `${p.version}+b${k}` } : p)) }, updatesAvailable: [], rebootRequired: false, kernel: KERNEL }));
}

const inventories = inventoryBodies();
for (const engine of ENGINES) {
  if (engine === 'postgres' && (await pgUnavailableReason())) {
    console.error(`postgres skipped: ${await pgUnavailableReason()}`);
    continue;
  }
  const r = await benchEngine(engine, inventories);
  console.log(JSON_OUT ? JSON.stringify(r) : r);
}
