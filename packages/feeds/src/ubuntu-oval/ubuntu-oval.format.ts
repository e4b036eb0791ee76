import { basename } from 'node:path';
import type { FeedFormat, FeedParseResult } from '../feed-format.js';
import { openInput } from '../shared/open-input.js';
import { enforceStrict } from '../shared/strict.js';
import { parseUbuntuOval } from './ubuntu-oval.parser.js';
import { ubuntuOvalToAdvisories } from './ubuntu-oval.mapper.js';

/**
 * Canonical's USN OVAL (com.ubuntu.<codename>.usn.oval.xml, plain, gzip or bzip2) as a feed
 * format. Records = definitions (the inventory one included); data date = generator timestamp.
 *
 * @example
 * const r = await ubuntuOvalFormat.parsePath('com.ubuntu.noble.usn.oval.xml.bz2', { fetchedAt });
 * r.records; // 261
 */
export const ubuntuOvalFormat: FeedFormat = {
  source: 'ubuntu-oval',
  detect: (head) => head.includes('<oval_definitions') && (head.includes('Canonical USN OVAL Generator') || /oval:com\.ubuntu\./.test(head)),
  async parsePath(path, { fetchedAt, strict, displayName }) {
    const file = displayName ?? basename(path);
    const doc = await parseUbuntuOval(await openInput(path), { file });
    const mapped = ubuntuOvalToAdvisories(doc, { fetchedAt });
    const dataDate = generatorTimestampToIso(doc.oval.generator.timestamp);
    const result: FeedParseResult = {
      source: 'ubuntu-oval',
      advisories: mapped.advisories,
      intel: [],
      rejected: mapped.rejected.map((x) => ({ recordId: x.recordId, location: `${file}:${x.line}`, reason: `${x.code}: ${x.reason}` })),
      records: doc.oval.definitions.length,
      ...(dataDate ? { dataDate } : {}),
    };
    return enforceStrict(result, strict, file);
  },
};

/**
 * Canonical writes the timestamp without a zone ("2024-12-24T07:42:06"); it is read as UTC
 * (not the host's zone, which `new Date()` would use).
 */
export function generatorTimestampToIso(timestamp: string | undefined): string | undefined {
  if (!timestamp) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp) ? timestamp : `${timestamp}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
