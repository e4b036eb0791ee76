/**
 * bench/match: the fleet matcher on real data. Debian bookworm OVAL (~26k definitions) against a
 * synthetic fleet built from real bookworm packages (apt index or dpkg status): full fleet
 * evaluation, one-host incremental changes, and advisory upserts. Reports timings and heap.
 *   node --expose-gc --import tsx bench/match.ts -- [--hosts 10000] [--packages 1500] [--oval PATH] [--json]
 */
import { performance } from 'node:perf_hooks';
import type { InstalledPackage } from '../packages/core/src/inventory/asset.js';
import { FleetMatcher } from '../packages/core/src/match/index.js';
import { versionSchemes } from '../packages/core/src/version/registry.js';
import { readDebianOvalFile } from '../packages/feeds/src/debian-oval/oval.source.js';
import { loadRealDebianPackages } from './lib/debian-packages.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const HOSTS = Number(arg('hosts', '10000'));
const PACKAGES = Number(arg('packages', '1500'));
const OVAL = arg('oval', '/work/shared/feeds/debian/oval/oval-definitions-bookworm.xml.bz2');
const JSON_OUT = process.argv.includes('--json');

/** Host h: a window of the real package pool; 2% of its packages one of 5 older builds ("~oldN" sorts lower). */
function hostPackages(pool: InstalledPackage[], h: number): InstalledPackage[] {
  return Array.from({ length: PACKAGES }, (_, i) => {
    const p = pool[(i + (h % 7) * 13) % pool.length]!;
    if ((i + h) % 50 !== 0) return p;
    const old = `~old${h % 5}`;
    return { ...p, version: p.version + old, sourceVersion: (p.sourceVersion ?? p.version) + old };
  });
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

async function main(): Promise<void> {
  const { advisories } = await readDebianOvalFile(OVAL, { fetchedAt: '2026-01-01T00:00:00Z' });
  const { packages, origin } = loadRealDebianPackages();
  if (packages.length < PACKAGES) throw new Error(`need ${PACKAGES} real packages, found ${packages.length} (${origin})`);
  const pool: InstalledPackage[] = packages.slice(0, PACKAGES * 2).map((p) => ({ ecosystem: 'Debian:12', ...p }));
  const heapBefore = heapMb();
  const fleet = new FleetMatcher({ schemeFor: (name) => versionSchemes[name] });

  let t = performance.now();
  fleet.upsertAdvisories(advisories);
  const indexSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  let findings = 0;
  for (let h = 0; h < HOSTS; h++) findings += fleet.applyInventory(`host-${h}`, hostPackages(pool, h)).opened.length;
  const fleetSeconds = (performance.now() - t) / 1000;
  const heapAfter = heapMb();

  const oneHost: number[] = [];
  for (let n = 0; n < 200; n++) {
    const h = (n * 37) % HOSTS;
    const changed = hostPackages(pool, h).map((p, i) => (i === n % PACKAGES ? { ...p, version: `${p.version}+bench${n}` } : p));
    t = performance.now();
    fleet.applyInventory(`host-${h}`, changed);
    oneHost.push(performance.now() - t);
  }

  const sample = advisories.slice(0, 100);
  t = performance.now();
  const deltas = fleet.upsertAdvisories(sample.map((a) => ({ ...a, aliases: [...a.aliases, 'BENCH-1'] })));
  const upsertMs = performance.now() - t;

  const result = {
    hosts: HOSTS, packagesPerHost: PACKAGES, advisories: advisories.length, packageOrigin: origin, stats: fleet.stats(),
    indexSeconds, fleetSeconds, findings, heapMbAfterFleet: heapAfter, heapMbForFleet: heapAfter - heapBefore,
    oneHostChangeMedianMs: median(oneHost), oneHostChangeMaxMs: Math.max(...oneHost),
    upsert100AdvisoriesMs: upsertMs, upsertDeltaAssets: deltas.length,
  };
  console.log(JSON_OUT ? JSON.stringify(result) : result);
}

await main();
