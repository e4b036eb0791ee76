import type { InstalledPackage } from '../inventory/asset.js';
import { IdMarks } from './id-marks.js';
import { InstalledVersion } from './installed-version.js';
import type { KeyVerdict } from './key-verdict.js';
import { binaryKeyOf, matchKeyId, packageGroupId, sourceKeyOf, type MatchKey } from './match-key.js';
import { SlotTable } from './slot-table.js';
import { SortedIdSet } from './sorted-id-set.js';

/** One distinct installed package across the fleet (shared by every asset holding it). */
export interface PackageRecord {
  readonly pkg: InstalledPackage;
  readonly keyIds: readonly [binary: number, source: number];
  /** The finding slot (ecosystem, name, arch), see `SlotTable`. */
  readonly slotId: number;
  /** Asset indices holding this package: the posting list verdicts fan out through. */
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

/** The package ids an inventory change adds and removes (each sorted). */
export interface PackageChange {
  readonly added: readonly number[];
  readonly removed: readonly number[];
}

const NO_NEXT = -1;

/**
 * The fleet's deduplicated inventory: assets -> sorted package ids (Uint32Array),
 * package -> asset indices (SortedIdSet), package -> its two keys and its slot, key -> packages,
 * group -> keys. Package and key records are shared by all assets and dropped when the
 * last asset holding them lets go. Ids are recycled through free lists.
 */
export class FleetState {
  private readonly assetIndexById = new Map<string, number>();
  private readonly assetIds: (string | undefined)[] = [];
  private readonly assetPackages: (Uint32Array | undefined)[] = [];
  private readonly freeAssets: number[] = [];
  /** Assets holding two packages on one slot: their findings are not a plain sum over packages. */
  private readonly sharedSlotAssets = new Set<number>();
  private packageCount = 0;
  /** Interning: one map lookup by name, then a walk over the (few) packages of that name. */
  private readonly firstPackageByName = new Map<string, number>();
  private readonly nextSameName: number[] = [];
  private readonly packages: (PackageRecord | undefined)[] = [];
  private readonly packageFields: (PackageFields | undefined)[] = [];
  private readonly freePackages: number[] = [];
  private readonly slots = new SlotTable();
  private readonly slotMarks = new IdMarks();
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

  /** One more than the largest asset index in use (asset-indexed arrays have this length). */
  get assetCapacity(): number {
    return this.assetIds.length;
  }

  /** Every known asset id. */
  listAssetIds(): string[] {
    return [...this.assetIndexById.keys()];
  }

  /** Every asset index in use. */
  *assetIndices(): IterableIterator<number> {
    yield* this.assetIndexById.values();
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

  /** True when the asset holds two packages on one slot. */
  sharesSlots(index: number): boolean {
    return this.sharedSlotAssets.has(index);
  }

  /** The assets holding two packages on one slot. */
  sharedSlotAssetIndices(): Iterable<number> {
    return this.sharedSlotAssets;
  }

  packageAt(id: number): PackageRecord {
    return this.packages[id]!;
  }

  /** Every live package record. */
  *packageRecords(): IterableIterator<PackageRecord> {
    for (const record of this.packages) if (record) yield record;
  }

  keyAt(id: number): KeyRecord {
    return this.keys[id]!;
  }

  /** Every live key record. */
  *keyRecords(): IterableIterator<KeyRecord> {
    for (const record of this.keys) if (record) yield record;
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

  /** The packages `next` adds to and removes from the asset's current ones. */
  diffPackages(index: number, next: Uint32Array): PackageChange {
    const previous = this.packagesOf(index);
    const added: number[] = [];
    const removed: number[] = [];
    forEachDifference(next, previous, (id) => added.push(id));
    forEachDifference(previous, next, (id) => removed.push(id));
    return { added, removed };
  }

  /** The slots of the packages a change adds or removes (read them before the change releases packages). */
  slotsOf(change: PackageChange): number[] {
    const slots: number[] = [];
    for (const id of change.added) slots.push(this.packages[id]!.slotId);
    for (const id of change.removed) slots.push(this.packages[id]!.slotId);
    return slots;
  }

  /** The ids of `ids` on one of `slots`: the only packages whose findings a change on those slots can touch. */
  packagesOnSlots(ids: Uint32Array, slots: readonly number[]): Uint32Array {
    this.slotMarks.clear();
    for (const slot of slots) this.slotMarks.add(slot);
    let out: Uint32Array = new Uint32Array(slots.length + 4);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!this.slotMarks.has(this.packages[id]!.slotId)) continue;
      if (n === out.length) out = growTo(out, n * 2);
      out[n++] = id;
    }
    return out.subarray(0, n);
  }

