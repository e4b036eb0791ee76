/**
 * bench/oscap-compare: does `patchloop scan` agree with OpenSCAP (`oscap oval eval`) on the same
 * Debian OVAL? Two inputs: this host as it is, and a lagging host (this host's dpkg status with
 * every OVAL-covered source moved to a near miss of one of its fixed versions; see
 * lib/lagging-status.ts), evaluated by oscap offline (OSCAP_PROBE_ROOT). Every definition's two
 * verdicts are compared and each difference is classified (lib/oscap-agreement.ts); a difference
 * no model explains is listed and makes the run exit 1. Method and numbers: docs/oscap-comparison.md.
 *   npm run compare:oscap -- [--oval FILE.xml.bz2] [--work DIR] [--seed 1] [--json]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDefinitions, unexplainedDifferences, type AgreementReport } from './lib/oscap-agreement.js';
import { parseStatusPackages } from './lib/dpkg-status-model.js';
import { buildLaggingStatus } from './lib/lagging-status.js';
import { oscapAvailable, oscapVersion, prepareFakeRoot, runOscapEval } from './lib/oscap-runner.js';
import { readOvalDefinitionTable, type OvalDefinitionRow } from './lib/oval-definition-table.js';
import { findingsToPairs, runPatchloopScan } from './lib/patchloop-scan.js';
import { argOf, decompressOval, DEFAULT_OVAL_BZ2, hostStatusText, storeWithOval, workDir } from './lib/compare-inputs.js';

const JSON_OUT = process.argv.includes('--json');
const log = (m: string) => { if (!JSON_OUT) console.error(m); };

if (!oscapAvailable()) {
  console.error('oscap-compare: `oscap` is not installed (apt-get install openscap-scanner)');
  process.exit(2);
}
const work = workDir('oscap-compare-');
log(`work dir ${work}; ${oscapVersion()}`);
const oval = decompressOval(argOf('oval', DEFAULT_OVAL_BZ2), work);
const db = storeWithOval(join(work, 'store.db'), argOf('oval', DEFAULT_OVAL_BZ2));
const defs = readOvalDefinitionTable(oval);
log(`${defs.size} OVAL definitions`);

const host = compareHost(defs);
const lagging = compareLagging(defs, Number(argOf('seed', '1')));
const summary = { host: counts(host.report), hostOfflineMatchesOnline: host.offlineMatches, lagging: counts(lagging.report), laggingStateMoves: lagging.stateMoves, oscap: oscapVersion() };
if (JSON_OUT) console.log(JSON.stringify(summary));
else {
  printReport('this host', host.report);
  console.log(`  oscap offline on a copy of this host's status gives the same verdicts as online: ${host.offlineMatches}`);
  printReport(`lagging host (${lagging.sources} sources moved, ${lagging.stateMoves} binaries moved to other dpkg states)`, lagging.report);
}
const bad = [...unexplainedDifferences(host.report), ...unexplainedDifferences(lagging.report)];
process.exit(bad.length > 0 || !host.offlineMatches ? 1 : 0);

function compareHost(d: ReadonlyMap<string, OvalDefinitionRow>): { report: AgreementReport; offlineMatches: boolean } {
  log('this host: oscap oval eval (online) ...');
  const online = runOscapEval({ oval, resultsPath: join(work, 'host-results.xml') });
  log(`  ${online.seconds.toFixed(1)} s; patchloop scan ...`);
  const pl = runPatchloopScan({ db });
  const text = hostStatusText();
  const offline = runOscapEval({ oval, fakeRoot: prepareFakeRoot(join(work, 'host-root'), text) });
  const offlineMatches = [...online.results].every(([id, r]) => offline.results.get(id) === r);
  return { report: compareDefinitions(d, online.results, findingsToPairs(pl.findings), parseStatusPackages(text)), offlineMatches };
}

function compareLagging(d: ReadonlyMap<string, OvalDefinitionRow>, seed: number): { report: AgreementReport; sources: number; stateMoves: number } {
  const lag = buildLaggingStatus(hostStatusText(), d.values(), { seed });
  const statusPath = join(work, 'lagging.status');
  writeFileSync(statusPath, lag.text);
  log(`lagging host: ${statusPath}; oscap oval eval (offline) ...`);
  const o = runOscapEval({ oval, fakeRoot: prepareFakeRoot(join(work, 'lagging-root'), lag.text), resultsPath: join(work, 'lagging-results.xml') });
  log(`  ${o.seconds.toFixed(1)} s; patchloop scan --dpkg-status ...`);
  const pl = runPatchloopScan({ db, dpkgStatus: statusPath });
  return { report: compareDefinitions(d, o.results, findingsToPairs(pl.findings), parseStatusPackages(lag.text)), sources: lag.sources.size, stateMoves: lag.stateMoves.length };
}

function counts(r: AgreementReport): Record<string, unknown> {
  return { definitions: r.definitions, oscapTrue: r.oscapTrue, patchloopAffected: r.patchloopAffected, patchloopUnfixed: r.patchloopUnfixed, bothTrue: r.bothTrue, bothFalse: r.bothFalse, differences: r.differences.length, byClass: r.byClass, unexplained: unexplainedDifferences(r).length, recall: Number(r.recall.toFixed(4)) };
}

function printReport(title: string, r: AgreementReport): void {
  console.log(`\n== ${title}: ${r.definitions} definitions`);
  console.log(`  oscap true ${r.oscapTrue}; Patchloop affected ${r.patchloopAffected}, unfixed ${r.patchloopUnfixed}`);
  console.log(`  agree: both true ${r.bothTrue}, both false ${r.bothFalse}; differ ${r.differences.length}; recall of oscap's true by Patchloop ${(r.recall * 100).toFixed(2)}%`);
  for (const [cls, n] of Object.entries(r.byClass)) {
    const examples = r.differences.filter((x) => x.class === cls);
    console.log(`  ${cls}: ${n}`);
    for (const x of examples.slice(0, cls.startsWith('unexplained') || cls === 'unmapped-finding' ? 50 : 2)) console.log(`    ${x.advisoryId} ${x.source} fixed ${x.fixed ?? '0'}: oscap ${x.oscap}, patchloop ${x.patchloop}: ${x.reason}`);
  }
}
