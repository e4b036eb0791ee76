import { compareOscapEvr } from './oscap-evr.js';
import { stanzaFields } from './dpkg-status-model.js';
import type { OvalDefinitionRow } from './oval-definition-table.js';

/** How one source's installed version was placed around one of its OVAL fixed versions. */
export type NearMiss = 'below-tilde' | 'below-decrement' | 'equal' | 'above-deb' | 'above-increment' | 'epoch-dropped' | 'epoch-added' | 'binnmu-below' | 'binnmu-equal';
/** dpkg states a few binaries are moved to (apt and Patchloop read them differently). */
export type StateMove = 'install ok triggers-pending' | 'install ok half-configured' | 'install ok unpacked' | 'deinstall ok config-files';

export interface LaggingStatus {
  text: string;
  /** Per source: the fixed version it was placed around and how. */
  sources: Map<string, { pivot: string; kind: NearMiss; version: string }>;
  stateMoves: { name: string; status: StateMove }[];
}

const KINDS: readonly NearMiss[] = ['below-tilde', 'below-decrement', 'equal', 'above-deb', 'above-increment', 'epoch-dropped', 'epoch-added', 'binnmu-below', 'binnmu-equal'];
const MOVES: readonly StateMove[] = ['install ok triggers-pending', 'install ok half-configured', 'install ok unpacked', 'deinstall ok config-files'];

/**
 * A lagging but coherent dpkg status from a real one: every source with fixed-version OVAL
 * definitions gets one version near one of its fixed versions (just below, equal, just above,
 * epoch games, binNMU binaries with "Source: x (version)"); its binaries follow it (arch-all
 * binaries keep the plain source version, binaries versioned apart from their source keep
 * theirs). `stateEvery` > 0 also moves every n-th rewritten binary to a non-installed state.
 * Deterministic for a given seed.
 */
export function buildLaggingStatus(hostStatus: string, defs: Iterable<OvalDefinitionRow>, { seed = 1, stateEvery = 40 }: { seed?: number; stateEvery?: number } = {}): LaggingStatus {
  const fixedBySource = fixedVersionsBySource(defs);
  const stanzas = hostStatus.split(/\n\s*\n/).filter((s) => s.trim() !== '');
  const sources = new Map<string, { pivot: string; kind: NearMiss; version: string }>();
  const stateMoves: { name: string; status: StateMove }[] = [];
  let rewritten = 0;
  const out = stanzas.map((stanza) => {
    const f = stanzaFields(stanza);
    const src = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? '');
    const sourceName = src?.[1] ?? f.Package!;
    const fixed = fixedBySource.get(sourceName);
    if (!f.Package || !f.Version || !fixed) return stanza;
    const plan = sources.get(sourceName) ?? planSource(sourceName, fixed, seed);
    sources.set(sourceName, plan);
    rewritten += 1;
    const move = stateEvery > 0 && rewritten % stateEvery === 0 ? MOVES[(rewritten / stateEvery) % MOVES.length]! : undefined;
    if (move) stateMoves.push({ name: f.Package, status: move });
    return rewriteStanza(stanza, f, { sourceName, realSourceVersion: src?.[2] ?? f.Version, plan, move });
  });
  return { text: `${out.join('\n\n')}\n`, sources, stateMoves };
}

function fixedVersionsBySource(defs: Iterable<OvalDefinitionRow>): Map<string, string[]> {
  const m = new Map<string, Set<string>>();
  for (const d of defs) if (d.fixed !== null) (m.get(d.objectName) ?? m.set(d.objectName, new Set()).get(d.objectName)!).add(d.fixed);
  return new Map([...m].map(([k, v]) => [k, [...v].sort(compareOscapEvr)]));
}

function planSource(name: string, fixed: readonly string[], seed: number): { pivot: string; kind: NearMiss; version: string } {
  const rnd = mulberry32(hash(`${seed}:${name}`));
  const pivot = fixed[Math.floor(rnd() * fixed.length)]!;
  const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
  return { pivot, kind, version: nearMissVersion(pivot, kind) };
}

/** The installed SOURCE version for a near-miss kind around a fixed version. */
export function nearMissVersion(fixed: string, kind: NearMiss): string {
  switch (kind) {
    case 'below-tilde': case 'binnmu-below': return `${fixed}~pre1`;
    case 'below-decrement': return bumpLastNumber(fixed, -1) ?? `${fixed}~pre1`;
    case 'equal': case 'binnmu-equal': return fixed;
    case 'above-deb': return `${fixed}+deb12u1`;
    case 'above-increment': return bumpLastNumber(fixed, 1)!;
    case 'epoch-dropped': return /^\d+:/.test(fixed) ? fixed.replace(/^\d+:/, '') : `${fixed}~pre1`;
    case 'epoch-added': return /^\d+:/.test(fixed) ? fixed : `1:${fixed}`;
  }
}

function bumpLastNumber(v: string, delta: number): string | undefined {
  const m = /^(.*?)(\d+)(\D*)$/.exec(v);
  if (!m) return delta > 0 ? `${v}.1` : undefined;
  const n = Number(m[2]) + delta;
  return n < 0 ? undefined : `${m[1]}${n}${m[3]}`;
}

function rewriteStanza(stanza: string, f: Record<string, string>, o: { sourceName: string; realSourceVersion: string; plan: { kind: NearMiss; version: string }; move: StateMove | undefined }): string {
  const realBinNmu = /^\+b\d+$/.exec(f.Version!.slice(o.realSourceVersion.length)) && f.Version!.startsWith(o.realSourceVersion) ? f.Version!.slice(o.realSourceVersion.length) : undefined;
  const ownVersion = f.Version !== o.realSourceVersion && realBinNmu === undefined;
  const binNmu = o.plan.kind.startsWith('binnmu') && f.Architecture !== 'all' ? '+b1' : realBinNmu ?? '';
  const binary = ownVersion ? f.Version! : `${o.plan.version}${binNmu}`;
  const source = o.sourceName !== f.Package || binary !== o.plan.version ? `${o.sourceName}${binary !== o.plan.version ? ` (${o.plan.version})` : ''}` : undefined;
  const lines = stanza.split('\n').filter((l) => !/^Source:/.test(l)).map((l) => {
    if (/^Version:/.test(l)) return `Version: ${binary}`;
    if (/^Status:/.test(l) && o.move) return `Status: ${o.move}`;
    return l;
  });
  if (source !== undefined) lines.splice(lines.findIndex((l) => l.startsWith('Version:')), 0, `Source: ${source}`);
  return lines.join('\n');
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
