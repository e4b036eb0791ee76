import type { PinnedPackage } from './job-kinds.js';

/** The most of a job's log a store keeps: its last 64 KiB (UTF-8). */
export const LOG_TAIL_MAX_BYTES = 64 * 1024;

/** What an agent reports when a job ends. */
export interface JobResult {
  exitCode: number;
  /** The end of the job's output, at most LOG_TAIL_MAX_BYTES of UTF-8. */
  logTail: string;
  /** True when the output was longer than the tail kept. */
  logTruncated: boolean;
  packagesBefore?: PinnedPackage[];
  packagesAfter?: PinnedPackage[];
}

/**
 * Keeps the last `maxBytes` bytes of a log (UTF-8), never splitting a character.
 * @example capLogTail('x'.repeat(70_000)).truncated // true
 */
export function capLogTail(log: string, maxBytes: number = LOG_TAIL_MAX_BYTES): { tail: string; truncated: boolean } {
  const bytes = new TextEncoder().encode(log);
  if (bytes.length <= maxBytes) return { tail: log, truncated: false };
  let start = bytes.length - maxBytes;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return { tail: new TextDecoder().decode(bytes.subarray(start)), truncated: true };
}
