/**
 * A synthetic Debian bookworm fleet from real packages and the real OVAL: every host runs a shared
 * base set plus one of a few role sets (realistic sharing), at the patched versions; "laggard"
 * hosts hold some sources one to three security updates behind: a version just below a fixed
 * version the OVAL names for that source, so their findings are the ones a real laggard would have.
 */
import type { Advisory } from '../../packages/core/src/advisory/advisory.js';
import type { InstalledPackage } from '../../packages/core/src/inventory/asset.js';
import { dpkgScheme } from '../../packages/core/src/version/dpkg/dpkg.scheme.js';
import type { DebPackage } from './debian-packages.js';

const ECOSYSTEM = 'Debian:12';
const ROLES = 8;
/** Share of hosts that lag behind on some sources, and of their OVAL-fixed sources they lag on. */
const LAGGARD_HOSTS = 0.3;
const LAGGED_SOURCES = 0.05;
const MAX_BINARIES_PER_SOURCE = 2;

export interface SyntheticFleet {
  /** Package `i` of host `h`: the inventory, built once per host. */
  inventoryOf(h: number): InstalledPackage[];
  /** The patched package of `pkg`'s name and arch (the pool's). */
  patched(pkg: InstalledPackage): InstalledPackage;
  /** The patched `pkg` at `level` security updates behind (0: itself); undefined when the OVAL names no fix for its source. */
  lagging(pkg: InstalledPackage, level: number): InstalledPackage | undefined;
  /** Sources of the pool with at least one OVAL fixed version. */
  readonly fixableSources: number;
}

/** Deterministic 32-bit hash of two integers (for reproducible choices). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Fixed versions per Debian 12 source package named by the advisories, ascending (dpkg order). */
export function fixedVersionsBySource(advisories: readonly Advisory[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const a of advisories) {
    for (const entry of a.affected) {
      if (entry.ecosystem !== ECOSYSTEM || entry.packageKind !== 'source') continue;
      for (const range of entry.ranges) {
        for (const e of range.events) {
          if (!('fixed' in e) || !dpkgScheme.isValid(e.fixed)) continue;
          let set = sets.get(entry.name);
          if (!set) sets.set(entry.name, (set = new Set()));
          set.add(e.fixed);
        }
      }
    }
  }
  return new Map([...sets].map(([name, set]) => [name, [...set].sort((x, y) => dpkgScheme.compare(x, y))]));
}

/** A version just below `fixed`: the previous security revision (+deb12uN-1), the previous Debian revision, or `fixed~`. */
export function versionBelow(fixed: string): string {
  const candidates: string[] = [];
  const deb = /^(.*)\+deb12u(\d+)$/.exec(fixed);
  if (deb) candidates.push(Number(deb[2]) > 1 ? `${deb[1]}+deb12u${Number(deb[2]) - 1}` : deb[1]!);
  const rev = /^(.*-)(\d+)$/.exec(fixed);
  if (rev && Number(rev[2]) > 1) candidates.push(`${rev[1]}${Number(rev[2]) - 1}`);
  candidates.push(`${fixed}~`);
  return candidates.find((v) => dpkgScheme.isValid(v) && dpkgScheme.compare(v, fixed) < 0)!;
}

/**
 * Builds the fleet model. The pool favours packages whose source the OVAL covers (2 of 3 picks),
 * like real servers full of libraries with a security history.
 */
