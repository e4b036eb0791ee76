import type { InstalledPackage } from '../inventory/asset.js';
import { InstalledVersion } from './installed-version.js';
import type { KeyVerdict } from './key-verdict.js';
import { binaryKeyOf, matchKeyId, packageGroupId, sourceKeyOf, type MatchKey } from './match-key.js';
import { SortedIdSet } from './sorted-id-set.js';

/** One distinct installed package across the fleet (shared by every asset holding it). */
export interface PackageRecord {
  readonly pkg: InstalledPackage;
  readonly keyIds: readonly [binary: number, source: number];
  /** Asset indices holding this package. */
  readonly holders: SortedIdSet;
}

/** One distinct match key across the fleet, evaluated once. */
export interface KeyRecord {
  readonly key: MatchKey;
  readonly id: string;
  readonly groupId: string;
  /** The installed version, parsed at most once per scheme for the key's lifetime. */
  readonly version: InstalledVersion;
  /** undefined until first evaluated. */
  verdicts: readonly KeyVerdict[] | undefined;
  /** Package ids using this key. */
  readonly packageIds: number[];
}

/**
 * The fleet's deduplicated inventory: assets -> sorted package ids (Uint32Array),
 * package -> asset indices (SortedIdSet), package -> its two keys, key -> packages,
 * group -> keys. Package and key records are shared by all assets and dropped when the
 * last asset holding them lets go. Ids are recycled through free lists.
 */
export class FleetState {
  private readonly assetIndexById = new Map<string, number>();
  private readonly assetIds: (string | undefined)[] = [];
  private readonly assetPackages: (Uint32Array | undefined)[] = [];
  private readonly freeAssets: number[] = [];
  private packageCount = 0;
  /** Package ids by name: interning compares fields instead of building a key string per package. */
  private readonly packageIdsByName = new Map<string, number[]>();
  private readonly packages: (PackageRecord | undefined)[] = [];
  private readonly freePackages: number[] = [];
  private readonly keyIdById = new Map<string, number>();
  private readonly keys: (KeyRecord | undefined)[] = [];
  private readonly freeKeys: number[] = [];
  private readonly keyIdsByGroup = new Map<string, Set<number>>();

  /** Counts, for monitoring and benchmarks. */
  stats(): { assets: number; packages: number; keys: number; groups: number } {
    return { assets: this.assetIndexById.size, packages: this.packageCount, keys: this.keyIdById.size, groups: this.keyIdsByGroup.size };
  }

  assetIndexOf(assetId: string): number | undefined {
    return this.assetIndexById.get(assetId);
  }

  assetIdAt(index: number): string {
    return this.assetIds[index]!;
  }

  /** Every known asset id. */
  listAssetIds(): string[] {
    return [...this.assetIndexById.keys()];
  }

  /** The index of an asset, registering it when new. */
  ensureAsset(assetId: string): number {
    let index = this.assetIndexById.get(assetId);
    if (index !== undefined) return index;
    index = this.freeAssets.pop() ?? this.assetIds.length;
    this.assetIndexById.set(assetId, index);
    this.assetIds[index] = assetId;
    return index;
  }

  /** Sorted package ids of an asset. */
  packagesOf(index: number): Uint32Array {
    return this.assetPackages[index] ?? EMPTY;
  }

  packageAt(id: number): PackageRecord {
    return this.packages[id]!;
  }

  keyAt(id: number): KeyRecord {
    return this.keys[id]!;
  }

  /** Key ids of a package group (keys not yet evaluated included). */
  keyIdsInGroup(groupId: string): Iterable<number> {
    return this.keyIdsByGroup.get(groupId) ?? [];
  }

  /** Interns the packages of one inventory; returns their sorted, de-duplicated ids. */
  internPackages(packages: readonly InstalledPackage[]): Uint32Array {
    const ids = new Uint32Array(packages.length);
    for (let i = 0; i < packages.length; i++) ids[i] = this.internPackage(packages[i]!);
    ids.sort();
    return dedupeSorted(ids);
  }

