/**
 * bench/checkin: simulated agents against one server process on 127.0.0.1, on SQLite and PostgreSQL:
 * heartbeats (check-ins without inventory) per second and inventory uploads (full, 1,000 real
 * Debian packages) per second, with p50/p99 latency, at a fixed concurrency. The store holds the
 * bundled Debian OVAL feed, so re-matching after an inventory change is real work. Baseline in the
 * same run: the same server's /healthz (no auth, no store) at the same concurrency.
 *   npm run bench:checkin -- [--json] [--agents 200] [--seconds 5] [--concurrency 32] [--inventory-concurrency 8] [--inventory-rate 200]
 *     [--engines sqlite,postgres] [--phases healthz,heartbeat,inventory,inventory-rate] [--profile DIR]
 * Phases, each against the same enrolled fleet:
 *   first inventory  every agent uploads its first full inventory (reported, not a goal);
 *   heartbeat        check-ins without inventory;
 *   inventory        full re-uploads: each differs from the agent's previous one in 20 packages
 *                    (10 upgraded, 10 back), as an agent's periodic full inventory does; 8 in
 *                    flight, as fast as answered: inventoriesPerSecond (capacity);
 *   inventory-rate   the same uploads offered at --inventory-rate per second: inventoryP99Ms is
 *                    the p99 there (the goal: 200/s with p99 under 50 ms), and
 *                    inventoryAtRatePerSecond what was served.
 * Re-matching runs after the answer (DetectionQueue): the time it needs to catch up after the
 * inventory phase is reported as detectionSettleMs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJobSigningKeyPair, openStore, type Store } from '@patchloop/store';
import { pgUnavailableReason, testPgUrl } from '@patchloop/store/testing';
import { buildApp } from '@patchloop/server';
import { importFeedPath } from '@patchloop/server/services';
import { loadRealDebianPackages } from './lib/debian-packages.js';

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const AGENTS = Number(arg('agents', '200'));
const SECONDS = Number(arg('seconds', '5'));
const CONCURRENCY = Number(arg('concurrency', '32'));
/**
 * Inventory uploads in flight. The goals (200/s with p99 under 50 ms) allow at most 10 in flight
 * (Little's law: 200/s x 0.05 s), so the inventory phase runs at 8; heartbeats at 32.
 */
const INVENTORY_CONCURRENCY = Number(arg('inventory-concurrency', '8'));
/**
 * The goal read as an offered load: uploads arrive at this mean rate (Poisson, as from many
 * agents checking in with jitter) whatever the answers' latency (lib/open-loop.mjs), and the p99
 * is measured there. The capacity phase says how many per second the server can take at all.
 */
const INVENTORY_RATE = Number(arg('inventory-rate', '200'));
const ENGINES = arg('engines', 'sqlite,postgres').split(',');
const PHASES = arg('phases', 'healthz,heartbeat,inventory,inventory-rate').split(',');
const JSON_OUT = process.argv.includes('--json');
const KERNEL = { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64'] };
const OVAL = new URL('../snapshot/oval-definitions-bookworm.xml.bz2', import.meta.url).pathname;

interface Load { perSecond: number; p50Ms: number; p99Ms: number; errors: number; requests: number }
interface Drive { method: 'GET' | 'POST'; path: string; headers: Record<string, string>[]; bodies: string[]; seconds?: number; amount?: number; concurrency?: number; rate?: number }
const NO_LOAD: Load = { perSecond: 0, p50Ms: 0, p99Ms: 0, errors: 0, requests: 0 };

/**
 * Runs the load in a child process (its own event loop, the second core), so the server process's
 * loop only serves requests.
 */
async function driveFromChild(url: string, drive: Drive): Promise<Load> {
  const { fork } = await import('node:child_process');
  const child = fork(new URL('./lib/load-generator.mjs', import.meta.url));
  child.send({ url, ...(drive.amount ? {} : { seconds: SECONDS }), ...drive, concurrency: drive.concurrency ?? CONCURRENCY });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as Load));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
}

