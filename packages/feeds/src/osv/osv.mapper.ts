import { invalidInput } from '@patchloop/core';
import type { Advisory, AffectedPackage, PackageKind, RangeEvent, Reference, Severity, VersionRange } from '@patchloop/core';
import { contentHash } from '../shared/content-hash.js';
import type { OsvAffected, OsvEvent, OsvPackage, OsvRange, OsvRecord, OsvSeverity } from './osv.types.js';
import { E_OSV_UNMAPPABLE } from './osv.errors.js';

/** The feed name used in Advisory.source and provenance. */
export const OSV_SOURCE = 'osv';

/**
 * OSV ecosystems whose records name source packages: Debian and Ubuntu name the source package,
 * Alpine the origin (aport) package, the same names as their own secdb/tracker data.
 * Every other ecosystem (languages, and rpm distros whose OSV names binary rpms) names the
 * package itself.
 */
const SOURCE_PACKAGE_ECOSYSTEMS: ReadonlySet<string> = new Set(['Debian', 'Ubuntu', 'Alpine']);

/**
 * "source" for Debian/Ubuntu/Alpine ecosystems ("Debian:12", "Alpine:v3.19", "Ubuntu:22.04:LTS"),
 * "binary" otherwise.
 *
 * @example
 * packageKindOfEcosystem('Debian:7'); // "source"
 * packageKindOfEcosystem('npm'); // "binary"
 */
export function packageKindOfEcosystem(ecosystem: string): PackageKind {
  const base = ecosystem.split(':', 1)[0] ?? ecosystem;
  return SOURCE_PACKAGE_ECOSYSTEMS.has(base) ? 'source' : 'binary';
}

/**
 * Map one schema-valid OSV record to an Advisory. Ranges, events and versions are copied as
 * they are; `database_specific` and `ecosystem_specific` are dropped; per-package severities
 * are merged into the advisory's (deduplicated); affected entries without a package (GIT-only)
 * are left out; Go's placeholder time 0001-01-01T00:00:00Z becomes "unknown". Throws E_OSV_UNMAPPABLE for a range whose events repeat a version (the OSV
 * linter's "nondistinct" check).
 *
 * @example
 * const advisory = osvRecordToAdvisory(record, { fetchedAt: '2026-08-21T00:00:00Z' });
 * advisory.affected[0]; // { ecosystem: 'Go', name: 'stdlib', packageKind: 'binary', ranges: [...], versions: [] }
 */
export function osvRecordToAdvisory(record: OsvRecord, { fetchedAt }: { fetchedAt: string }): Advisory {
  const mapped: Omit<Advisory, 'provenance'> = dropUndefined({
    id: record.id,
    aliases: record.aliases ?? [],
    source: OSV_SOURCE,
    published: realTime(record.published),
    modified: realTime(record.modified),
    withdrawn: record.withdrawn,
    summary: record.summary,
    details: record.details,
    affected: affectedOf(record),
    severities: severitiesOf(record),
    references: (record.references ?? []).map((r): Reference => ({ type: r.type, url: r.url })),
  });
  return { ...mapped, provenance: { feed: OSV_SOURCE, recordId: record.id, fetchedAt, contentHash: contentHash(mapped) } };
}

/** Go's vulndb writes this placeholder for unknown `published`/`modified` times. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

function realTime(time: string | undefined): string | undefined {
  return time === ZERO_TIME ? undefined : time;
}

/**
 * Affected entries with a package. An entry without one (allowed by OSV for GIT-only ranges,
 * e.g. CVE-2018-5407's openssl commits) names nothing an installed package can match, so it is
 * left out, after its ranges are checked like the others.
 */
function affectedOf(record: OsvRecord): AffectedPackage[] {
  const out: AffectedPackage[] = [];
  (record.affected ?? []).forEach((affected, index) => {
    const ranges = (affected.ranges ?? []).map((r, j) => osvRangeToRange(r, `/affected/${index}/ranges/${j}`));
    if (affected.package !== undefined) out.push(osvAffectedToAffected(affected, affected.package, ranges));
  });
  return out;
}

function osvAffectedToAffected(affected: OsvAffected, pkg: OsvPackage, ranges: VersionRange[]): AffectedPackage {
  return dropUndefined({
    ecosystem: pkg.ecosystem,
    name: pkg.name,
    packageKind: packageKindOfEcosystem(pkg.ecosystem),
    purl: pkg.purl,
    ranges,
    versions: affected.versions ?? [],
  });
}

function osvRangeToRange(range: OsvRange, pointer: string): VersionRange {
  const seen = new Set<string>();
  for (const event of range.events) {
    const version = eventVersion(event);
    if (seen.has(version)) throw invalidInput(E_OSV_UNMAPPABLE, `range events are not distinct ("${version}" appears twice)`, { field: pointer });
    seen.add(version);
  }
  return dropUndefined({ type: range.type, repo: range.repo, events: range.events.map(copyEvent) });
}

function eventVersion(event: OsvEvent): string {
  return Object.values(event)[0] as string;
}

function copyEvent(event: OsvEvent): RangeEvent {
  if ('introduced' in event) return { introduced: event.introduced };
  if ('fixed' in event) return { fixed: event.fixed };
  if ('last_affected' in event) return { last_affected: event.last_affected };
  return { limit: event.limit };
}

function severitiesOf(record: OsvRecord): Severity[] {
  const all: OsvSeverity[] = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  const byKey = new Map(all.map((s) => [`${s.type}\u0000${s.score}`, { type: s.type, score: s.score }]));
  return [...byKey.values()];
}

/** Removes members whose value is undefined, so records compare and hash cleanly. */
export function dropUndefined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}