  /** Replaces an asset's packages, updating holders and dropping what no asset holds any more. */
  setAssetPackages(index: number, next: Uint32Array): void {
    const previous = this.packagesOf(index);
    forEachDifference(next, previous, (id) => this.packages[id]!.holders.add(index));
    forEachDifference(previous, next, (id) => this.releaseHolder(id, index));
    this.assetPackages[index] = next.length > 0 ? next : undefined;
  }

  /** Forgets an asset (after its packages were set to none). */
  removeAsset(assetId: string): void {
    const index = this.assetIndexById.get(assetId);
    if (index === undefined) return;
    this.setAssetPackages(index, EMPTY);
    this.assetIndexById.delete(assetId);
    this.assetIds[index] = undefined;
    this.freeAssets.push(index);
  }

  private internPackage(pkg: InstalledPackage): number {
    const sameName = this.packageIdsByName.get(pkg.name);
    const known = sameName?.find((id) => samePackage(this.packages[id]!.pkg, pkg));
    if (known !== undefined) return known;
    const id = this.freePackages.pop() ?? this.packages.length;
    const keyIds = [this.internKey(binaryKeyOf(pkg), id), this.internKey(sourceKeyOf(pkg), id)] as const;
    this.packages[id] = { pkg: Object.freeze({ ...pkg }), keyIds, holders: new SortedIdSet() };
    this.packageCount++;
    if (sameName) sameName.push(id);
    else this.packageIdsByName.set(pkg.name, [id]);
    return id;
  }

  private internKey(key: MatchKey, packageId: number): number {
    const id = matchKeyId(key);
    const known = this.keyIdById.get(id);
    if (known !== undefined) {
      this.keys[known]!.packageIds.push(packageId);
      return known;
    }
    const keyId = this.freeKeys.pop() ?? this.keys.length;
    const groupId = packageGroupId(key.ecosystem, key.kind, key.name);
    this.keys[keyId] = { key, id, groupId, version: new InstalledVersion(key.version), verdicts: undefined, packageIds: [packageId] };
    this.keyIdById.set(id, keyId);
    let group = this.keyIdsByGroup.get(groupId);
    if (!group) this.keyIdsByGroup.set(groupId, (group = new Set()));
    group.add(keyId);
    return keyId;
  }

  private releaseHolder(packageId: number, assetIndex: number): void {
    const record = this.packages[packageId]!;
    record.holders.delete(assetIndex);
    if (record.holders.size > 0) return;
    this.packages[packageId] = undefined;
    this.packageCount--;
    this.forgetName(record.pkg.name, packageId);
    this.freePackages.push(packageId);
    for (const keyId of record.keyIds) this.releaseKey(keyId, packageId);
  }

  private forgetName(name: string, packageId: number): void {
    const ids = this.packageIdsByName.get(name)!;
    ids.splice(ids.indexOf(packageId), 1);
    if (ids.length === 0) this.packageIdsByName.delete(name);
  }

  private releaseKey(keyId: number, packageId: number): void {
    const record = this.keys[keyId]!;
    const at = record.packageIds.indexOf(packageId);
    if (at >= 0) record.packageIds.splice(at, 1);
    if (record.packageIds.length > 0) return;
    this.keys[keyId] = undefined;
    this.keyIdById.delete(record.id);
    this.freeKeys.push(keyId);
    const group = this.keyIdsByGroup.get(record.groupId);
    group?.delete(keyId);
    if (group?.size === 0) this.keyIdsByGroup.delete(record.groupId);
  }
}

const EMPTY = new Uint32Array(0);

/** Same installed package: every field equal. */
function samePackage(a: InstalledPackage, b: InstalledPackage): boolean {
  return (
    a.version === b.version && a.ecosystem === b.ecosystem && a.arch === b.arch && a.sourceName === b.sourceName &&
    a.sourceVersion === b.sourceVersion && a.purl === b.purl && a.name === b.name
  );
}

function dedupeSorted(ids: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!;
  return n === ids.length ? ids : ids.slice(0, n);
}

/** Calls `fn` for each id of sorted `a` not in sorted `b`. */
function forEachDifference(a: Uint32Array, b: Uint32Array, fn: (id: number) => void): void {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const id = a[i]!;
    while (j < b.length && b[j]! < id) j++;
    if (j >= b.length || b[j] !== id) fn(id);
  }
}
