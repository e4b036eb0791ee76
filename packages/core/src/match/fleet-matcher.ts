import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { AdvisoryIndex } from './advisory-index.js';
import type { SchemeLookup } from './compiled-range.js';
import type { Finding, FindingDelta } from './finding.js';
import { FindingCollector } from './finding-collector.js';
import { diffFindings, isEmptyDelta } from './finding-delta.js';
import { FleetState, type KeyRecord } from './fleet-state.js';
import { advisoryUid, type AdvisoryRef } from './indexed-advisory.js';
import { evaluateKey } from './key-evaluator.js';
import type { KeyVerdict } from './key-verdict.js';

type VerdictLookup = (key: KeyRecord) => readonly KeyVerdict[];

/**
 * Matches a whole fleet incrementally. Match keys are deduplicated across assets and each is
 * evaluated once; its verdicts are fanned out to the assets holding a package with that key.
 * Findings are not stored: they are derived from key verdicts on demand, so memory is the
 * deduplicated inventory plus the positive verdicts.
 *
 * - `applyInventory` evaluates only keys never seen before and drops keys no asset holds;
 * - `upsertAdvisories` / `removeAdvisories` re-evaluate only the keys of the package groups the
 *   old and new versions of those advisories name.
 * Each returns finding deltas; the findings always equal `matchInventory` run per asset.
 *
 * @example
 * const fleet = new FleetMatcher({ schemeFor: (name) => schemes[name] });
 * fleet.upsertAdvisories(advisories);
 * const { opened } = fleet.applyInventory('host-1', packages);
 */
export class FleetMatcher {
  private readonly index: AdvisoryIndex;
  private readonly state = new FleetState();
  private readonly current: VerdictLookup = (key) => (key.verdicts ??= evaluateKey(key.groupId, key.version, this.index));

  constructor({ schemeFor }: { schemeFor: SchemeLookup }) {
    this.index = new AdvisoryIndex({ schemeFor });
  }

  /** Counts of assets, distinct packages, keys, groups and advisories. */
  stats(): ReturnType<FleetState['stats']> & { advisories: number } {
    return { ...this.state.stats(), advisories: this.index.size };
  }

  /** Replaces an asset's inventory; returns how its findings changed. */
  applyInventory(assetId: string, packages: readonly InstalledPackage[]): FindingDelta {
    const index = this.state.ensureAsset(assetId);
    const before = this.collect(index, this.state.packagesOf(index), this.current);
    this.state.setAssetPackages(index, this.state.internPackages(packages));
    return diffFindings(assetId, before, this.collect(index, this.state.packagesOf(index), this.current));
  }

  /** Forgets an asset; all its findings close. */
  removeAsset(assetId: string): FindingDelta {
    const index = this.state.assetIndexOf(assetId);
    if (index === undefined) return { assetId, opened: [], closed: [], changed: [] };
    const before = this.collect(index, this.state.packagesOf(index), this.current);
    this.state.removeAsset(assetId);
    return diffFindings(assetId, before, []);
  }

  /** The current findings of one asset, sorted by key. */
  findingsForAsset(assetId: string): Finding[] {
    const index = this.state.assetIndexOf(assetId);
    return index === undefined ? [] : this.collect(index, this.state.packagesOf(index), this.current);
  }

  /** Every known asset id. */
  listAssetIds(): string[] {
    return this.state.listAssetIds();
  }

  /** Adds or replaces advisories; returns the deltas of the assets whose findings changed. */
  upsertAdvisories(advisories: readonly Advisory[]): FindingDelta[] {
    const uids = new Set(advisories.map(advisoryUid));
    return this.reevaluate(uids, () => this.index.upsert(advisories));
  }

  /** Removes advisories; returns the deltas of the assets whose findings changed. */
  removeAdvisories(refs: readonly AdvisoryRef[]): FindingDelta[] {
    const uids = new Set(refs.map(advisoryUid));
    return this.reevaluate(uids, () => this.index.remove(refs));
  }

  /** Applies an index change, re-evaluates the keys of the touched groups, and diffs the assets holding changed keys. */
  private reevaluate(uids: ReadonlySet<string>, change: () => Set<string>): FindingDelta[] {
    const groups = change();
    const previous = new Map<KeyRecord, readonly KeyVerdict[]>();
    const touchedPackages = new Set<number>();
    const assets = new Set<number>();
    for (const groupId of groups) {
      for (const keyId of this.state.keyIdsInGroup(groupId)) {
        const key = this.state.keyAt(keyId);
        for (const packageId of key.packageIds) touchedPackages.add(packageId);
        if (this.refreshKey(key, uids, previous)) this.addHolders(key, assets);
      }
    }
    const before: VerdictLookup = (key) => previous.get(key) ?? this.current(key);
    return this.diffAssets(assets, touchedPackages, uids, before);
  }

  /** Re-evaluates a key; true when its verdicts for `uids` changed (the old verdicts are kept in `previous`). */
  private refreshKey(key: KeyRecord, uids: ReadonlySet<string>, previous: Map<KeyRecord, readonly KeyVerdict[]>): boolean {
    const old = key.verdicts;
    key.verdicts = evaluateKey(key.groupId, key.version, this.index);
    if (old === undefined) return false;
    previous.set(key, old);
    return signatureOf(old, uids) !== signatureOf(key.verdicts, uids);
  }

  private addHolders(key: KeyRecord, assets: Set<number>): void {
    for (const packageId of key.packageIds) for (const asset of this.state.packageAt(packageId).holders.values()) assets.add(asset);
  }

  private diffAssets(assets: Set<number>, touchedPackages: Set<number>, uids: ReadonlySet<string>, before: VerdictLookup): FindingDelta[] {
    const deltas: FindingDelta[] = [];
    for (const asset of assets) {
      const relevant = this.state.packagesOf(asset).filter((id) => touchedPackages.has(id));
      const delta = diffFindings(this.state.assetIdAt(asset), this.collect(asset, relevant, before, uids), this.collect(asset, relevant, this.current, uids));
      if (!isEmptyDelta(delta)) deltas.push(delta);
    }
    return deltas;
  }

  private collect(asset: number, packageIds: Uint32Array, verdicts: VerdictLookup, only?: ReadonlySet<string>): Finding[] {
    const collector = new FindingCollector(this.state.assetIdAt(asset), only);
    for (const packageId of packageIds) {
      const record = this.state.packageAt(packageId);
      for (const keyId of record.keyIds) {
        const key = this.state.keyAt(keyId);
        collector.add(record.pkg, key.key, verdicts(key));
      }
    }
    return collector.findings();
  }
}

/** A comparable rendering of the verdicts of some advisories. */
function signatureOf(verdicts: readonly KeyVerdict[], uids: ReadonlySet<string>): string {
  let out = '';
  for (const v of verdicts) {
    if (!uids.has(v.entry.advisory.uid)) continue;
    out += `${v.entry.advisory.uid}|${v.entry.advisory.vulnerabilityIds.join(',')}|${v.entry.affectedIndex}|${v.entry.affected.status}|${v.status}|${v.rule}|${v.rangeIndex}|${v.fixedVersion}|${v.reason}|${v.comparisons.join(',')}|${JSON.stringify(v.events)}\n`;
  }
  return out;
}
