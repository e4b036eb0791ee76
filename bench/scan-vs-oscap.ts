/**
 * bench/scan-vs-oscap: `patchloop scan` against `oscap oval eval` with the same Debian bookworm
 * OVAL, in one run, wall clock, median of --runs (default 3) each, runs interleaved:
 * - this host: oscap online vs `patchloop scan --json --db <store with the OVAL>`;
 * - the lagging host (lib/lagging-status.ts): oscap offline (OSCAP_PROBE_ROOT) vs
 *   `patchloop scan --json --dpkg-status F --ecosystem Debian:12`;
 * - Patchloop in-process: scanInventory on a warm store (no Node start-up), median of 5;
 * - recall: oscap's true definitions Patchloop also reports, plus Patchloop's extra findings;
 * - a CPU profile of the lagging CLI scan, split into module loading, SQL, JSON, matching, ...;
 * - whether the CLI bundles (ADR 0010) were fresh at the start and the end: a `tsc -b` during the
 *   run makes them stale and the CLI falls back to dist/.
 * oscap runs without --results (its fastest form: verdicts on stdout), which favours oscap.
 *   npm run bench:scan -- [--runs 3] [--work DIR] [--oval FILE.xml.bz2] [--json]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InventorySnapshot } from '../packages/core/src/index.js';
import { openStore } from '../packages/store/src/index.js';
import { collectHostInventory, parseDpkgStatus } from '../packages/inventory/src/index.js';
import { scanInventory } from '../packages/server/src/scan/scan.service.js';
import { compareDefinitions, type AgreementReport } from './lib/oscap-agreement.js';
import { parseStatusPackages } from './lib/dpkg-status-model.js';
import { buildLaggingStatus } from './lib/lagging-status.js';
import { oscapAvailable, oscapVersion, prepareFakeRoot, runOscapEval, type FakeRoot, type OscapRun } from './lib/oscap-runner.js';
import { readOvalDefinitionTable } from './lib/oval-definition-table.js';
import { findingsToPairs, PATCHLOOP_BIN, runPatchloopScan } from './lib/patchloop-scan.js';
import { argOf, decompressOval, DEFAULT_OVAL_BZ2, hostStatusText, storeWithOval, workDir } from './lib/compare-inputs.js';
import { summarizeCpuProfile } from './lib/cpu-profile.js';
import { freshBundle } from '../packages/cli/src/bundle/bundle-manifest.js';
import { loadavg } from 'node:os';

const JSON_OUT = process.argv.includes('--json');
const RUNS = Number(argOf('runs', '3'));
const log = (m: string) => { if (!JSON_OUT) console.error(m); };
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!oscapAvailable()) {
  console.error('scan-vs-oscap: `oscap` is not installed (apt-get install openscap-scanner)');
  process.exit(2);
}
// Another `tsc -b` during the run makes the bundles stale (the CLI then runs dist/): reported.
const bundleIsFresh = () => freshBundle(new URL('../packages/cli/', import.meta.url))?.scan !== undefined;
const BUNDLE_AT_START = bundleIsFresh();
const work = workDir('scan-vs-oscap-');
const ovalBz2 = argOf('oval', DEFAULT_OVAL_BZ2);
const oval = decompressOval(ovalBz2, work);
const db = storeWithOval(argOf('db', join(work, 'store.db')), ovalBz2);
const defs = readOvalDefinitionTable(oval);
const lag = buildLaggingStatus(hostStatusText(), defs.values(), { seed: 1 });
const lagPath = join(work, 'lagging.status');
writeFileSync(lagPath, lag.text);
const lagRoot = prepareFakeRoot(join(work, 'lagging-root'), lag.text);
log(`work dir ${work}; ${RUNS} runs each`);

const host = timeBoth('this host', undefined, undefined);
const lagging = timeBoth('lagging host', lagRoot, lagPath);
const inProcess = await timeInProcess();
const profile = profileCli();
const bundleFresh = { atStart: BUNDLE_AT_START, atEnd: bundleIsFresh() };
const result = {
  machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cpus, node ${process.version}`, oscap: oscapVersion(), runs: RUNS,
  host: host.summary, lagging: lagging.summary, inProcess, profile, bundleFresh, loadAverage: loadavg().map((l) => round(l, 2)),
};
if (JSON_OUT) console.log(JSON.stringify(result));
else printResult();

function timeBoth(label: string, fakeRoot: FakeRoot | undefined, dpkgStatus: string | undefined) {
  const oscapTimes: number[] = [];
  const plTimes: number[] = [];
  let o: OscapRun | undefined;
  let findings: ReturnType<typeof runPatchloopScan>['findings'] = [];
  for (let i = 0; i < RUNS; i++) {
    o = runOscapEval({ oval, ...(fakeRoot ? { fakeRoot } : {}) });
    oscapTimes.push(o.seconds);
    const p = runPatchloopScan({ db, ...(dpkgStatus ? { dpkgStatus } : {}) });
    plTimes.push(p.seconds);
    findings = p.findings;
    log(`${label} run ${i + 1}: oscap ${o.seconds.toFixed(2)} s, patchloop ${p.seconds.toFixed(2)} s`);
  }
  const report = compareDefinitions(defs, o!.results, findingsToPairs(findings), parseStatusPackages(fakeRoot ? lag.text : hostStatusText()));
  const oscapS = median(oscapTimes);
  const plS = median(plTimes);
  return { report, summary: { oscapSeconds: round(oscapS), patchloopSeconds: round(plS), ratio: round(oscapS / plS, 1), oscapRuns: oscapTimes.map((t) => round(t)), patchloopRuns: plTimes.map((t) => round(t)), recall: recallOf(report) } };
}

function recallOf(r: AgreementReport) {
  return { oscapTrue: r.oscapTrue, foundByPatchloop: Math.round(r.recall * r.oscapTrue), recall: round(r.recall, 4), patchloopAffected: r.patchloopAffected, extraAffected: r.patchloopAffected - Math.round(r.recall * r.oscapTrue), extraUnfixed: r.patchloopUnfixed, differences: r.byClass };
}

async function timeInProcess() {
  const store = await openStore({ sqlitePath: db });
  await store.migrate();
  try {
    const t0 = performance.now();
    const hostSnapshot = await collectHostInventory();
    const collectSeconds = (performance.now() - t0) / 1000;
    const parsed = parseDpkgStatus(lag.text, { ecosystem: 'Debian:12', file: lagPath });
    const lagSnapshot: InventorySnapshot = { asset: { name: 'lagging', kind: 'host', source: 'import:dpkg-status' }, packages: parsed.packages, warnings: [] };
    const time = async (snapshot: InventorySnapshot) => {
      await scanInventory(store, { snapshot, nowIso: new Date().toISOString() });
      const ts: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await scanInventory(store, { snapshot, nowIso: new Date().toISOString() });
        ts.push((performance.now() - t) / 1000);
      }
      return round(median(ts));
    };
    return { hostCollectSeconds: round(collectSeconds), hostScanSeconds: await time(hostSnapshot), laggingScanSeconds: await time(lagSnapshot) };
  } finally {
    await store.close();
  }
}

function profileCli() {
  const dir = join(work, 'cpu-prof');
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, PATCHLOOP_BIN, 'scan', '--json', '--db', db, '--dpkg-status', lagPath, '--ecosystem', 'Debian:12'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('profiled scan failed');
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  const s = summarizeCpuProfile(file, profileBuckets(), ['runCachedScript', 'readPackageDbFile', 'openMigratedStore', 'listMatchAdvisoriesForGroups', 'keptRecords', 'upsert', 'matchInventory', 'listIntel', 'assessFindings', 'buildReport', 'toScanFindings', 'printJson', 'feedSummary']);
  return { file, totalMs: Math.round(s.totalMs), selfByBucketMs: roundAll(s.buckets), inclusiveMs: roundAll(s.inclusive) };
}

/** Self time by the first matching frame from the leaf. The bundles keep function names, not package paths. */
function profileBuckets() {
  return [
  { name: 'bundle load (code cache)', test: (f: { functionName: string }) => f.functionName === 'runCachedScript' || f.functionName === 'Script' },
  { name: 'json-parse (advisory docs)', test: (f: { functionName: string }) => f.functionName === 'parse' || f.functionName === 'docToAdvisory' },
  { name: 'json-stringify (report)', test: (f: { functionName: string }) => f.functionName === 'stringify' || f.functionName === 'printJson' },
  { name: 'sql (better-sqlite3/kysely)', test: (f: { url: string }) => /better-sqlite3|kysely/.test(f.url) },
  { name: 'version parse/compare', test: (f: { url: string; functionName: string }) => /core\/dist\/version\//.test(f.url) || /Dpkg/.test(f.functionName) },
  { name: 'matching (index + match)', test: (f: { url: string }) => /core\/dist\/match\//.test(f.url) },
  { name: 'assessment (assess/risk/policy)', test: (f: { url: string }) => /core\/dist\/(assess|risk|policy|time)\//.test(f.url) },
  { name: 'inventory parse', test: (f: { url: string }) => /inventory\/dist\//.test(f.url) },
  { name: 'module loading/compile', test: (f: { url: string; functionName: string }) => /^node:internal\/modules|internal\/modules/.test(f.url) || f.functionName === '(program)' },
  { name: 'store (migrations, repositories)', test: (f: { url: string }) => /store\/dist\//.test(f.url) },
  { name: 'cli + report', test: (f: { url: string }) => /(cli|server)\/dist\//.test(f.url) },
  ];
}

function printResult(): void {
  console.log(`\n${result.machine}; ${result.oscap}; median of ${RUNS} runs, wall clock; load average at the end ${result.loadAverage.join(' ')}; CLI bundles fresh at start/end: ${bundleFresh.atStart}/${bundleFresh.atEnd}`);
  for (const [label, s] of [['this host', host.summary], ['lagging host', lagging.summary]] as const) {
    console.log(`${label}: oscap ${s.oscapSeconds} s, patchloop scan ${s.patchloopSeconds} s -> ${s.ratio}x (runs oscap ${s.oscapRuns.join(' ')}, patchloop ${s.patchloopRuns.join(' ')})`);
    console.log(`  recall: oscap true ${s.recall.oscapTrue}, Patchloop reports ${s.recall.foundByPatchloop} (${(s.recall.recall * 100).toFixed(2)}%); extra: ${s.recall.extraAffected} affected, ${s.recall.extraUnfixed} unfixed; ${JSON.stringify(s.recall.differences)}`);
  }
  console.log(`in-process scanInventory (warm store): this host ${inProcess.hostScanSeconds} s (+ collect ${inProcess.hostCollectSeconds} s), lagging ${inProcess.laggingScanSeconds} s`);
  console.log(`CPU profile of the lagging CLI scan (${profile.totalMs} ms): ${JSON.stringify(profile.selfByBucketMs)}`);
  console.log(`  inclusive: ${JSON.stringify(profile.inclusiveMs)}`);
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits));
}

function roundAll(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)]));
}
