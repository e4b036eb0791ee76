/**
 * A set of small non-negative integers kept sorted in a growable Uint32Array: 4 bytes per member,
 * O(log n) lookups. Fleet matching holds one per distinct package (the assets holding it).
 */
export class SortedIdSet {
  private items: Uint32Array;
  private count = 0;

  constructor(capacity = 2) {
    this.items = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    const at = this.search(id);
    return at < this.count && this.items[at] === id;
  }

  /** Adds `id`; false when it was already there. Appending a new largest id is O(1) amortized. */
  add(id: number): boolean {
    const at = this.search(id);
    if (at < this.count && this.items[at] === id) return false;
    if (this.count === this.items.length) this.grow();
    this.items.copyWithin(at + 1, at, this.count);
    this.items[at] = id;
    this.count++;
    return true;
  }

  /** Removes `id`; false when it was not there. */
  delete(id: number): boolean {
    const at = this.search(id);
    if (at >= this.count || this.items[at] !== id) return false;
    this.items.copyWithin(at, at + 1, this.count);
    this.count--;
    return true;
  }

  /** The members in ascending order (a view: do not keep it across changes). */
  values(): Uint32Array {
    return this.items.subarray(0, this.count);
  }

  /** First position whose member is >= id. */
  private search(id: number): number {
    if (this.count > 0 && this.items[this.count - 1]! < id) return this.count;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const next = new Uint32Array(Math.max(4, this.items.length * 2));
    next.set(this.items.subarray(0, this.count));
    this.items = next;
  }
}
