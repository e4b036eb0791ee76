// Helpers shared by the four threat-intelligence sources (kev, epss, nvd, cve5). They live here
// only because this change may not touch feeds/src/shared/; they belong in
// shared/intel-record.ts (see the report of the change that added them).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, invalidInput, type Provenance, type SsvcDecisionPoints } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { openInput } from './open-input.js';

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** Largest JSON document read whole (V8 strings stop near 512 MiB). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Upper-cases and checks a CVE id; undefined when it is not one.
 *
 * @example
 * normalizeCveId(' cve-2023-4863 '); // 'CVE-2023-4863'
 * normalizeCveId('CVE-23-1');       // undefined
 */
export function normalizeCveId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim().toUpperCase();
  return CVE_ID.test(id) ? id : undefined;
}

/** The rejection for a record whose CVE id is missing or malformed. */
export function invalidCveIdRejection(value: unknown, location: string): FeedRejection {
  return { recordId: typeof value === 'string' ? value : undefined, location, reason: `invalid CVE id ${JSON.stringify(value)} (expected CVE-YYYY-NNNN)` };
}

/**
 * A feed timestamp as ISO 8601 UTC. Feeds that omit the zone (NVD "2023-09-12T15:15:24.327",
 * CVE 5 "2011-04-13T14:00:00") publish UTC, so a missing zone means Z. Undefined when unparsable.
 *
 * @example
 * normalizeUtcTimestamp('2022-01-14T18:15Z');        // '2022-01-14T18:15:00.000Z'
 * normalizeUtcTimestamp('2023-09-12T15:15:24.327'); // '2023-09-12T15:15:24.327Z'
 */
export function normalizeUtcTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const hasTime = value.includes('T');
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const date = new Date(hasTime && !hasZone ? `${value}Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Provenance of one intel record. */
export function intelProvenance(feed: string, recordId: string, fetchedAt: string, contentHash: string): Provenance {
  return { feed, recordId, fetchedAt, contentHash };
}

/**
 * Reads a whole (plain, gzip or bzip2) file as text, refusing more than {@link MAX_JSON_BYTES}.
 * Decompression errors (E_GZIP_INVALID ...) come from openInput unchanged.
 */
export async function readTextInput(path: string, file: string): Promise<string> {
  const stream = await openInput(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_JSON_BYTES) {
      stream.destroy();
      throw new DomainError('E_INPUT_TOO_LARGE', 'too_large', `larger than ${MAX_JSON_BYTES} bytes: too big to read as one JSON document`, { location: { file } });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON.parse with the failure turned into `code` naming the file. */
export function parseJsonText(text: string, file: string, code: `E_${string}`): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw invalidInput(code, `not valid JSON: ${(e as Error).message}`, { file }, e);
  }
}

/**
 * The files to read for a path: the path itself when it is a file, else the files below the
 * directory (recursively) whose base name matches `pattern`, sorted for a stable order.
 */
export async function listInputFiles(path: string, pattern: RegExp): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Narrowing helpers for JSON of unknown shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SSVC options as published ([{exploitation: 'none'}, {automatable: 'yes'}, ...]), any key case. */
export function ssvcFromOptions(options: readonly Record<string, unknown>[] | undefined, timestamp: string | undefined, scorer: string | undefined): SsvcDecisionPoints | undefined {
  const values = new Map<string, string>();
  for (const option of options ?? []) {
    for (const [key, value] of Object.entries(option)) if (typeof value === 'string') values.set(key.toLowerCase().replace(/[\s_]/g, ''), value.trim().toLowerCase());
  }
  const ssvc: SsvcDecisionPoints = {
    exploitation: pick(values.get('exploitation'), ['none', 'poc', 'active'] as const),
    automatable: pick(values.get('automatable'), ['no', 'yes'] as const),
    technicalImpact: pick(values.get('technicalimpact'), ['partial', 'total'] as const),
    timestamp,
    scorer,
  };
  return ssvc.exploitation ?? ssvc.automatable ?? ssvc.technicalImpact ? ssvc : undefined;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
