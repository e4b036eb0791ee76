import type { Advisory, AffectedPackage, Reference } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { contentHash } from '../shared/content-hash.js';
import { debianReleaseFromName } from '../debian-oval/debian-release.js';
import { releaseVerdict } from './tracker.status.js';
import type { TrackerIssue, TrackerPackage, TrackerRelease } from './tracker.types.js';

/** The feed name used in Advisory.source and provenance. */
export const DEBIAN_TRACKER_SOURCE = 'debian-tracker';

/** Suites that are not numbered releases; OSV's "Debian:<n>" has no name for them. */
const UNNUMBERED_SUITES: ReadonlySet<string> = new Set(['sid', 'experimental']);
const ISSUE_ID = /^[A-Z][A-Z0-9]*-[A-Za-z0-9][\w.-]*$/;

interface IssueGroup {
  id: string;
  description?: string;
  bugs: Set<number>;
  affected: AffectedPackage[];
}

/**
 * Gathers the tracker JSON, package by package, into one Advisory per issue id (CVE or TEMP-),
 * with one source-package entry per (package, numbered release). `records` counts
 * (package, issue) entries. Unknown codenames, statuses and bad shapes are rejected as values.
 *
 * @example
 * const mapper = new TrackerMapper('tracker.json');
 * mapper.addPackage('chromium', packageJson);
 * const { advisories } = mapper.finish({ fetchedAt });
 */
export class TrackerMapper {
  private readonly issues = new Map<string, IssueGroup>();
  private readonly rejected: FeedRejection[] = [];
  private records = 0;

  constructor(private readonly file: string) {}

  addPackage(name: string, pkg: unknown): void {
    if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) return void this.reject(undefined, `/${name}`, 'package value is not an object');
    for (const [id, issue] of Object.entries(pkg as TrackerPackage)) this.addIssue(name, id, issue);
  }

  finish({ fetchedAt }: { fetchedAt: string }): { advisories: Advisory[]; rejected: FeedRejection[]; records: number } {
    return { advisories: [...this.issues.values()].map((g) => groupToAdvisory(g, fetchedAt)), rejected: this.rejected, records: this.records };
  }

  private addIssue(pkg: string, id: string, issue: TrackerIssue): void {
    this.records += 1;
    const pointer = `/${pkg}/${id}`;
    if (!ISSUE_ID.test(id)) return this.reject(id, pointer, 'not an issue id');
    if (issue === null || typeof issue !== 'object') return this.reject(id, pointer, 'issue is not an object');
    const releases = issue.releases ?? {};
    if (typeof releases !== 'object' || releases === null) return this.reject(id, `${pointer}/releases`, 'releases is not an object');
    const group = this.groupOf(id, issue);
    for (const [codename, release] of Object.entries(releases as Record<string, TrackerRelease>)) this.addRelease(group, pkg, codename, release, `${pointer}/releases/${codename}`);
  }

  private addRelease(group: IssueGroup, pkg: string, codename: string, release: TrackerRelease, pointer: string): void {
    if (UNNUMBERED_SUITES.has(codename)) return;
    const number = debianReleaseFromName(codename);
    if (number === undefined) return this.reject(group.id, pointer, `unknown Debian codename "${codename}"`);
    const verdict = releaseVerdict(release ?? {});
    if ('problem' in verdict) return this.reject(group.id, pointer, verdict.problem);
    group.affected.push({ ecosystem: `Debian:${number}`, name: pkg, packageKind: 'source', versions: [], ...verdict });
  }

  private groupOf(id: string, issue: TrackerIssue): IssueGroup {
    let group = this.issues.get(id);
    if (!group) this.issues.set(id, (group = { id, bugs: new Set(), affected: [] }));
    if (group.description === undefined && typeof issue.description === 'string' && issue.description !== '') group.description = issue.description;
    if (typeof issue.debianbug === 'number') group.bugs.add(issue.debianbug);
    return group;
  }

  private reject(recordId: string | undefined, pointer: string, reason: string): void {
    this.rejected.push({ ...(recordId === undefined ? {} : { recordId }), location: `${this.file}#${pointer}`, reason });
  }
}

function groupToAdvisory(group: IssueGroup, fetchedAt: string): Advisory {
  const references: Reference[] = [
    { type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${group.id}` },
    ...[...group.bugs].map((b) => ({ type: 'REPORT', url: `https://bugs.debian.org/${b}` })),
  ];
  const record: Omit<Advisory, 'provenance'> = { id: group.id, aliases: [], source: DEBIAN_TRACKER_SOURCE, affected: group.affected, severities: [], references };
  if (group.description !== undefined) record.details = group.description;
  return { ...record, provenance: { feed: DEBIAN_TRACKER_SOURCE, recordId: group.id, fetchedAt, contentHash: contentHash(record) } };
}
