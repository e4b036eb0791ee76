/**
 * The per-host scanner baseline: for each host, for each package, look up and evaluate its
 * advisories (binary and source key) with no cache shared across hosts, using the matcher's own
 * index and entry evaluation; findings are deduplicated per host by (slot, advisory) exactly like
 * `matchInventory`, and only counted.
 */
import { performance } from 'node:perf_hooks';
import type { InstalledPackage } from '../../packages/core/src/inventory/asset.js';
import type { ReadonlyAdvisoryIndex } from '../../packages/core/src/match/advisory-index.js';
import { InstalledVersion } from '../../packages/core/src/match/installed-version.js';
import { evaluateKey } from '../../packages/core/src/match/key-evaluator.js';
import { binaryKeyOf, packageGroupId, sourceKeyOf } from '../../packages/core/src/match/match-key.js';

/** Findings of one host, counted the per-host way. */
export function countHostFindings(packages: readonly InstalledPackage[], index: ReadonlyAdvisoryIndex): number {
  const seen = new Set<string>();
  for (const pkg of packages) {
    let slot: string | undefined;
    for (const key of [binaryKeyOf(pkg), sourceKeyOf(pkg)]) {
      const verdicts = evaluateKey(packageGroupId(key.ecosystem, key.kind, key.name), new InstalledVersion(key.version), index);
      for (const v of verdicts) seen.add(`${(slot ??= `${pkg.ecosystem}\u0000${pkg.name}\u0000${pkg.arch ?? ''}`)}\u0000${v.entry.advisory.uid}`);
    }
  }
  return seen.size;
}

/**
 * Findings of every host (by host index), counted the per-host way; returns the counts and the
 * seconds spent counting. Hosts go in chunks with a full GC between chunks, outside the timing: the
 * baseline's garbage (hundreds of MB of short-lived verdicts) must not set the process's peak RSS,
 * and leaving its major GCs out of its time only makes the baseline faster (the ratio conservative).
 */
export function countFindingsPerHost(inventories: readonly (readonly InstalledPackage[])[], index: ReadonlyAdvisoryIndex, { chunk = 250 } = {}): { counts: Uint32Array; seconds: number } {
  const counts = new Uint32Array(inventories.length);
  let ms = 0;
  for (let start = 0; start < inventories.length; start += chunk) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    for (let h = start; h < Math.min(inventories.length, start + chunk); h++) counts[h] = countHostFindings(inventories[h]!, index);
    ms += performance.now() - t;
  }
  return { counts, seconds: ms / 1000 };
}
