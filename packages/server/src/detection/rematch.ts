import { AdvisoryIndex, canonicalEcosystem, matchInventory, versionSchemes, type Advisory, type Finding, type FindingDelta, type InstalledPackage } from '@patchloop/core';
import type { AdvisoryChanges, FindingDeltaSummary, PackageGroup, Store, StoredFinding } from '@patchloop/store';
import { diffAgainstStored } from './finding-sync.js';

export interface RematchResult extends FindingDeltaSummary {
  assets: number;
  advisories: number;
}

const schemeFor = (name: keyof typeof versionSchemes) => versionSchemes[name];

/**
 * Re-matches one asset after its inventory changed: its packages against the active advisories
 * naming them, then persists the difference with its stored open findings.
 */
export async function rematchAsset(store: Store, assetId: string, at: string): Promise<RematchResult> {
  const packages = await store.inventory.listSoftware(assetId);
  const advisories = await store.feeds.listAdvisoriesForGroups(groupsOfPackages(packages));
  const computed = matchInventory(packages, indexOf(advisories), { assetId });
  const stored = await store.findings.listFindings({ assetId });
  const summary = await store.findings.applyFindingDeltas([diffAgainstStored(assetId, computed, stored)], at);
  return { ...summary, assets: 1, advisories: advisories.length };
}

/**
 * Re-matches only some packages of one asset (those whose software changed): the current
 * packages with these (ecosystem, name) keys against the advisories naming them, diffed with the
 * stored open findings of the same packages. Same result as rematchAsset for those packages, at
 * the cost of the change rather than of the whole inventory.
 */
export async function rematchAssetPackages(store: Store, assetId: string, keys: ReadonlySet<string>, at: string): Promise<RematchResult> {
  const names = [...new Set([...keys].map((k) => k.slice(k.indexOf('\u0000') + 1)))];
  const packages = (await store.inventory.listSoftwareNamed(assetId, names)).filter((p) => keys.has(packageNameKey(p)));
  const advisories = packages.length ? await store.feeds.listAdvisoriesForGroups(groupsOfPackages(packages)) : [];
  const computed = matchInventory(packages, indexOf(advisories), { assetId });
  const stored = (await store.findings.listFindings({ assetId, packageNames: names })).filter((f) => keys.has(packageNameKey(f.package)));
  const summary = await store.findings.applyFindingDeltas([diffAgainstStored(assetId, computed, stored)], at);
  return { ...summary, assets: 1, advisories: advisories.length };
}

/** The key rematchAssetPackages selects packages by. */
export function packageNameKey(p: { ecosystem: string; name: string }): string {
  return `${p.ecosystem}\u0000${p.name}`;
}

/**
 * Re-matches only what an advisory import touched: the packages named by the added, changed and
 * removed records (old and new versions), against the current versions of those advisories.
 */
export async function rematchAdvisoryChanges(store: Store, changes: AdvisoryChanges, at: string): Promise<RematchResult> {
  const touched = [...changes.added, ...changes.changed, ...changes.previous];
  if (touched.length === 0) return { opened: 0, reopened: 0, changed: 0, resolved: 0, assets: 0, advisories: 0 };
  const ids = [...new Set(touched.map((a) => a.id))];
  const sources = new Set(touched.map((a) => a.source));
  const current = (await store.feeds.listAdvisoriesByIds(ids)).filter((a) => sources.has(a.source));
  const holders = await packagesInGroups(store, groupsOfAdvisories(touched));
  const stored = (await store.findings.listFindings({ advisoryIds: ids })).filter((f) => sources.has(f.advisorySource));
  const deltas = deltasPerAsset(holders, indexOf(current), stored);
  const summary = await store.findings.applyFindingDeltas(deltas, at);
  return { ...summary, assets: deltas.length, advisories: current.length };
}

function deltasPerAsset(holders: Map<string, InstalledPackage[]>, index: AdvisoryIndex, stored: readonly StoredFinding[]): FindingDelta[] {
  const storedByAsset = groupBy(stored, (f) => f.assetId);
  const assetIds = new Set([...holders.keys(), ...storedByAsset.keys()]);
  const deltas: FindingDelta[] = [];
  for (const assetId of assetIds) {
    const computed: Finding[] = matchInventory(holders.get(assetId) ?? [], index, { assetId });
    const d = diffAgainstStored(assetId, computed, storedByAsset.get(assetId) ?? []);
    if (d.opened.length || d.closed.length || d.changed.length) deltas.push(d);
  }
  return deltas;
}

async function packagesInGroups(store: Store, groups: readonly PackageGroup[]): Promise<Map<string, InstalledPackage[]>> {
  const namesByEcosystem = groupBy(groups, (g) => g.ecosystem);
  const byAsset = new Map<string, InstalledPackage[]>();
  for (const [ecosystem, gs] of namesByEcosystem) {
    for (const { assetId, pkg } of await store.inventory.listCurrentPackagesByNames(ecosystem, [...new Set(gs.map((g) => g.name))])) {
      (byAsset.get(assetId) ?? byAsset.set(assetId, []).get(assetId)!).push(pkg);
    }
  }
  return byAsset;
}

function indexOf(advisories: readonly Advisory[]): AdvisoryIndex {
  const index = new AdvisoryIndex({ schemeFor });
  index.upsert(advisories);
  return index;
}

/** Every group an installed package can be matched on: its binary name and its source name. */
export function groupsOfPackages(packages: readonly InstalledPackage[]): PackageGroup[] {
  return packages.flatMap((p) => [
    { ecosystem: p.ecosystem, kind: 'binary' as const, name: p.name },
    { ecosystem: p.ecosystem, kind: 'source' as const, name: p.sourceName ?? p.name },
  ]);
}

/** Groups named by advisories, in the ecosystem names inventories use (Ubuntu:24.04:LTS -> Ubuntu:24.04). */
function groupsOfAdvisories(advisories: readonly Advisory[]): PackageGroup[] {
  return advisories.flatMap((a) => a.affected.map((p) => ({ ecosystem: canonicalEcosystem(p.ecosystem), kind: p.packageKind, name: p.name })));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) (m.get(key(it)) ?? m.set(key(it), []).get(key(it))!).push(it);
  return m;
}
