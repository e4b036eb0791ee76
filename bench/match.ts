/**
 * bench/match: the fleet matcher on real data. Debian bookworm OVAL (~26k definitions) against a
 * synthetic fleet of real bookworm packages (bench/lib/synthetic-fleet.ts). Measures, in one run:
 * - ingestSeconds: loading every host inventory into the fleet state (no evaluation);
 * - fullSeconds: `evaluateAll`, every distinct key evaluated once and fanned out as per-asset counts;
 * - perHostLoopSeconds: the same counts the per-host way (every host, every package, no cross-host
 *   cache; same index and entry evaluation) — the run fails loudly unless both agree per host;
 * - incremental p50/p99: 1,000 one-host changes of one to three sources through `applyInventory`,
 *   every delta checked against a full recompute (untimed; a full GC every 100 samples, untimed,
 *   clears that checking garbage), all changed hosts' counts checked at the end;
 * - peak RSS (maxRSS).
 *   npm run bench:match -- [--hosts 10000] [--packages 1500] [--oval PATH] [--samples 1000]
 *     [--loop-hosts N (extrapolate the per-host loop from N hosts; printed)] [--phases (RSS per phase)] [--json]
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import type { Advisory } from '../packages/core/src/advisory/advisory.js';
import type { InstalledPackage } from '../packages/core/src/inventory/asset.js';
import { diffFindings, FleetMatcher, type Finding, type FindingDelta } from '../packages/core/src/match/index.js';
import { versionSchemes } from '../packages/core/src/version/registry.js';
import { readDebianOvalFile } from '../packages/feeds/src/debian-oval/oval.source.js';
import { loadPatchedBookwormPackages } from './lib/debian-packages.js';
import { countFindingsPerHost, countHostFindings } from './lib/per-host-loop.js';
import { mix, syntheticFleet, type SyntheticFleet } from './lib/synthetic-fleet.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const HOSTS = Number(arg('hosts', '10000'));
const PACKAGES = Number(arg('packages', '1500'));
const SAMPLES = Number(arg('samples', '1000'));
/** Hosts the per-host loop runs on (evenly spaced); below --hosts its time is extrapolated linearly, and says so. */
const LOOP_HOSTS = Math.min(HOSTS, Number(arg('loop-hosts', String(HOSTS))));
const OVAL = arg('oval', '/work/shared/feeds/debian/oval/oval-definitions-bookworm.xml.bz2');
const JSON_OUT = process.argv.includes('--json');
const PHASES = process.argv.includes('--phases');
const hostId = (h: number) => `host-${h}`;

