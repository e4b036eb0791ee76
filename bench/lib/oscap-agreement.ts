import { compareOscapEvr } from './oscap-evr.js';
import { isAptCurrent, isBinNmu, isPatchloopInstalled, type StatusPackage } from './dpkg-status-model.js';
import type { OvalDefinitionRow } from './oval-definition-table.js';

/** What Patchloop reported for one definition's (advisory id, source package). */
export type PatchloopVerdict = 'affected' | 'unfixed' | 'none';

/** Why the two tools disagree on a definition; 'unexplained-*' are bugs (of a tool or of this model). */
export type DifferenceClass =
  | 'unfixed-by-design' | 'binary-vs-source-name' | 'binary-version' | 'binnmu' | 'name-collision' | 'dpkg-state'
  | 'unexplained-oscap' | 'unexplained-patchloop' | 'unmapped-finding';

export interface Difference {
  defId: string;
  advisoryId: string;
  source: string;
  fixed: string | null;
  oscap: string;
  patchloop: PatchloopVerdict;
  class: DifferenceClass;
  reason: string;
}

export interface AgreementReport {
  definitions: number;
  oscapTrue: number;
  patchloopAffected: number;
  patchloopUnfixed: number;
  bothTrue: number;
  bothFalse: number;
  differences: Difference[];
  byClass: Partial<Record<DifferenceClass, number>>;
  /** Definitions oscap found true that Patchloop reports as affected, over oscap's true ones. */
  recall: number;
}

/** Patchloop findings reduced to "advisory id + source" -> verdict. */
export type PatchloopPairs = Map<string, PatchloopVerdict>;
export const pairKey = (advisoryId: string, source: string): string => `${advisoryId}\u0000${source}`;

/**
 * Compares per definition: oscap's result vs Patchloop's findings, and checks each against a
 * model of its tool's documented semantics (oscap: the BINARY named like the OVAL object, its
 * binary version, apt's idea of installed; Patchloop: the SOURCE package and source version of
 * installed-ok binaries, "unfixed" for a "0" fix). A difference both models predict gets the
 * class of the semantic that causes it; one a model does not predict is 'unexplained-*'.
 */
export function compareDefinitions(defs: ReadonlyMap<string, OvalDefinitionRow>, oscap: ReadonlyMap<string, string>, pl: PatchloopPairs, status: readonly StatusPackage[]): AgreementReport {
  const index = indexStatus(status);
  const sourcesById = new Map<string, Set<string>>();
  for (const d of defs.values()) (sourcesById.get(d.advisoryId) ?? sourcesById.set(d.advisoryId, new Set()).get(d.advisoryId)!).add(d.objectName);
  const r: AgreementReport = { definitions: defs.size, oscapTrue: 0, patchloopAffected: 0, patchloopUnfixed: 0, bothTrue: 0, bothFalse: 0, differences: [], byClass: {}, recall: 1 };
  const seen = new Set<string>();
  let oscapTrueFound = 0;
  for (const d of defs.values()) {
    const key = pairKey(d.advisoryId, d.objectName);
    seen.add(key);
    const o = oscap.get(d.defId) ?? 'missing';
    const p = pl.get(key) ?? 'none';
    if (o === 'true') r.oscapTrue += 1;
    if (p === 'affected') r.patchloopAffected += 1;
    if (p === 'unfixed') r.patchloopUnfixed += 1;
    if (o === 'true' && p === 'affected') oscapTrueFound += 1;
    const diff = classify(d, o, p, index);
    if (diff === 'both-true') r.bothTrue += 1;
    else if (diff === 'both-false') r.bothFalse += 1;
    else r.differences.push(diff.class === 'unexplained-patchloop' ? withIdCollision(diff, sourcesById, index) : diff);
  }
  for (const [key, verdict] of pl) if (!seen.has(key)) r.differences.push(unmapped(key, verdict));
  for (const d of r.differences) r.byClass[d.class] = (r.byClass[d.class] ?? 0) + 1;
  r.recall = r.oscapTrue === 0 ? 1 : oscapTrueFound / r.oscapTrue;
  return r;
}

/** Differences a tool's model does not explain: bugs to look at. */
export function unexplainedDifferences(r: AgreementReport): Difference[] {
  return r.differences.filter((d) => d.class.startsWith('unexplained') || d.class === 'unmapped-finding');
}

interface StatusIndex { byName: Map<string, StatusPackage[]>; bySource: Map<string, StatusPackage[]> }

function indexStatus(status: readonly StatusPackage[]): StatusIndex {
  const byName = new Map<string, StatusPackage[]>();
  const bySource = new Map<string, StatusPackage[]>();
  for (const p of status) {
    (byName.get(p.name) ?? byName.set(p.name, []).get(p.name)!).push(p);
    (bySource.get(p.sourceName) ?? bySource.set(p.sourceName, []).get(p.sourceName)!).push(p);
  }
  return { byName, bySource };
}

const less = (v: string, fixed: string): boolean => compareOscapEvr(v, fixed) < 0;

/** oscap's model: a current (apt) binary named like the object with binary version < fixed. */
function oscapWitness(d: OvalDefinitionRow, ix: StatusIndex): StatusPackage | undefined {
  if (d.fixed === null) return undefined;
  return (ix.byName.get(d.objectName) ?? []).find((p) => isAptCurrent(p) && less(p.version, d.fixed!));
}

