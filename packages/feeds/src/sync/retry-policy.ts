/** Numbers that govern retries; defaults in DEFAULT_RETRY_POLICY, documented in sync/README.md. */
export interface RetryPolicy {
  /** Retries after the first attempt (attempts = retries + 1). */
  retries: number;
  /** First backoff ceiling; doubles per retry. */
  baseDelayMs: number;
  /** Largest backoff ceiling. */
  maxDelayMs: number;
  /** Longest Retry-After honoured; longer values are cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * Exponential backoff with FULL jitter: a uniform delay in [0, min(max, base * 2^retry)).
 * `retry` counts from 0 (the wait before the second attempt).
 *
 * @example
 * backoffDelayMs(2, DEFAULT_RETRY_POLICY, () => 0.5); // 2000 (ceiling 4000)
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header as milliseconds from `nowMs`: delta-seconds or an HTTP date, capped at
 * `capMs`. Undefined when absent or unreadable (the caller falls back to backoff).
 *
 * @example
 * parseRetryAfterMs('7', Date.now(), 120_000); // 7000
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number, capMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, capMs);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - nowMs), capMs);
}

/** HTTP statuses worth another attempt: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
