import { basename } from 'node:path';
import type { FeedFormat, FeedParseOptions, FeedParseResult } from '../feed-format.js';
import { openInput } from '../shared/open-input.js';
import { enforceStrict } from '../shared/strict.js';
import { parseEpssCsv } from './epss.parser.js';

/**
 * Reads a FIRST EPSS scores file, plain CSV or gzip (detected from the bytes). A truncated or
 * corrupt gzip fails with openInput's E_GZIP_INVALID.
 *
 * @example
 * const { intel, records, dataDate } = await readEpssFile('epss_scores-2025-04-15.csv.gz', { fetchedAt });
 * dataDate; // '2025-04-15T12:55:00Z'
 */
export async function readEpssFile(path: string, { fetchedAt, strict = false, displayName }: FeedParseOptions): Promise<FeedParseResult> {
  const file = displayName ?? basename(path);
  const result = await parseEpssCsv(await openInput(path), { fetchedAt, file });
  return enforceStrict(result, strict, file);
}

/** True when the decompressed head starts with the EPSS model comment or the column header. */
export function detectEpss(head: string, _fileName: string): boolean {
  return /^#model_version:[^\n]*score_date:/.test(head) || /^cve,epss,percentile\r?\n/.test(head);
}

/** FIRST EPSS daily scores (CSV). */
export const epssFeed: FeedFormat = {
  source: 'epss',
  detect: detectEpss,
  parsePath: readEpssFile,
};
