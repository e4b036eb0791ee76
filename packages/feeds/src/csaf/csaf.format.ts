import { basename } from 'node:path';
import type { FeedFormat, FeedParseResult } from '../feed-format.js';
import { enforceStrict } from '../shared/strict.js';
import { readCsafPath } from './csaf.source.js';

/**
 * CSAF 2.0 advisories and VEX documents (one .json file or a directory of them) as a feed
 * format. Records = documents read; advisories = one per (document, vulnerability).
 *
 * @example
 * const result = await csafFormat.parsePath('rhsa-2024_4546.json', { fetchedAt: new Date().toISOString() });
 */
export const csafFormat: FeedFormat = {
  source: 'csaf',
  detect: (head) => head.trimStart().startsWith('{') && /"csaf_version"\s*:\s*"2\.0"/.test(head),
  async parsePath(path, { fetchedAt, strict, displayName }) {
    const file = displayName ?? basename(path);
    const r = await readCsafPath(path, { fetchedAt });
    const result: FeedParseResult = {
      source: 'csaf',
      advisories: r.advisories,
      intel: [],
      rejected: r.rejected,
      records: r.documents,
      ...(r.dataDate ? { dataDate: r.dataDate } : {}),
    };
    return enforceStrict(result, strict, file);
  },
};
