import { basename } from 'node:path';
import type { FeedFormat, FeedParseResult } from '../feed-format.js';
import { enforceStrict } from '../shared/strict.js';
import { readDebianOvalFile } from './oval.source.js';

/** Debian OVAL (oval-definitions-<codename>.xml, plain or .bz2) as a feed format. Records = definitions. */
export const debianOvalFormat: FeedFormat = {
  source: 'debian-oval',
  detect: (head) => head.includes('<oval_definitions') && /oval:org\.debian/.test(head),
  async parsePath(path, { fetchedAt, strict, displayName }) {
    const file = displayName ?? basename(path);
    const r = await readDebianOvalFile(path, { fetchedAt });
    const result: FeedParseResult = {
      source: 'debian-oval',
      advisories: r.advisories,
      intel: [],
      rejected: r.rejected.map((x) => ({ recordId: x.recordId, location: `${file}:${x.line}`, reason: `${x.code}: ${x.reason}` })),
      records: r.counts.definitions,
      ...(r.dataDate ? { dataDate: new Date(r.dataDate).toISOString() } : {}),
    };
    return enforceStrict(result, strict, file);
  },
};
