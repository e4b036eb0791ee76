import { basename, relative } from 'node:path';
import type { FeedFormat, FeedParseOptions, FeedParseResult } from '../feed-format.js';
import { enforceStrict } from '../shared/strict.js';
import { listInputFiles, parseJsonText, readTextInput } from '../shared/intel-record.js';
import { E_NVD_INVALID } from './nvd.errors.js';
import { mergeNvdResults, parseNvdDocument } from './nvd.parser.js';

const NVD_FILE = /\.json(?:\.gz|\.bz2)?$/i;

/**
 * Reads NVD CVE data: one CVE API 2.0 response, a directory of them (the pages of a sync, read
 * recursively, *.json / *.json.gz / *.json.bz2), or a retired 1.1 feed file. A page that is not
 * JSON or not an NVD document is fatal (E_NVD_INVALID naming it): the sync must fetch it again.
 *
 * @example
 * const { intel, records } = await readNvdPath('nvd/cve-2.0', { fetchedAt }); // records: 23
 */
export async function readNvdPath(path: string, { fetchedAt, strict = false, displayName }: FeedParseOptions): Promise<FeedParseResult> {
  const files = await listInputFiles(path, NVD_FILE);
  const results: FeedParseResult[] = [];
  for (const filePath of files) {
    const file = files.length === 1 && filePath === path ? (displayName ?? basename(path)) : relative(path, filePath);
    const json = parseJsonText(await readTextInput(filePath, file), file, E_NVD_INVALID);
    results.push(parseNvdDocument(json, { fetchedAt, file }));
  }
  return enforceStrict(mergeNvdResults(results), strict, displayName ?? basename(path));
}

/** True for the head of a CVE API 2.0 response or of a 1.1 feed. */
export function detectNvd(head: string, _fileName: string): boolean {
  const api = /"format"\s*:\s*"NVD_CVE"/.test(head) || (/"resultsPerPage"\s*:/.test(head) && /"totalResults"\s*:/.test(head));
  const legacy = /"CVE_data_type"\s*:\s*"CVE"/.test(head) && /"CVE_Items"\s*:/.test(head);
  return /^\s*\{/.test(head) && (api || legacy);
}

/** NVD CVE API 2.0 responses (and the retired 1.1 JSON feeds). */
export const nvdFeed: FeedFormat = {
  source: 'nvd',
  detect: detectNvd,
  parsePath: readNvdPath,
};
