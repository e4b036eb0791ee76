import { DomainError } from '@patchloop/core';

/** Retries exhausted on network errors (connection refused, reset before a response). */
export const E_FETCH_FAILED = 'E_FETCH_FAILED';
/** Retries exhausted on attempts that saw no progress within the timeout. */
export const E_FETCH_TIMEOUT = 'E_FETCH_TIMEOUT';
/** A status that is not retried (4xx), or retries exhausted on 5xx/429. */
export const E_FETCH_HTTP_STATUS = 'E_FETCH_HTTP_STATUS';
/** Retries exhausted on bodies shorter than Content-Length or connections closed mid-body. */
export const E_FETCH_TRUNCATED = 'E_FETCH_TRUNCATED';
/** The downloaded bytes do not match the published or expected sha256. */
export const E_CHECKSUM_MISMATCH = 'E_CHECKSUM_MISMATCH';
/** The checksum sidecar could not be fetched or read. */
export const E_CHECKSUM_UNAVAILABLE = 'E_CHECKSUM_UNAVAILABLE';

/** Why one attempt failed in a way worth retrying. */
export type RetryableKind = 'network' | 'timeout' | 'status' | 'truncated';

/** One failed attempt that may be retried; becomes a DomainError when retries run out. */
export class RetryableFetchFailure extends Error {
  constructor(
    readonly failure: RetryableKind,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryableFetchFailure';
  }
}

const CODE_BY_KIND = { network: E_FETCH_FAILED, timeout: E_FETCH_TIMEOUT, status: E_FETCH_HTTP_STATUS, truncated: E_FETCH_TRUNCATED } as const;

/** The error thrown once every attempt failed: it names the URL, the attempts and the last cause. */
export function exhaustedError(url: string, attempts: number, last: RetryableFetchFailure): DomainError {
  return new DomainError(CODE_BY_KIND[last.failure], 'unavailable', `${url}: ${last.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}; any previous file is kept)`, { cause: last });
}
