import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DomainError, invalidInput } from '@patchloop/core';
import type { FeedFormat, FeedParseOptions, FeedParseResult } from '../feed-format.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../shared/input-limits.js';
import { enforceStrict } from '../shared/strict.js';
import { listJsonFiles, readTextBounded } from '../osv/osv.files.js';
import { E_LINE_TOO_LONG, E_SECDB_INPUT, E_SECDB_INVALID } from './secdb.errors.js';
import { SecdbMapper } from './secdb.mapper.js';
import type { SecdbFile } from './secdb.types.js';

/** Options for {@link createAlpineSecdbFormat}. */
export interface AlpineSecdbFormatOptions {
  limits?: Partial<InputLimits>;
}

const RELEASE = /^(?:v\d+\.\d+|edge)$/;

/**
 * Alpine secdb (`secdb.alpinelinux.org/<release>/{main,community}.json`): one file, or every
 * `.json` under a directory (recursively, e.g. the whole `secdb/` tree). Advisories are
 * aggregated per (vulnerability id, release) across all files read.
 *
 * @example
 * const { advisories, records } = await alpineSecdbFormat.parsePath('secdb/', { fetchedAt });
 * records; // 30152 fixed-version entries
 */
export function createAlpineSecdbFormat({ limits = {} }: AlpineSecdbFormatOptions = {}): FeedFormat {
  const lim: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };
  return {
    source: 'alpine-secdb',
    detect: detectAlpineSecdb,
    parsePath: async (path: string, { fetchedAt, strict, displayName }: FeedParseOptions): Promise<FeedParseResult> => {
      const display = displayName ?? basename(path);
      const mapper = new SecdbMapper();
      for (const [file, location] of await secdbFilesOf(path, display)) mapper.addFile(await readSecdbFile(file, location, lim), location);
      const { advisories, rejected, records } = mapper.finish({ fetchedAt });
      return enforceStrict({ source: 'alpine-secdb', advisories, intel: [], rejected, records }, strict, display);
    },
  };
}

/** Alpine secdb with the default limits. */
export const alpineSecdbFormat: FeedFormat = createAlpineSecdbFormat();

/** True for a secdb file: a JSON object with `distroversion` and Alpine's `apkurl`/`reponame`/`packages`. */
export function detectAlpineSecdb(head: string, _fileName: string): boolean {
  return /^\s*\{/.test(head) && /"distroversion"\s*:/.test(head) && /"(?:apkurl|reponame|packages)"\s*:/.test(head);
}

async function secdbFilesOf(path: string, display: string): Promise<[string, string][]> {
  if (!(await stat(path)).isDirectory()) return [[path, display]];
  const names = await listJsonFiles(path);
  if (names.length === 0) throw invalidInput(E_SECDB_INPUT, 'the directory holds no secdb .json files', { file: display });
  return names.map((n) => [join(path, n), `${display}/${n}`]);
}

/** Reads and shape-checks one file: E_SECDB_INVALID (not JSON, no distroversion/packages) and E_LINE_TOO_LONG are fatal. */
export async function readSecdbFile(path: string, location: string, limits: InputLimits): Promise<SecdbFile> {
  const text = await readTextBounded(path, location, limits.maxExpandedBytes, limits);
  assertLinesWithin(text, limits.maxLineBytes, location);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalidInput(E_SECDB_INVALID, `not valid JSON: ${(e as Error).message}`, { file: location }, e);
  }
  return asSecdbFile(value, location);
}

function asSecdbFile(value: unknown, location: string): SecdbFile {
  const file = value as Partial<SecdbFile> | null;
  if (file === null || typeof file !== 'object' || Array.isArray(file)) throw invalidInput(E_SECDB_INVALID, 'not a JSON object', { file: location });
  if (typeof file.distroversion !== 'string' || !RELEASE.test(file.distroversion)) {
    throw invalidInput(E_SECDB_INVALID, `distroversion ${JSON.stringify(file.distroversion)} is not an Alpine release (v3.20, edge)`, { file: location });
  }
  if (!Array.isArray(file.packages)) throw invalidInput(E_SECDB_INVALID, 'no "packages" list', { file: location });
  return file as SecdbFile;
}

/** E_LINE_TOO_LONG naming the first line longer than `max` bytes (UTF-16 units, a lower bound on bytes). */
function assertLinesWithin(text: string, max: number, file: string): void {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > max) throw new DomainError(E_LINE_TOO_LONG, 'too_large', `line longer than ${max} bytes`, { location: { file, line } });
    if (end < 0) return;
    start = end + 1;
  }
}