  /** Replaces an asset's packages, updating holders and dropping what no asset holds any more. */
  setAssetPackages(index: number, next: Uint32Array, change: PackageChange = this.diffPackages(index, next)): void {
    for (const id of change.added) this.packages[id]!.holders.add(index);
    for (const id of change.removed) this.releaseHolder(id, index);
    this.assetPackages[index] = next.length > 0 ? next : undefined;
    if (this.holdsSharedSlot(next)) this.sharedSlotAssets.add(index);
    else this.sharedSlotAssets.delete(index);
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

  private holdsSharedSlot(ids: Uint32Array): boolean {
    this.slotMarks.clear();
    for (let i = 0; i < ids.length; i++) {
      const slot = this.packages[ids[i]!]!.slotId;
      if (this.slotMarks.has(slot)) return true;
      this.slotMarks.add(slot);
    }
    return false;
  }

  private internPackage(pkg: InstalledPackage): number {
    const first = this.firstPackageByName.get(pkg.name);
    for (let id = first ?? NO_NEXT; id !== NO_NEXT; id = this.nextSameName[id]!) {
      if (samePackage(this.packageFields[id]!, pkg)) return id;
    }
    const id = this.freePackages.pop() ?? this.packages.length;
    const keyIds = [this.internKey(binaryKeyOf(pkg), id), this.internKey(sourceKeyOf(pkg), id)] as const;
    const copy = Object.freeze({ ...pkg });
    this.packageFields[id] = new PackageFields(pkg);
    this.packages[id] = { pkg: copy, keyIds, slotId: this.slots.acquire(copy), holders: new SortedIdSet() };
    this.packageCount++;
    this.nextSameName[id] = first ?? NO_NEXT;
    this.firstPackageByName.set(pkg.name, id);
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
    this.packageFields[packageId] = undefined;
    this.packageCount--;
    this.forgetName(record.pkg.name, packageId);
    this.slots.release(record.slotId);
    this.freePackages.push(packageId);
    for (const keyId of record.keyIds) this.releaseKey(keyId, packageId);
  }

  /** Unlinks a package from its name's chain. */
  private forgetName(name: string, packageId: number): void {
    const next = this.nextSameName[packageId]!;
    const first = this.firstPackageByName.get(name)!;
    if (first === packageId) {
      if (next === NO_NEXT) this.firstPackageByName.delete(name);
      else this.firstPackageByName.set(name, next);
      return;
    }
    let id = first;
    while (this.nextSameName[id] !== packageId) id = this.nextSameName[id]!;
    this.nextSameName[id] = next;
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

/**
 * The fields of an installed package, every one present: one object shape for every record keeps
 * the interning comparison monomorphic on the record side (the package copies keep the caller's shape).
 */
class PackageFields {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
  readonly sourceName: string | undefined;
  readonly sourceVersion: string | undefined;
  readonly arch: string | undefined;
  readonly purl: string | undefined;

  constructor(pkg: InstalledPackage) {
    this.ecosystem = pkg.ecosystem;
    this.name = pkg.name;
    this.version = pkg.version;
    this.sourceName = pkg.sourceName;
    this.sourceVersion = pkg.sourceVersion;
    this.arch = pkg.arch;
    this.purl = pkg.purl;
  }
}

/** Same installed package: every field equal. */
function samePackage(a: PackageFields, b: InstalledPackage): boolean {
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

function growTo(buffer: Uint32Array, length: number): Uint32Array {
  const next = new Uint32Array(length);
  next.set(buffer);
  return next;
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
