import type { Clock } from '@patchloop/core';
import type { ExpiredLease, Store } from '@patchloop/store';

export interface LeaseSweeperOptions {
  clock: Clock;
  /** Between sweeps (default 15 s); 0 disables the timer (sweep() still works). */
  intervalMs?: number;
  onSwept: (moved: ExpiredLease[]) => void;
  onError: (err: unknown) => void;
}

/**
 * Ends leases nobody renewed: every intervalMs, each leased or running job whose lease ran out
 * goes through core's lease-expired transition (queued again for another attempt, or timed out
 * when attempts are used up; see the job's retry policy). Every replica may sweep: the store
 * moves each job once (the transition re-checks the state it read).
 */
export class LeaseSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: LeaseSweeperOptions,
  ) {}

  start(): void {
    const ms = this.options.intervalMs ?? 15_000;
    if (ms > 0) this.timer = setInterval(() => void this.sweep(), ms).unref();
  }

  /** One sweep now (sweeps never overlap). */
  sweep(): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        const moved = await this.store.jobs.expireLeases(this.options.clock.nowIso());
        if (moved.length > 0) this.options.onSwept(moved);
      } catch (err) {
        this.options.onError(err);
      }
    });
    return this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
