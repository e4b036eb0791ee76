import type { InstalledPackage } from '../inventory/asset.js';

/**
 * Interns finding slots: (ecosystem, name, arch), the package part of a finding's identity (see
 * `findingKeyOf`). Two installed packages of one asset on the same slot (a lockfile holding one
 * name at two versions) share their findings, so slots decide what a change can touch.
 * Ids are reference counted and recycled.
 */
export class SlotTable {
  private readonly idByKey = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly refs: number[] = [];
  private readonly free: number[] = [];

  /** The slot id of `pkg`, taking one reference. */
  acquire(pkg: Pick<InstalledPackage, 'ecosystem' | 'name' | 'arch'>): number {
    const key = `${pkg.ecosystem}\u0000${pkg.name}\u0000${pkg.arch ?? ''}`;
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.keys.length;
      this.idByKey.set(key, id);
      this.keys[id] = key;
      this.refs[id] = 0;
    }
    this.refs[id]!++;
    return id;
  }

  /** Drops one reference; the id is recycled with the last one. */
  release(id: number): void {
    if (--this.refs[id]! > 0) return;
    this.idByKey.delete(this.keys[id]!);
    this.keys[id] = undefined;
    this.free.push(id);
  }
}