/** With --phases: RSS and peak RSS after each phase, on stderr. */
function phase(name: string): void {
  if (PHASES) console.error(`${name}: rss ${Math.round(process.memoryUsage().rss / 1e6)} MB, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

function fail(message: string): never {
  console.error(`\n*** BENCH FAILED: ${message} ***\n`);
  process.exit(1);
}

/** A full GC between phases (never inside a timed section), so each phase starts from its own heap. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, (performance.now() - t) / 1000];
}

/** One to three sources of the host moved one or two security updates (patched <-> behind), or to a never-seen build. */
function changeHost(fleet: SyntheticFleet, packages: InstalledPackage[], n: number): InstalledPackage[] {
  const next = [...packages];
  for (let c = 0; c <= n % 3; c++) {
    const pkg = next[mix(n, c) % next.length]!;
    const level = pkg !== fleet.patched(pkg) ? 0 : 1 + (mix(n, c + 7) % 2);
    for (let i = 0; i < next.length; i++) {
      if (next[i]!.sourceName !== pkg.sourceName) continue;
      const patched = fleet.patched(next[i]!);
      next[i] = fleet.lagging(patched, level) ?? { ...patched, version: `${patched.version}+bench${n}` };
    }
  }
  return next;
}

/** The delta must equal (deeply, findings and explanations included) the diff of full recomputes before and after. */
function checkDelta(delta: FindingDelta, before: Finding[], after: Finding[]): void {
  if (!isDeepStrictEqual(delta, diffFindings(delta.assetId, before, after))) fail(`incremental delta of ${delta.assetId} differs from a full recompute`);
}

/** The fleet model; the 60k real packages it was picked from are garbage once this returns. */
function loadFleetModel(advisories: readonly Advisory[]): { model: SyntheticFleet; origin: string } {
  const { packages, origin } = loadPatchedBookwormPackages();
  return { model: syntheticFleet(packages, advisories, PACKAGES), origin };
}

async function main(): Promise<void> {
  const { advisories } = await readDebianOvalFile(OVAL, { fetchedAt: '2026-01-01T00:00:00Z' });
  phase('oval');
  const { model, origin } = loadFleetModel(advisories);
  const inventories = Array.from({ length: HOSTS }, (_, h) => model.inventoryOf(h));
  collectGarbage(); // setup garbage (apt index texts) is not the matcher's
  phase('inventories');
  const fleet = new FleetMatcher({ schemeFor: (name) => versionSchemes[name] });
  const [, indexSeconds] = timed(() => fleet.upsertAdvisories(advisories));

  collectGarbage();
  const [, ingestSeconds] = timed(() => inventories.forEach((packages, h) => fleet.loadInventory(hostId(h), packages)));
  collectGarbage();
  const [summary, fullSeconds] = timed(() => fleet.evaluateAll());
  const fleetCounts = inventories.map((_, h) => fleet.findingCountOf(hostId(h)));
  phase('evaluateAll');

  const loopHosts = Array.from({ length: LOOP_HOSTS }, (_, i) => Math.floor((i * HOSTS) / LOOP_HOSTS));
  const loop = countFindingsPerHost(loopHosts.map((h) => inventories[h]!), fleet.advisoryIndex);
  const mismatch = loopHosts.findIndex((h, i) => fleetCounts[h] !== loop.counts[i]);
  if (mismatch >= 0) fail(`per-asset counts differ: ${hostId(loopHosts[mismatch]!)} fleet ${fleetCounts[loopHosts[mismatch]!]} vs per-host loop ${loop.counts[mismatch]}`);
  const perHostLoopSeconds = (loop.seconds * HOSTS) / LOOP_HOSTS;
  if (LOOP_HOSTS < HOSTS) console.error(`NOTE: per-host loop measured on ${LOOP_HOSTS} of ${HOSTS} evenly spaced hosts (--loop-hosts) and extrapolated linearly; counts checked on those hosts only.`);
  phase('per-host loop');
  collectGarbage();
  const [, fullSecondsRepeat] = timed(() => fleet.evaluateAll());
  collectGarbage();

  const incremental: number[] = [];
  const changed = new Set<number>();
  let deltaFindings = 0;
  for (let n = 0; n < SAMPLES; n++) {
    const h = mix(n, 99) % HOSTS;
    const next = changeHost(model, inventories[h]!, n);
    const before = fleet.findingsForAsset(hostId(h));
    const t = performance.now();
    const delta = fleet.applyInventory(hostId(h), next);
    incremental.push(performance.now() - t);
    checkDelta(delta, before, fleet.findingsForAsset(hostId(h)));
    deltaFindings += delta.opened.length + delta.closed.length + delta.changed.length;
    inventories[h] = next;
    changed.add(h);
    // The checks build two full finding lists per sample (~1 MB); that garbage is not the matcher's.
    if (n % 100 === 99) collectGarbage();
  }
  for (const h of changed) {
    const expected = countHostFindings(inventories[h]!, fleet.advisoryIndex);
    if (fleet.findingCountOf(hostId(h)) !== expected) fail(`after incremental changes ${hostId(h)} counts ${fleet.findingCountOf(hostId(h))}, per-host ${expected}`);
  }

  phase('incremental');
  if (PHASES) {
    collectGarbage();
    phase('incremental, after a full GC');
  }
  const result = {
    hosts: HOSTS, packages: PACKAGES, advisories: advisories.length,
    fullSeconds, perHostLoopSeconds, ratio: perHostLoopSeconds / fullSeconds,
    incrementalP99Ms: percentile(incremental, 99), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ingestSeconds, incrementalP50Ms: percentile(incremental, 50), incrementalMaxMs: Math.max(...incremental), incrementalDeltaFindings: deltaFindings, perHostLoopHosts: LOOP_HOSTS,
    findings: summary.findings, uniqueKeys: summary.keys, matchedKeys: summary.matchedKeys, fullSecondsRepeat, indexSeconds,
    indexedAdvisories: fleet.stats().advisories, stats: fleet.stats(), fixableSources: model.fixableSources, packageOrigin: origin,
  };
  console.log(JSON_OUT ? JSON.stringify(result) : result);
}

await main();
