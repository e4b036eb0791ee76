import type { InstalledPackage } from '../inventory/asset.js';
import { packageFullKey } from '../inventory/software-diff.js';
import { explain } from './explanation.js';
import type { Finding } from './finding.js';
import { findingKeyOf } from './finding-key.js';
import type { KeyVerdict } from './key-verdict.js';
import type { MatchKey } from './match-key.js';

interface Candidate {
  readonly pkg: InstalledPackage;
  readonly key: MatchKey;
  readonly verdict: KeyVerdict;
}

/**
 * Turns key verdicts into one asset's findings. Several candidates can share a finding identity
 * (two entries of one advisory, a source and a binary entry, one name installed at two versions
 * in a lockfile); the one kept is chosen by `compareCandidates`, independent of input order, so
 * per-host and fleet matching agree exactly.
 */
export class FindingCollector {
  private readonly best = new Map<string, Candidate>();

  /** @param only when given, keep only findings of these advisory uids. */
  constructor(
    private readonly assetId: string,
    private readonly only?: ReadonlySet<string>,
  ) {}

  /** Adds the verdicts of one key the package matched on. */
  add(pkg: InstalledPackage, key: MatchKey, verdicts: readonly KeyVerdict[]): void {
    for (const verdict of verdicts) {
      const advisory = verdict.entry.advisory;
      if (this.only && !this.only.has(advisory.uid)) continue;
      const id = findingKeyOf(this.assetId, advisory.advisory, pkg);
      const candidate = { pkg, key, verdict };
      const current = this.best.get(id);
      if (!current || compareCandidates(candidate, current) < 0) this.best.set(id, candidate);
    }
  }

  /** The findings, sorted by key. */
  findings(): Finding[] {
    // The default sort orders strings by UTF-16 code units, as `<` does.
    return [...this.best.keys()].sort().map((id) => toFinding(this.assetId, id, this.best.get(id)!));
  }
}

/** Matched beats unevaluable; then the lower installed version; then source before binary, entry and range order. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    rank(a) - rank(b) ||
    compareText(a.pkg.version, b.pkg.version) ||
    compareText(packageFullKey(a.pkg), packageFullKey(b.pkg)) ||
    compareText(a.key.kind === 'source' ? '0' : '1', b.key.kind === 'source' ? '0' : '1') ||
    a.verdict.entry.affectedIndex - b.verdict.entry.affectedIndex ||
    (a.verdict.rangeIndex ?? -1) - (b.verdict.rangeIndex ?? -1)
  );
}

function rank(c: Candidate): number {
  return c.verdict.status === 'unevaluable' ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toFinding(assetId: string, id: string, { pkg, key, verdict }: Candidate): Finding {
  const { advisory, vulnerabilityIds } = verdict.entry.advisory;
  const explanation = explain(verdict, pkg, key);
  // Two literals rather than a conditional spread: one finding per candidate kept, on the hot path.
  if (verdict.fixedVersion === undefined) {
    return { key: id, assetId, advisoryId: advisory.id, advisorySource: advisory.source, vulnerabilityIds, package: pkg, matchedOn: key, status: verdict.status, explanation };
  }
  return { key: id, assetId, advisoryId: advisory.id, advisorySource: advisory.source, vulnerabilityIds, package: pkg, matchedOn: key, fixedVersion: verdict.fixedVersion, status: verdict.status, explanation };
}
