import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import Parser from 'stream-json/Parser.js';
import StreamObject from 'stream-json/streamers/StreamObject.js';
import { invalidInput, isDomainError } from '@patchloop/core';
import type { FeedFormat, FeedParseOptions, FeedParseResult } from '../feed-format.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../shared/input-limits.js';
import { openInput } from '../shared/open-input.js';
import { enforceStrict } from '../shared/strict.js';
import { E_TRACKER_INVALID } from './tracker.errors.js';
import { TrackerMapper } from './tracker.mapper.js';

/** Options for {@link createDebianTrackerFormat}. */
export interface DebianTrackerFormatOptions {
  limits?: Partial<InputLimits>;
}

/**
 * The Debian security tracker JSON (`https://security-tracker.debian.org/tracker/data/json`,
 * ~70 MB; plain, gzip or bzip2). Streamed with stream-json one source package at a time, never
 * parsed whole. One Advisory per issue id; `records` counts (package, issue) entries.
 *
 * @example
 * const { advisories, records } = await debianTrackerFormat.parsePath('tracker.json', { fetchedAt });
 */
export function createDebianTrackerFormat({ limits = {} }: DebianTrackerFormatOptions = {}): FeedFormat {
  const lim: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };
  return {
    source: 'debian-tracker',
    detect: detectDebianTracker,
    parsePath: async (path: string, { fetchedAt, strict, displayName }: FeedParseOptions): Promise<FeedParseResult> => {
      const file = displayName ?? basename(path);
      const mapper = new TrackerMapper(file);
      for await (const { key, value } of streamPackages(await openInput(path, { limits: lim }), file)) mapper.addPackage(key, value);
      const { advisories, rejected, records } = mapper.finish({ fetchedAt });
      return enforceStrict({ source: 'debian-tracker', advisories, intel: [], rejected, records }, strict, file);
    },
  };
}

/** The tracker JSON with the default limits. */
export const debianTrackerFormat: FeedFormat = createDebianTrackerFormat();

/** True for `{"<package>": {"<CVE or TEMP id>": {` at the start of the file. */
export function detectDebianTracker(head: string, _fileName: string): boolean {
  return /^\s*\{\s*"[^"\\]+"\s*:\s*\{\s*"(?:CVE|TEMP)-[^"\\]+"\s*:\s*\{/.test(head);
}

/** The top-level members of the document, one package at a time; malformed JSON -> E_TRACKER_INVALID. */
async function* streamPackages(input: Readable, file: string): AsyncGenerator<{ key: string; value: unknown }> {
  const parser = new Parser();
  const members = new StreamObject();
  input.on('error', (e) => members.destroy(e));
  parser.on('error', (e) => members.destroy(e));
  input.pipe(parser).pipe(members);
  try {
    for await (const member of members as AsyncIterable<{ key: string; value: unknown }>) yield member;
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw invalidInput(E_TRACKER_INVALID, `not a tracker JSON object: ${(e as Error).message}`, { file }, e);
  } finally {
    input.destroy();
  }
}