/** Patchloop's model: installed-ok binaries of the source; affected when source version < fixed. */
function patchloopModel(d: OvalDefinitionRow, ix: StatusIndex): { verdict: PatchloopVerdict; witness?: StatusPackage } {
  const installed = (ix.bySource.get(d.objectName) ?? []).filter(isPatchloopInstalled);
  if (installed.length === 0) return { verdict: 'none' };
  if (d.fixed === null) return { verdict: 'unfixed', witness: installed[0]! };
  const witness = installed.find((p) => less(p.sourceVersion, d.fixed!));
  return witness ? { verdict: 'affected', witness } : { verdict: 'none' };
}

function classify(d: OvalDefinitionRow, o: string, p: PatchloopVerdict, ix: StatusIndex): Difference | 'both-true' | 'both-false' {
  const diff = (cls: DifferenceClass, reason: string): Difference => ({ defId: d.defId, advisoryId: d.advisoryId, source: d.objectName, fixed: d.fixed, oscap: o, patchloop: p, class: cls, reason });
  const ow = oscapWitness(d, ix);
  const pm = patchloopModel(d, ix);
  if ((o === 'true') !== (ow !== undefined) || (o !== 'true' && o !== 'false')) return diff('unexplained-oscap', `oscap says ${o}, the model of its dpkginfo probe says ${ow ? 'true' : 'false'}`);
  if (p !== pm.verdict) return diff('unexplained-patchloop', `Patchloop says ${p}, source-package matching of this status says ${pm.verdict}${pm.witness ? ` (${pm.witness.name} ${pm.witness.version}, source ${pm.witness.sourceName} ${pm.witness.sourceVersion})` : ''}`);
  if (p === 'unfixed') return diff('unfixed-by-design', `no fix in bookworm ("earlier than 0"): oscap can never be true; Patchloop reports it, via ${pm.witness!.name}`);
  if ((o === 'true') === (p === 'affected')) return o === 'true' ? 'both-true' : 'both-false';
  return o === 'true' ? explainOscapOnly(d, ow!, diff) : explainPatchloopOnly(d, pm.witness!, ix, diff);
}

function explainOscapOnly(d: OvalDefinitionRow, w: StatusPackage, diff: (c: DifferenceClass, r: string) => Difference): Difference {
  if (!isPatchloopInstalled(w)) return diff('dpkg-state', `binary ${w.name} ${w.version} is "${w.want} ${w.eflag} ${w.state}": apt gives it a current version, Patchloop counts only "installed"/"ok" packages`);
  if (w.sourceName !== d.objectName) return diff('name-collision', `binary ${w.name} ${w.version} is built from source ${w.sourceName}, not ${d.objectName}: oscap evaluates it against ${d.objectName}'s fix ${d.fixed}`);
  return diff(isBinNmu(w) ? 'binnmu' : 'binary-version', `binary ${w.name} ${w.version} < ${d.fixed} but its source version ${w.sourceVersion} is not`);
}

function explainPatchloopOnly(d: OvalDefinitionRow, w: StatusPackage, ix: StatusIndex, diff: (c: DifferenceClass, r: string) => Difference): Difference {
  const sameName = (ix.byName.get(d.objectName) ?? []).filter(isAptCurrent);
  if (sameName.length === 0) return diff('binary-vs-source-name', `no installed binary is named ${d.objectName}; Patchloop finds source ${d.objectName} ${w.sourceVersion} < ${d.fixed} through binary ${w.name}`);
  const other = sameName.find((p) => p.sourceName !== d.objectName);
  if (other) return diff('name-collision', `the binary named ${d.objectName} (${other.version}) is built from ${other.sourceName}; Patchloop finds source ${d.objectName} ${w.sourceVersion} < ${d.fixed} through ${w.name}`);
  const b = sameName[0]!;
  return diff(isBinNmu(b) ? 'binnmu' : 'binary-version', `binary ${b.name} ${b.version} is not < ${d.fixed}, its source version ${b.sourceVersion} is`);
}

/**
 * Diagnosis for a Patchloop miss: other definitions share its advisory id (one Debian OVAL
 * definition per CVE and source package, all with id = the CVE) for sources also installed.
 */
function withIdCollision(d: Difference, sourcesById: ReadonlyMap<string, Set<string>>, ix: StatusIndex): Difference {
  const others = [...(sourcesById.get(d.advisoryId) ?? [])].filter((s) => s !== d.source && (ix.bySource.get(s) ?? []).some(isPatchloopInstalled));
  return others.length === 0 ? d : { ...d, reason: `${d.reason}; ${d.advisoryId} is also the advisory id of the definition(s) for installed source(s) ${others.join(', ')}` };
}

function unmapped(key: string, verdict: PatchloopVerdict): Difference {
  const [advisoryId = '', source = ''] = key.split('\u0000');
  return { defId: '', advisoryId, source, fixed: null, oscap: 'no definition', patchloop: verdict, class: 'unmapped-finding', reason: 'Patchloop reports an (advisory, source) pair no OVAL definition has' };
}
