/**
 * A reusable set of small non-negative integers, cleared in O(1) by bumping a generation stamp.
 * Used for per-call scratch sets (the slots a change touches) without allocating per call.
 */
export class IdMarks {
  private stamps = new Uint32Array(64);
  private generation = 1;

  /** Empties the set. */
  clear(): void {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  add(id: number): void {
    if (id >= this.stamps.length) this.grow(id);
    this.stamps[id] = this.generation;
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.generation;
  }

  private grow(id: number): void {
    const next = new Uint32Array(Math.max(id + 1, this.stamps.length * 2));
    next.set(this.stamps);
    this.stamps = next;
  }
}
