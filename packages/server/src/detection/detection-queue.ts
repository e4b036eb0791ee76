import type { Clock } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { rematchAsset, rematchAssetPackages } from './rematch.js';

export interface DetectionQueueOptions {
  clock: Clock;
  onError: (err: unknown, assetId: string) => void;
  /** How often stored marks nobody queued here are looked for (default 30 s; 0: never). */
  pollMs?: number;
  /** A stored mark older than this is taken over from whoever set it (default 60 s). */
  takeOverMs?: number;
}

/** Which packages to re-match: the changed (ecosystem, name) keys, or all of the asset's. */
export type StaleScope = ReadonlySet<string> | 'all';

interface Entry {
  since: string;
  scope: StaleScope;
}

/**
 * Re-matches assets whose software changed, off the request path. The caller stores the stale
 * mark (assets.findings_stale_since) in the transaction that changed the software, then queues
 * the asset here with the changed packages; one asset at a time is re-matched (only those
 * packages) and its mark cleared if no newer change came in. Marks this process never queued (a
 * restart, another replica that died) are found by polling and re-matched whole. Results are the
 * same as re-matching in the request, a moment later.
 */
export class DetectionQueue {
  private readonly queue = new Map<string, Entry>();
  private running: Promise<void> | undefined;
  private inFlight: string | undefined;
  private poller: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: DetectionQueueOptions,
  ) {}

  /** Picks up stored marks now and, with pollMs > 0, periodically. */
  start(): void {
    void this.recover(undefined);
    const pollMs = this.options.pollMs ?? 30_000;
    if (pollMs > 0) this.poller = setInterval(() => void this.recover(this.takeOverBefore()), pollMs).unref();
  }

  /** The asset's software changed at `since` (its mark is stored); re-match `scope` soon. */
  enqueue(assetId: string, since: string, scope: StaleScope): void {
    const seen = this.queue.get(assetId);
    this.queue.set(assetId, seen ? { since: seen.since > since ? seen.since : since, scope: union(seen.scope, scope) } : { since, scope });
    this.kick();
  }

  /** Resolves when nothing is queued or running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    await this.running;
  }

  private kick(): void {
    if (this.running || this.closed) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.queue.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.take(); next && !this.closed; next = this.take()) {
      const [assetId, { since, scope }] = next;
      this.inFlight = assetId;
      try {
        const at = this.options.clock.nowIso();
        await (scope === 'all' ? rematchAsset(this.store, assetId, at) : rematchAssetPackages(this.store, assetId, scope, at));
        await this.store.assets.clearFindingsStale(assetId, since);
      } catch (err) {
        this.options.onError(err, assetId);
      } finally {
        this.inFlight = undefined;
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  private take(): [string, Entry] | undefined {
    const first = this.queue.entries().next();
    if (first.done) return undefined;
    this.queue.delete(first.value[0]);
    return first.value;
  }

  /** Queues stored marks (older than `before`, when given) that are not queued here. */
  private async recover(before: string | undefined): Promise<void> {
    try {
      for (const { id, since } of await this.store.assets.listStaleAssets(500)) {
        if (this.closed) return;
        if (this.queue.has(id) || this.inFlight === id || (before !== undefined && since >= before)) continue;
        this.enqueue(id, since, 'all');
      }
    } catch (err) {
      this.options.onError(err, '(stale marks)');
    }
  }

  private takeOverBefore(): string {
    return new Date(Date.parse(this.options.clock.nowIso()) - (this.options.takeOverMs ?? 60_000)).toISOString();
  }
}

function union(a: StaleScope, b: StaleScope): StaleScope {
  return a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
}
