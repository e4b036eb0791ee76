import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '@patchloop/core';
import { E_CHECKSUM_MISMATCH, E_CHECKSUM_UNAVAILABLE, E_FETCH_HTTP_STATUS, RetryableFetchFailure, exhaustedError } from './fetch.errors.js';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, isRetryableStatus, parseRetryAfterMs, type RetryPolicy } from './retry-policy.js';

/** HTTP validators remembered from the last download of a URL. */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/** Everything a fetch may be given; tests inject fetchImpl, sleep, random and now. */
export interface FetcherOptions {
  /** Longest wait without progress (response headers or the next body chunk) per attempt. */
  timeoutMs?: number;
  /** Retry numbers (defaults: DEFAULT_RETRY_POLICY). */
  backoff?: Partial<RetryPolicy>;
  /** Shorthand for backoff.retries. */
  retries?: number;
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Called after every attempt (for logs and tests). */
  onAttempt?: (event: FetchAttemptEvent) => void;
}

export interface FetchAttemptEvent {
  url: string;
  attempt: number;
  outcome: 'ok' | 'not-modified' | 'failed';
  error?: string;
  /** The wait before the next attempt, when there is one. */
  delayMs?: number;
}

export interface FetchToFileOptions extends FetcherOptions {
  /** Sent as If-None-Match / If-Modified-Since (only while the destination file exists). */
  validators?: HttpValidators;
  /** Expected sha256 (hex) of the body. */
  sha256?: string;
  /** A sidecar URL (e.g. `${url}.sha256`) whose first 64-hex token is the expected sha256. */
  sha256Url?: string;
}

export interface FetchToFileResult {
  status: 'downloaded' | 'not-modified';
  etag?: string;
  lastModified?: string;
  /** Bytes written (0 when not modified). */
  bytes: number;
  /** sha256 (hex) of the downloaded body. */
  sha256?: string;
  attempts: number;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 60_000;

type Resolved = Required<Omit<FetcherOptions, 'backoff' | 'retries' | 'onAttempt'>> & { policy: RetryPolicy; onAttempt?: FetcherOptions['onAttempt'] };

/**
 * Downloads a URL to a file: a conditional request when validators are given (304 leaves the
 * file untouched), retries with exponential backoff and full jitter on network errors, timeouts,
 * 408/429/5xx (Retry-After honoured, capped) and truncated bodies; no retry on other 4xx. The
 * body streams into a temporary file beside `destPath`, renamed into place only when complete
 * and verified, so a failure always leaves the previous file as it was.
 *
 * @example
 * const r = await fetchToFile(url, 'data/feeds/kev/kev.json', { validators: { etag: '"abc"' } });
 * if (r.status === 'downloaded') remember(r.etag);
 */
export async function fetchToFile(url: string, destPath: string, opts: FetchToFileOptions = {}): Promise<FetchToFileResult> {
  const o = resolveFetcherOptions(opts);
  const validators = (await fileExists(destPath)) ? (opts.validators ?? {}) : {};
  await mkdir(dirname(destPath), { recursive: true });
  return withRetries(url, o, (attempt) => downloadOnce(url, destPath, validators, opts, o, attempt));
}

/** Fetches a small text document (e.g. a checksum sidecar or an index) with the same retry policy. */
export async function fetchText(url: string, opts: FetcherOptions = {}): Promise<string> {
  const o = resolveFetcherOptions(opts);
  return withRetries(url, o, async () => {
    const { res, clear } = await request(url, {}, o);
    try {
      throwUnlessOk(url, res, o);
      return await res.text();
    } catch (e) {
      throw e instanceof DomainError || e instanceof RetryableFetchFailure ? e : new RetryableFetchFailure('truncated', `body failed: ${(e as Error).message}`, undefined, { cause: e });
    } finally {
      clear();
    }
  });
}

export function resolveFetcherOptions(opts: FetcherOptions): Resolved {
  return {
    timeoutMs: opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    policy: { ...DEFAULT_RETRY_POLICY, ...opts.backoff, ...(opts.retries === undefined ? {} : { retries: opts.retries }) },
    headers: opts.headers ?? {},
    fetchImpl: opts.fetchImpl ?? fetch,
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: opts.random ?? Math.random,
    now: opts.now ?? Date.now,
    ...(opts.onAttempt ? { onAttempt: opts.onAttempt } : {}),
  };
}

async function withRetries<T extends { attempts?: number } | string>(url: string, o: Resolved, run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run(attempt);
      o.onAttempt?.({ url, attempt, outcome: typeof result === 'object' && (result as { status?: string }).status === 'not-modified' ? 'not-modified' : 'ok' });
      return result;
    } catch (e) {
      if (!(e instanceof RetryableFetchFailure)) {
        o.onAttempt?.({ url, attempt, outcome: 'failed', error: (e as Error).message });
        throw e;
      }
      if (attempt > o.policy.retries) {
        o.onAttempt?.({ url, attempt, outcome: 'failed', error: e.message });
        throw exhaustedError(url, attempt, e);
      }
      const delayMs = e.retryAfterMs ?? backoffDelayMs(attempt - 1, o.policy, o.random);
      o.onAttempt?.({ url, attempt, outcome: 'failed', error: e.message, delayMs });
      await o.sleep(delayMs);
    }
  }
}

