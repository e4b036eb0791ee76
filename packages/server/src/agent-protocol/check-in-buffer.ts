import type { CheckInFacts, Store } from '@patchloop/store';

export interface CheckInBufferOptions {
  /** Longest time a check-in waits before it is written (default 250 ms). */
  flushMs?: number;
  /** Write as soon as this many agents are waiting (default 1,000). */
  maxPending?: number;
  onError: (err: unknown) => void;
}

/**
 * Write-behind for heartbeat facts (agent version and job kinds, last check-in, reboot, kernels,
 * updates available). A heartbeat is answered after one read; its facts are written with the
 * other agents' in one transaction at most flushMs later (the newest per agent wins). A server
 * that dies loses at most flushMs of last-seen times and facts, which the next heartbeat
 * re-sends. A failed write is retried on the next flush unless a newer check-in replaced it.
 */
export class CheckInBuffer {
  private pending = new Map<string, CheckInFacts>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly maxPending: number;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: CheckInBufferOptions,
  ) {
    this.flushMs = options.flushMs ?? 250;
    this.maxPending = options.maxPending ?? 1000;
  }

  /** Queues one check-in's facts. */
  add(facts: CheckInFacts): void {
    const seen = this.pending.get(facts.agentId);
    if (!seen || seen.at <= facts.at) this.pending.set(facts.agentId, facts);
    if (this.pending.size >= this.maxPending) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Drops the agent's waiting check-in if it is not newer than `at` (a newer one was written directly). */
  forget(agentId: string, at: string): void {
    const seen = this.pending.get(agentId);
    if (seen && seen.at <= at) this.pending.delete(agentId);
  }

  /** The time of the agent's newest check-in still waiting to be written. */
  pendingAt(agentId: string): string | undefined {
    return this.pending.get(agentId)?.at;
  }

  /** Writes everything queued so far; resolves when it is stored (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.writing;
  }

  /** Writes what is queued and stops retrying (the server is closing). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.flush();
  }

  private async write(batch: CheckInFacts[]): Promise<void> {
    try {
      await this.store.agents.recordCheckIns(batch);
    } catch (err) {
      this.options.onError(err);
      if (this.closed) return;
      for (const f of batch) if (!this.pending.has(f.agentId)) this.pending.set(f.agentId, f);
      this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    }
  }
}
