import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { AdvisoryIndex, type ReadonlyAdvisoryIndex } from './advisory-index.js';
import { AssetFindingCounts } from './asset-finding-counts.js';
import type { SchemeLookup } from './compiled-range.js';
import type { Finding, FindingDelta } from './finding.js';
import { FindingCollector } from './finding-collector.js';
import { diffFindings, isEmptyDelta } from './finding-delta.js';
import { countAssetFindings, type VerdictLookup } from './finding-count.js';
import { evaluateFleet, type FleetEvaluation } from './fleet-evaluation.js';
import { FleetState, type KeyRecord } from './fleet-state.js';
import { advisoryUid, type AdvisoryRef } from './indexed-advisory.js';
import { evaluateKey } from './key-evaluator.js';
import type { KeyVerdict } from './key-verdict.js';

/**
 * Matches a whole fleet incrementally. Match keys are deduplicated across assets and each is
 * evaluated once; its verdicts are fanned out to the assets holding a package with that key.
 * Findings are not stored: they are derived from key verdicts on demand, so memory is the
 * deduplicated inventory plus the positive verdicts.
 *
 * - `applyInventory` diffs the asset's sorted package ids and rebuilds only the findings of the
 *   slots (ecosystem, name, arch) whose packages changed, evaluating only keys never seen before;
 *   keys no asset holds are dropped;
 * - `upsertAdvisories` / `removeAdvisories` re-evaluate only the keys of the package groups the
 *   old and new versions of those advisories name;
 * - `loadInventory` + `evaluateAll` load a whole fleet without deltas: every distinct key is
 *   evaluated once and fanned out to the assets holding it as per-asset finding counts.
 * Each change returns finding deltas; the findings always equal `matchInventory` run per asset.
 *
 * @example
 * const fleet = new FleetMatcher({ schemeFor: (name) => schemes[name] });
 * fleet.upsertAdvisories(advisories);
 * const { opened } = fleet.applyInventory('host-1', packages);
 * // bulk: load every inventory, then evaluate once
 * for (const [id, packages] of inventories) fleet.loadInventory(id, packages);
 * const { findings } = fleet.evaluateAll();
 */
export class FleetMatcher {
  private readonly index: AdvisoryIndex;
  private readonly state = new FleetState();
  private readonly counts = new AssetFindingCounts();
  /** True while loaded inventories may hold keys never evaluated. */
  private pendingKeys = false;
  private readonly current: VerdictLookup = (key) => (key.verdicts ??= evaluateKey(key.groupId, key.version, this.index));

  constructor({ schemeFor }: { schemeFor: SchemeLookup }) {
    this.index = new AdvisoryIndex({ schemeFor });
  }

  /** Counts of assets, distinct packages, keys, groups and advisories. */
  stats(): ReturnType<FleetState['stats']> & { advisories: number } {
    return { ...this.state.stats(), advisories: this.index.size };
  }

  /** The advisory index, read-only (for per-host comparisons and diagnostics). */
  get advisoryIndex(): ReadonlyAdvisoryIndex {
    return this.index;
  }

  /**
   * Replaces an asset's inventory; returns how its findings changed. Only the findings on the
   * slots of added or removed packages are rebuilt (before and after), so a one-package upgrade
   * costs the interning of the inventory plus that package's findings.
   */
  applyInventory(assetId: string, packages: readonly InstalledPackage[]): FindingDelta {
    const index = this.state.ensureAsset(assetId);
    const next = this.state.internPackages(packages);
    const change = this.state.diffPackages(index, next);
    if (change.added.length === 0 && change.removed.length === 0) return { assetId, opened: [], closed: [], changed: [] };
    const slots = this.state.slotsOf(change);
    const before = this.collect(index, this.state.packagesOnSlots(this.state.packagesOf(index), slots), this.current);
    this.state.setAssetPackages(index, next, change);
    const delta = diffFindings(assetId, before, this.collect(index, this.state.packagesOnSlots(next, slots), this.current));
    this.counts.adjust(index, delta.opened.length - delta.closed.length);
    return delta;
  }

  /**
   * Replaces an asset's inventory without computing findings: bulk loading (a fleet at startup,
   * whose findings are persisted already). Follow with `evaluateAll`; findings and counts read
   * before that are still exact (evaluated on demand).
   */
  loadInventory(assetId: string, packages: readonly InstalledPackage[]): void {
    const index = this.state.ensureAsset(assetId);
    this.state.setAssetPackages(index, this.state.internPackages(packages));
    this.counts.markStale(index);
    this.pendingKeys = true;
  }

  /**
   * Evaluates every distinct key of the fleet once against the whole index and fans the verdicts
   * out to the assets holding them as finding counts (`findingCountOf`). Builds no Finding.
   */
  evaluateAll(): FleetEvaluation {
    const { summary, counts } = evaluateFleet(this.state, this.index);
    this.counts.replaceAll(counts);
    this.pendingKeys = false;
    return summary;
  }

  /** How many findings an asset has (0 for an unknown asset). */
  findingCountOf(assetId: string): number {
    const index = this.state.assetIndexOf(assetId);
    if (index === undefined) return 0;
    if (this.counts.isStale(index)) this.counts.set(index, countAssetFindings(this.state, index, this.current));
    return this.counts.get(index);
  }

  /** Forgets an asset; all its findings close. */
  removeAsset(assetId: string): FindingDelta {
    const index = this.state.assetIndexOf(assetId);
    if (index === undefined) return { assetId, opened: [], closed: [], changed: [] };
    const before = this.collect(index, this.state.packagesOf(index), this.current);
    this.state.removeAsset(assetId);
    this.counts.set(index, 0);
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
    this.evaluatePendingKeys();
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

  /** Evaluates the keys loaded without evaluation, so advisory deltas are relative to the findings before the change. */
  private evaluatePendingKeys(): void {
    if (!this.pendingKeys) return;
    for (const key of this.state.keyRecords()) this.current(key);
    this.pendingKeys = false;
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
      if (isEmptyDelta(delta)) continue;
      this.counts.adjust(asset, delta.opened.length - delta.closed.length);
      deltas.push(delta);
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
