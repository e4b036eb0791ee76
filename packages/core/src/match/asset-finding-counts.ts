/**
 * Finding counts per asset index, kept current by the matcher's deltas. An asset loaded without
 * evaluation is "stale" until `evaluateAll` or until its count is first read.
 */
export class AssetFindingCounts {
  private counts: Uint32Array = new Uint32Array(64);
  private readonly stale = new Set<number>();

  get(asset: number): number {
    return asset < this.counts.length ? this.counts[asset]! : 0;
  }

  isStale(asset: number): boolean {
    return this.stale.has(asset);
  }

  markStale(asset: number): void {
    this.stale.add(asset);
  }

  set(asset: number, count: number): void {
    if (asset >= this.counts.length) this.grow(asset);
    this.counts[asset] = count;
    this.stale.delete(asset);
  }

  /** Applies a delta's opened minus closed (stale counts stay stale). */
  adjust(asset: number, by: number): void {
    if (!this.stale.has(asset)) this.set(asset, this.get(asset) + by);
  }

  /** Replaces every count (indexed by asset); nothing is stale afterwards. */
  replaceAll(counts: Uint32Array): void {
    this.counts = counts;
    this.stale.clear();
  }

  private grow(asset: number): void {
    const next = new Uint32Array(Math.max(asset + 1, this.counts.length * 2));
    next.set(this.counts);
    this.counts = next;
  }
}
