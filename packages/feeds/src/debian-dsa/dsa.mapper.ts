import type { Advisory, AffectedPackage, DistroStatus } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { contentHash } from '../shared/content-hash.js';
import { debianReleaseFromName } from '../debian-oval/debian-release.js';
import type { ParsedDsaEntry } from './dsa.parser.js';
import type { DsaReleaseLine } from './dsa.types.js';

/** The feed name used in Advisory.source and provenance. */
export const DEBIAN_DSA_SOURCE = 'debian-dsa';

const TAG_STATUS: Readonly<Record<string, DistroStatus>> = {
  'not-affected': 'not-affected',
  unfixed: 'unfixed',
  'end-of-life': 'end-of-life',
  'no-dsa': 'no-dsa',
  postponed: 'postponed',
  ignored: 'ignored',
};

const MONTHS: Readonly<Record<string, string>> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** What one entry produced: its advisory (unless the entry itself is unusable) and rejected lines. */
export interface DsaMappingResult {
  advisory?: Advisory;
  rejected: FeedRejection[];
}

/**
 * Map one DSA/DLA entry: id "DSA-5380-1", aliases = its CVEs, published = the date (midnight
 * UTC), one source-package entry per `[release]` line (a version -> fixed range; a tag ->
 * its status). A release line with an unknown codename or tag is rejected on its own; an
 * entry with an impossible date or an unrecognized line is rejected whole.
 *
 * @example
 * dsaEntryToAdvisory(entry, { file: 'DSA-list', fetchedAt }).advisory?.affected[0];
 * // { ecosystem: 'Debian:11', name: 'xorg-server', packageKind: 'source', status: 'fixed', ranges: [...] }
 */
export function dsaEntryToAdvisory(entry: ParsedDsaEntry, { file, fetchedAt }: { file: string; fetchedAt: string }): DsaMappingResult {
  const published = isoDateOf(entry.date);
  const [odd] = entry.unrecognized;
  if (published === undefined) return { rejected: [{ recordId: entry.id, location: `${file}:${entry.line}`, reason: `unreadable date "${entry.date}"` }] };
  if (odd) return { rejected: [{ recordId: entry.id, location: `${file}:${odd.line}`, reason: `unrecognized line ${JSON.stringify(odd.text.slice(0, 120))}` }] };
  const rejected: FeedRejection[] = [];
  const affected: AffectedPackage[] = [];
  for (const rl of entry.releaseLines) {
    const mapped = releaseLineToAffected(rl);
    if (typeof mapped === 'string') rejected.push({ recordId: entry.id, location: `${file}:${rl.line}`, reason: mapped });
    else affected.push(mapped);
  }
  return { advisory: withProvenance(recordOf(entry, published, affected), entry.id, fetchedAt), rejected };
}

function recordOf(entry: ParsedDsaEntry, published: string, affected: AffectedPackage[]): Omit<Advisory, 'provenance'> {
  const record: Omit<Advisory, 'provenance'> = {
    id: entry.id,
    aliases: [...new Set(entry.cves)],
    source: DEBIAN_DSA_SOURCE,
    published,
    affected,
    severities: [],
    references: [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${entry.id}` }],
  };
  if (entry.title !== '') record.summary = entry.title;
  if (entry.notes.length > 0) record.details = entry.notes.join('\n');
  return record;
}

/** The affected entry for one `[release] - package ...` line, or why it cannot be mapped. */
function releaseLineToAffected(rl: DsaReleaseLine): AffectedPackage | string {
  const release = debianReleaseFromName(rl.codename);
  if (release === undefined) return `unknown Debian codename "${rl.codename}" (package ${rl.package})`;
  const base = { ecosystem: `Debian:${release}`, name: rl.package, packageKind: 'source' as const, versions: [] };
  if (rl.version !== undefined) return { ...base, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: rl.version }] }], status: 'fixed' };
  const status = rl.tag === undefined ? undefined : TAG_STATUS[rl.tag];
  if (status === undefined) return `unknown tag <${rl.tag ?? ''}> (package ${rl.package}, ${rl.codename})`;
  return rl.reason === undefined ? { ...base, ranges: [], status } : { ...base, ranges: [], status, statusNote: rl.reason };
}

function withProvenance(record: Omit<Advisory, 'provenance'>, recordId: string, fetchedAt: string): Advisory {
  return { ...record, provenance: { feed: DEBIAN_DSA_SOURCE, recordId, fetchedAt, contentHash: contentHash(record) } };
}

/** "29 Mar 2023" -> "2023-03-29T00:00:00Z"; undefined for an impossible date. */
export function isoDateOf(date: string): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(date);
  const month = m?.[2] === undefined ? undefined : MONTHS[m[2]];
  if (!m || month === undefined) return undefined;
  const iso = `${m[3]}-${month}-${(m[1] ?? '').padStart(2, '0')}T00:00:00Z`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso.slice(0, 10) ? undefined : iso;
}
