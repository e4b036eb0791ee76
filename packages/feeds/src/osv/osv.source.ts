import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { invalidInput, type Advisory } from '@patchloop/core';
import type { FeedFormat, FeedParseOptions, FeedParseResult, FeedRejection } from '../feed-format.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../shared/input-limits.js';
import { detectCompression } from '../shared/open-input.js';
import { enforceStrict } from '../shared/strict.js';
import { forEachZipEntry } from './osv.archive.js';
import { E_OSV_INPUT } from './osv.errors.js';
import { listJsonFiles, readTextBounded } from './osv.files.js';
import { parseOsvRecordText, type OsvRecordOutcome } from './osv.parser.js';

/** Options for {@link createOsvFormat}. */
export interface OsvFormatOptions {
  /** Input limits (defaults: shared/input-limits.ts). */
  limits?: Partial<InputLimits>;
  /** Largest single record (zip entry or file), bytes. Default 64 MiB. */
  maxRecordBytes?: number;
}

/**
 * The OSV format: a per-ecosystem `all.zip` export, a directory of `.json` records (searched
 * recursively) or a single `.json` record (plain, gzip or bzip2). Each record is checked against
 * the OSV schema; bad ones are returned in `rejected` with the JSON pointer.
 *
 * @example
 * const osv = createOsvFormat({ limits: { maxEntries: 100_000 } });
 * const { advisories, rejected, records } = await osv.parsePath('go/all.zip', { fetchedAt });
 */
export function createOsvFormat({ limits = {}, maxRecordBytes = 64 * 1024 * 1024 }: OsvFormatOptions = {}): FeedFormat {
  const lim: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };
  const recordMax = Math.min(maxRecordBytes, lim.maxExpandedBytes);
  return {
    source: 'osv',
    detect: detectOsv,
    parsePath: async (path, opts) => {
      const file = opts.displayName ?? basename(path);
      const collector = new OsvCollector(opts.fetchedAt);
      if ((await stat(path)).isDirectory()) await readDirectory(path, file, collector, recordMax, lim);
      else if ((await detectCompression(path)) === 'zip') await readZip(path, file, collector, recordMax, lim);
      else await readSingleFile(path, file, collector, recordMax, lim);
      return enforceStrict(collector.result(), opts.strict, file);
    },
  };
}

/** OSV with the default limits. */
export const osvFormat: FeedFormat = createOsvFormat();

/** Parse an OSV zip, directory or file with the default limits. */
export function parseOsvPath(path: string, opts: FeedParseOptions): Promise<FeedParseResult> {
  return osvFormat.parsePath(path, opts);
}

const OSV_ID = /^(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-[A-Za-z0-9._:-]+|x_[\w.:-]+)$/;

/**
 * Recognizes OSV from content. A JSON record: an object with an `"id"` and one of OSV's own keys
 * (`schema_version`, `modified`, `affected`). A zip archive (the raw first bytes, `PK\x03\x04`):
 * its first entry is named like an OSV record, `<ID>.json` (e.g. `GO-2020-0001.json`); the name
 * `all.zip` (osv.dev's export name) is accepted for a zip whose first entry is unreadable.
 */
export function detectOsv(head: string, fileName: string): boolean {
  if (head.startsWith(ZIP_MAGIC)) return firstZipEntryLooksOsv(head) || basename(fileName) === 'all.zip';
  if (!/^\s*\{/.test(head)) return false;
  return /"id"\s*:\s*"/.test(head) && /"(?:schema_version|modified|affected)"\s*:/.test(head) && !/"(?:catalogVersion|releases|secfixes|dataType|CVE_Items)"\s*:/.test(head);
}

const ZIP_MAGIC = 'PK\u0003\u0004';

/** The first local header's file name starts at byte 30; decoding may shift it a little. */
function firstZipEntryLooksOsv(head: string): boolean {
  const name = /^[\s\S]{0,40}?([A-Za-z][\w.:-]*-[\w.:-]+)\.json/.exec(head.slice(ZIP_MAGIC.length))?.[1];
  return name !== undefined && OSV_ID.test(name);
}

async function readZip(path: string, file: string, collector: OsvCollector, recordMax: number, lim: InputLimits): Promise<void> {
  const limits = { maxEntries: lim.maxEntries, maxEntryBytes: recordMax, maxTotalBytes: lim.maxExpandedBytes, maxRatio: lim.maxRatio };
  await forEachZipEntry(path, file, limits, (name, data) => {
    if (name.endsWith('.json')) collector.add(`${file}!${name}`, data.toString('utf8'));
  });
}

async function readDirectory(dir: string, display: string, collector: OsvCollector, recordMax: number, lim: InputLimits): Promise<void> {
  const names = await listJsonFiles(dir);
  if (names.length === 0) throw invalidInput(E_OSV_INPUT, 'the directory holds no .json records', { file: display });
  for (const name of names) collector.add(`${display}/${name}`, await readTextBounded(join(dir, name), `${display}/${name}`, recordMax, lim));
}

async function readSingleFile(path: string, file: string, collector: OsvCollector, recordMax: number, lim: InputLimits): Promise<void> {
  collector.add(file, await readTextBounded(path, file, recordMax, lim));
}

/** Gathers records as they are read. */
class OsvCollector {
  private readonly advisories: Advisory[] = [];
  private readonly rejected: FeedRejection[] = [];
  private records = 0;
  private newestModified: string | undefined;

  constructor(private readonly fetchedAt: string) {}

  add(location: string, text: string): void {
    this.records += 1;
    const outcome: OsvRecordOutcome = parseOsvRecordText(text, { location, fetchedAt: this.fetchedAt });
    if (outcome.rejection) return void this.rejected.push(outcome.rejection);
    this.advisories.push(outcome.advisory);
    this.newestModified = newest(this.newestModified, outcome.advisory.modified);
  }

  /** dataDate: the newest `modified` (none when every record has Go's placeholder time). */
  result(): FeedParseResult {
    const dataDate = this.newestModified;
    return { source: 'osv', advisories: this.advisories, intel: [], rejected: this.rejected, records: this.records, ...(dataDate ? { dataDate } : {}) };
  }
}

function newest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
