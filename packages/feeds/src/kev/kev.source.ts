import { basename } from 'node:path';
import type { FeedFormat, FeedParseOptions, FeedParseResult } from '../feed-format.js';
import { enforceStrict } from '../shared/strict.js';
import { parseJsonText, readTextInput } from '../shared/intel-record.js';
import { E_KEV_INVALID } from './kev.errors.js';
import { parseKevCatalog } from './kev.parser.js';

/**
 * Reads a CISA KEV catalog file (plain JSON or gzip/bzip2, detected from the bytes).
 *
 * @example
 * const { intel, records, dataDate } = await readKevFile('known_exploited_vulnerabilities.json', { fetchedAt });
 */
export async function readKevFile(path: string, { fetchedAt, strict = false, displayName }: FeedParseOptions): Promise<FeedParseResult> {
  const file = displayName ?? basename(path);
  const json = parseJsonText(await readTextInput(path, file), file, E_KEV_INVALID);
  return enforceStrict(parseKevCatalog(json, { fetchedAt, file }), strict, file);
}

/** True for the start of a KEV catalog: its catalogVersion and (for the CISA file) its title. */
export function detectKev(head: string, _fileName: string): boolean {
  return /^\s*\{/.test(head) && /"catalogVersion"\s*:/.test(head) && /"(?:vulnerabilities|dateReleased)"\s*:/.test(head);
}

/** The CISA Known Exploited Vulnerabilities catalog. */
export const kevFeed: FeedFormat = {
  source: 'kev',
  detect: detectKev,
  parsePath: readKevFile,
};
