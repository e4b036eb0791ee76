import { basename, relative } from 'node:path';
import type { VulnerabilityIntel } from '@patchloop/core';
import type { FeedFormat, FeedParseOptions, FeedParseResult, FeedRejection } from '../feed-format.js';
import { enforceStrict } from '../shared/strict.js';
import { listInputFiles, parseJsonText, readTextInput } from '../shared/intel-record.js';
import { E_CVE5_INVALID } from './cve5.errors.js';
import { parseCve5Record } from './cve5.parser.js';

/** cvelistV5 / vulnrichment name each record CVE-YYYY-NNNN.json; other JSON there (delta.json) is skipped. */
const CVE5_FILE = /^CVE-\d{4}-\d{4,}\.json(?:\.gz|\.bz2)?$/i;

/**
 * Reads CVE JSON 5 records: one file, or a directory tree of CVE-*.json files (cvelistV5,
 * vulnrichment). One file = one record; a file that is not JSON is fatal (E_CVE5_INVALID),
 * a record this source cannot use is a rejected value. dataDate = the newest dateUpdated.
 *
 * @example
 * const { intel, records } = await readCve5Path('vulnrichment-kev-subset', { fetchedAt }); // records: 263
 */
export async function readCve5Path(path: string, { fetchedAt, strict = false, displayName }: FeedParseOptions): Promise<FeedParseResult> {
  const files = await listInputFiles(path, CVE5_FILE);
  const intel: VulnerabilityIntel[] = [];
  const rejected: FeedRejection[] = [];
  for (const filePath of files) {
    const file = filePath === path ? (displayName ?? basename(path)) : relative(path, filePath);
    const mapped = parseCve5Record(parseJsonText(await readTextInput(filePath, file), file, E_CVE5_INVALID), { fetchedAt, file });
    if ('reason' in mapped) rejected.push(mapped);
    else intel.push(mapped);
  }
  const result: FeedParseResult = { source: 'cve5', advisories: [], intel, rejected, records: files.length, dataDate: newest(intel.map((i) => i.modified)) };
  return enforceStrict(result, strict, displayName ?? basename(path));
}

function newest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort().at(-1);
}

/** True for the head of a CVE JSON 5 record. */
export function detectCve5(head: string, _fileName: string): boolean {
  return /^\s*\{/.test(head) && /"dataType"\s*:\s*"CVE_RECORD"/.test(head);
}

/** CVE JSON 5 records (cvelistV5, CISA vulnrichment) with CNA and ADP containers. */
export const cve5Feed: FeedFormat = {
  source: 'cve5',
  detect: detectCve5,
  parsePath: readCve5Path,
};