export function syntheticFleet(real: readonly DebPackage[], advisories: readonly Advisory[], perHost: number): SyntheticFleet {
  const fixed = fixedVersionsBySource(advisories);
  const base = Math.round(perHost * 0.8);
  const roleSize = perHost - base;
  // A JSON round trip copies the strings: slices of the apt index texts would keep those alive.
  const picked: DebPackage[] = JSON.parse(JSON.stringify(pickPool(real, fixed, base + ROLES * roleSize)));
  const pool = picked.map((p): InstalledPackage => ({ ecosystem: ECOSYSTEM, ...p }));
  const sourceIndex = new Map<string, number>();
  for (const p of pool) if (!sourceIndex.has(p.sourceName!)) sourceIndex.set(p.sourceName!, sourceIndex.size);
  const byName = new Map(pool.map((p) => [`${p.name}:${p.arch}`, p]));
  const patched = (pkg: InstalledPackage): InstalledPackage => byName.get(`${pkg.name}:${pkg.arch}`) ?? pkg;
  const lagCache = new Map<InstalledPackage, (InstalledPackage | undefined)[]>();

  const lagging = (pkg: InstalledPackage, level: number): InstalledPackage | undefined => {
    if (level === 0) return pkg;
    let levels = lagCache.get(pkg);
    if (!levels) lagCache.set(pkg, (levels = []));
    if (levels.length <= level) levels[level] = laggingVersion(pkg, fixed.get(pkg.sourceName ?? pkg.name) ?? [], level);
    return levels[level];
  };

  const inventoryOf = (h: number): InstalledPackage[] => {
    const role = h % ROLES;
    const laggard = mix(h, 1) / 2 ** 32 < LAGGARD_HOSTS;
    const out: InstalledPackage[] = [];
    for (let i = 0; i < perHost; i++) {
      const pkg = pool[i < base ? i : base + role * roleSize + (i - base)]!;
      out.push(laggard ? lagging(pkg, lagLevelOf(h, sourceIndex.get(pkg.sourceName!)!)) ?? pkg : pkg);
    }
    return out;
  };

  return { inventoryOf, patched, lagging, fixableSources: [...sourceIndex.keys()].filter((s) => fixed.has(s)).length };
}

/** 0 for most sources; 1, 2 or 3 updates behind for about LAGGED_SOURCES of them. */
function lagLevelOf(h: number, source: number): number {
  const r = mix(h, source + 1000) / 2 ** 32;
  if (r >= LAGGED_SOURCES) return 0;
  return r < LAGGED_SOURCES * 0.6 ? 1 : r < LAGGED_SOURCES * 0.9 ? 2 : 3;
}

/** The package `level` fixes behind: just below the level-th highest fixed version not above the installed source version. */
function laggingVersion(pkg: InstalledPackage, fixedVersions: readonly string[], level: number): InstalledPackage | undefined {
  const installed = pkg.sourceVersion ?? pkg.version;
  const applied = fixedVersions.filter((v) => dpkgScheme.compare(v, installed) <= 0);
  const target = applied[applied.length - level] ?? fixedVersions[0];
  if (target === undefined) return undefined;
  const below = versionBelow(target);
  const version = pkg.version === installed ? below : `${below}+b1`;
  return { ...pkg, version, sourceVersion: below };
}

/** A deterministic pool: two of three picks from packages whose source has OVAL fixes. */
function pickPool(real: readonly DebPackage[], fixed: ReadonlyMap<string, string[]>, size: number): DebPackage[] {
  // Real hosts hold a few binaries of a source, not a dozen kernel flavours: at most two per source.
  const perSource = new Map<string, number>();
  const usable = shuffled([...real], 3).filter((p) => {
    const n = perSource.get(p.sourceName) ?? 0;
    if (n >= MAX_BINARIES_PER_SOURCE || !dpkgScheme.isValid(p.version) || !dpkgScheme.isValid(p.sourceVersion)) return false;
    perSource.set(p.sourceName, n + 1);
    return true;
  });
  const covered = shuffled(usable.filter((p) => fixed.has(p.sourceName)), 1);
  const others = shuffled(usable.filter((p) => !fixed.has(p.sourceName)), 2);
  const out: DebPackage[] = [];
  for (let i = 0; out.length < size && (covered.length > 0 || others.length > 0); i++) {
    const from = i % 3 === 2 ? others : covered;
    const p = (from.length > 0 ? from : from === covered ? others : covered).pop();
    if (p) out.push(p);
  }
  if (out.length < size) throw new Error(`need ${size} real packages, found ${out.length}`);
  return out;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = mix(seed, i) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