async function downloadOnce(url: string, destPath: string, validators: HttpValidators, opts: FetchToFileOptions, o: Resolved, attempt: number): Promise<FetchToFileResult> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const { res, signal, touch, clear } = await request(url, headers, o);
  try {
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { status: 'not-modified', ...pickValidators(res.headers, validators), bytes: 0, attempts: attempt };
    }
    throwUnlessOk(url, res, o);
    const tempPath = join(dirname(destPath), `.${basename(destPath)}.${randomBytes(4).toString('hex')}.part`);
    try {
      const { bytes, sha256 } = await writeBody(res, tempPath, signal, touch);
      await verifyChecksum(url, sha256, opts, o);
      await rename(tempPath, destPath);
      return { status: 'downloaded', ...pickValidators(res.headers, {}), bytes, sha256, attempts: attempt };
    } finally {
      await rm(tempPath, { force: true });
    }
  } finally {
    clear();
  }
}

/** One HTTP request with an inactivity timeout: `touch()` re-arms it (call it per body chunk). */
async function request(url: string, headers: Record<string, string>, o: Resolved): Promise<{ res: Response; signal: AbortSignal; touch: () => void; clear: () => void }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no progress for ${o.timeoutMs} ms`)), o.timeoutMs);
  };
  const clear = (): void => clearTimeout(timer);
  touch();
  try {
    const res = await o.fetchImpl(url, { headers: { ...o.headers, ...headers }, signal: controller.signal, redirect: 'follow' });
    return { res, signal: controller.signal, touch, clear };
  } catch (e) {
    clear();
    if (controller.signal.aborted) throw new RetryableFetchFailure('timeout', `timed out: no response within ${o.timeoutMs} ms`, undefined, { cause: e });
    throw new RetryableFetchFailure('network', `network error: ${describeCause(e)}`, undefined, { cause: e });
  }
}

function throwUnlessOk(url: string, res: Response, o: Resolved): void {
  if (res.ok) return;
  void res.body?.cancel().catch(() => undefined);
  if (isRetryableStatus(res.status)) {
    const retryAfterMs = parseRetryAfterMs(res.headers.get('retry-after'), o.now(), o.policy.maxRetryAfterMs);
    throw new RetryableFetchFailure('status', `HTTP ${res.status} ${res.statusText}`.trim(), retryAfterMs);
  }
  throw new DomainError(E_FETCH_HTTP_STATUS, 'unavailable', `${url}: HTTP ${res.status} ${res.statusText}`.trim() + ' (not retried)');
}

/** Streams the body into tempPath, hashing it; a short or broken body is a retryable failure. */
async function writeBody(res: Response, tempPath: string, signal: AbortSignal, touch: () => void): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const file = await open(tempPath, 'w', 0o644);
  let bytes = 0;
  try {
    for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
      touch();
      hash.update(chunk);
      bytes += chunk.length;
      await file.write(chunk);
    }
    await file.sync();
  } catch (e) {
    if (signal.aborted) throw new RetryableFetchFailure('timeout', `timed out mid-body after ${bytes} bytes`, undefined, { cause: e });
    throw new RetryableFetchFailure('truncated', `connection broken mid-body after ${bytes} bytes: ${describeCause(e)}`, undefined, { cause: e });
  } finally {
    await file.close();
  }
  const expected = declaredLength(res.headers);
  if (expected !== undefined && bytes !== expected) throw new RetryableFetchFailure('truncated', `body has ${bytes} bytes, Content-Length says ${expected}`);
  return { bytes, sha256: hash.digest('hex') };
}

async function verifyChecksum(url: string, actual: string, opts: FetchToFileOptions, o: Resolved): Promise<void> {
  const expected = opts.sha256 ?? (opts.sha256Url ? await readSidecar(opts.sha256Url, o) : undefined);
  if (expected === undefined || expected.toLowerCase() === actual) return;
  throw new DomainError(E_CHECKSUM_MISMATCH, 'invalid_input', `${url}: sha256 is ${actual}, expected ${expected.toLowerCase()}${opts.sha256Url ? ` (from ${opts.sha256Url})` : ''}; the download was discarded`);
}

async function readSidecar(sidecarUrl: string, o: Resolved): Promise<string> {
  const text = await withRetries(sidecarUrl, o, async () => {
    const { res, clear } = await request(sidecarUrl, {}, o);
    try {
      if (!res.ok && !isRetryableStatus(res.status)) throw new DomainError(E_CHECKSUM_UNAVAILABLE, 'unavailable', `${sidecarUrl}: HTTP ${res.status}: no checksum published`);
      throwUnlessOk(sidecarUrl, res, o);
      return await res.text();
    } finally {
      clear();
    }
  });
  const hex = /\b([0-9a-fA-F]{64})\b/.exec(text)?.[1];
  if (!hex) throw new DomainError(E_CHECKSUM_UNAVAILABLE, 'unavailable', `${sidecarUrl}: no sha256 (64 hex digits) in the sidecar`);
  return hex;
}

function declaredLength(headers: Headers): number | undefined {
  if (headers.get('content-encoding')) return undefined;
  const text = headers.get('content-length');
  return text && /^\d+$/.test(text) ? Number(text) : undefined;
}

function pickValidators(headers: Headers, fallback: HttpValidators): HttpValidators {
  const etag = headers.get('etag') ?? fallback.etag;
  const lastModified = headers.get('last-modified') ?? fallback.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function describeCause(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
