/** Delays of the check-in loop; pure, with the random source passed in. */

export interface BackoffPolicy {
  /** The first retry after an error (default 5 s). */
  baseMs: number;
  /** No retry waits longer than this (default 10 min). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 10 * 60_000 };

/**
 * The wait after `failures` consecutive errors: base * 2^(failures-1), capped, then scaled by a
 * random factor in [0.5, 1) ("equal jitter") so a fleet that lost its server does not return at once.
 * @example retryDelayMs(3, DEFAULT_BACKOFF, () => 0.5) // 15000
 */
export function retryDelayMs(failures: number, { baseMs, capMs }: BackoffPolicy, random: () => number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(exp * (0.5 + random() / 2));
}

/**
 * The wait until the next regular check-in: the server's interval plus a random 0..jitter seconds.
 * @example nextCheckInDelayMs(300, 30, () => 0.5) // 315000
 */
export function nextCheckInDelayMs(nextCheckInSeconds: number, jitterSeconds: number, random: () => number): number {
  return Math.round((nextCheckInSeconds + random() * Math.max(0, jitterSeconds)) * 1000);
}