/** With --profile DIR, a V8 CPU profile of the server process during one phase (DIR/<phase>.cpuprofile). */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.argv.includes('--profile') ? arg('profile', '') : '';
  if (!dir) return run();
  const { Session } = await import('node:inspector/promises');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function enroll(base: string, store: Store, n: number): Promise<Record<string, string>[]> {
  const { token } = await store.agents.createEnrollmentToken({ name: 'bench', expiresAt: '2099-01-01T00:00:00.000Z', maxUses: n }, new Date().toISOString());
  const headers: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/agent/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrollmentToken: token, hostname: `bench-${i}`, agentVersion: '0.1.0', allowedJobKinds: ['install'], facts: { arch: 'amd64', kernel: KERNEL } }) });
    const body = (await res.json()) as { agentId: string; agentSecret: string };
    if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${JSON.stringify(body)}`);
    headers.push({ 'content-type': 'application/json', 'x-patchloop-agent': body.agentId, authorization: `Agent ${body.agentSecret}` });
  }
  return headers;
}

async function benchEngine(engine: string, inventories: string[]): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-checkin-'));
  const schema = `pl_bench_checkin_${process.pid}`;
  const store = await openStore(engine === 'postgres' ? { databaseUrl: testPgUrl(), schema } : { sqlitePath: join(dir, 'c.db') });
  await store.migrate();
  const feed = await importFeedPath(store, OVAL, { source: 'debian-oval' });
  const app = await buildApp({ store, logger: false, jobSigningKey: { privateKeyPem: generateJobSigningKeyPair().privateKeyPem } });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const headers = await enroll(base, store, AGENTS);
    const beat = JSON.stringify({ updatesAvailable: [], rebootRequired: false, kernel: KERNEL });
    const checkin = { method: 'POST', path: '/agent/v1/checkin' } as const;
    const phase = (name: string, run: () => Promise<Load>) => (PHASES.includes(name) ? run() : Promise.resolve(NO_LOAD));
    const healthz = await phase('healthz', () => driveFromChild(base, { method: 'GET', path: '/healthz', headers: [{}], bodies: [] }));
    const first = await driveFromChild(base, { ...checkin, headers, bodies: [inventories[20]!], amount: AGENTS, concurrency: INVENTORY_CONCURRENCY });
    await app.background.settle();
    const heartbeats = await phase('heartbeat', () => profiled(`heartbeat-${engine}`, () => driveFromChild(base, { ...checkin, headers, bodies: [beat] })));
    // Round r sends variant (agent + r) mod 20: never the one the agent sent before (variant 20 came first).
    const uploads = await phase('inventory', () => profiled(`inventory-${engine}`, () => driveFromChild(base, { ...checkin, headers, bodies: inventories.slice(0, 20), concurrency: INVENTORY_CONCURRENCY })));
    const settleStart = performance.now();
    await app.background.settle();
    const detectionSettleMs = Math.round(performance.now() - settleStart);
    const atRate = await phase('inventory-rate', () => profiled(`inventory-rate-${engine}`, () => driveFromChild(base, { ...checkin, headers, bodies: inventories.slice(0, 20), concurrency: 32, rate: INVENTORY_RATE })));
    await app.background.settle();
    const openFindings = (await store.findings.listFindings({})).length;
    const rated = PHASES.includes('inventory-rate');
    return {
      store: engine, heartbeatsPerSecond: heartbeats.perSecond, heartbeatP99Ms: heartbeats.p99Ms, inventoriesPerSecond: uploads.perSecond, inventoryP99Ms: rated ? atRate.p99Ms : uploads.p99Ms,
      inventoryOfferedPerSecond: rated ? INVENTORY_RATE : null, inventoryAtRatePerSecond: atRate.perSecond, inventoryAtRateP50Ms: atRate.p50Ms,
      inventoryCapacityP50Ms: uploads.p50Ms, inventoryCapacityP99Ms: uploads.p99Ms,
      heartbeatP50Ms: heartbeats.p50Ms, healthzPerSecond: healthz.perSecond,
      heartbeatRatioToHealthz: healthz.perSecond ? Math.round((heartbeats.perSecond / healthz.perSecond) * 1000) / 1000 : null,
      firstInventoriesPerSecond: first.perSecond, firstInventoryP99Ms: first.p99Ms, detectionSettleMs, openFindings,
      advisories: feed.records, errors: heartbeats.errors + uploads.errors + first.errors + atRate.errors, agents: AGENTS, concurrency: CONCURRENCY, inventoryConcurrency: INVENTORY_CONCURRENCY,
    };
  } finally {
    await app.close();
    if (engine === 'postgres') await store.db.schema.dropSchema(schema).cascade().execute().catch(() => undefined);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 21 variants of one host's full inventory of 1,000 real packages: variant k upgrades the 10
 * packages at positions i with i mod 100 = k, so two variants differ in 20 packages.
 */
function inventoryBodies(): string[] {
  const { packages } = loadRealDebianPackages();
  const base = packages.slice(0, 1000).map((p) => ({ ecosystem: 'Debian:12', name: p.name, version: p.version, arch: p.arch, sourceName: p.sourceName, sourceVersion: p.sourceVersion }));
  return Array.from({ length: 21 }, (_, k) => JSON.stringify({ inventory: { full: true, packages: base.map((p, i) => (i % 100 === k ? { ...p, version: `${p.version}+b${k}` } : p)) }, updatesAvailable: [], rebootRequired: false, kernel: KERNEL }));
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
