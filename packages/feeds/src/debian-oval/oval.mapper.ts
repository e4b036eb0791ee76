import { invalidInput, isDomainError } from '@patchloop/core';
import type { Advisory, AffectedPackage, ErrorCode, Reference } from '@patchloop/core';
import type { OvalDefinition, OvalDocument } from './oval.types.js';
import { listOvalPackageChecks, type OvalPackageCheck } from './oval.package-checks.js';
import { debianReleaseFromName, debianReleaseFromPlatform } from './debian-release.js';
import { contentHash } from '../shared/content-hash.js';

/** The feed name used in Advisory.source and provenance. */
export const DEBIAN_OVAL_SOURCE = 'debian-oval';

/** Options for {@link ovalToAdvisories}. */
export interface OvalMappingOptions {
  /** When the file was fetched (ISO 8601); goes into provenance only, not into the hash. */
  fetchedAt: string;
  /** "12" or "bookworm"; by default each definition's `<platform>` decides. */
  release?: string;
}

/** A definition that could not be mapped, and why (batch results as values). */
export interface OvalRejection {
  recordId: string;
  code: ErrorCode;
  reason: string;
  line: number;
}

/** Everything a mapping run produced: one advisory per mapped definition plus the rejections. */
export interface OvalMappingResult {
  advisories: Advisory[];
  rejected: OvalRejection[];
}

/**
 * Map a parsed Debian OVAL document to core advisories: one Advisory per vulnerability or
 * patch definition. Unmappable definitions (other classes, no dpkg check, an unknown release,
 * an operation other than "less than") are returned in `rejected`, not thrown.
 *
 * Debian's generator writes "earlier than 0" (state "0:0") for CVEs still open in the
 * release; those become status 'unfixed' with only `{introduced: '0'}`. Not-affected
 * CVEs are left out of the file by the generator, so nothing maps to 'not-affected'.
 *
 * @example
 * const { advisories } = ovalToAdvisories(doc, { fetchedAt: '2023-07-14T08:00:00Z' });
 * advisories[0].affected[0]; // { ecosystem: 'Debian:12', name: 'glibc', status: 'fixed', ... }
 */
export function ovalToAdvisories(doc: OvalDocument, { fetchedAt, release }: OvalMappingOptions): OvalMappingResult {
  const forced = release === undefined ? undefined : requireRelease(release);
  const result: OvalMappingResult = { advisories: [], rejected: [] };
  for (const def of doc.definitions) {
    try {
      result.advisories.push(ovalDefinitionToAdvisory(doc, def, { fetchedAt, release: forced }));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      result.rejected.push({ recordId: def.id, code: e.code, reason: e.message, line: def.line });
    }
  }
  return result;
}

/** Map one definition; throws a DomainError (E_OVAL_*) when it cannot be mapped. */
export function ovalDefinitionToAdvisory(doc: OvalDocument, def: OvalDefinition, opts: OvalMappingOptions): Advisory {
  if (def.class !== 'vulnerability' && def.class !== 'patch') {
    throw invalidInput('E_OVAL_CLASS_UNSUPPORTED', `definition ${def.id}: class "${def.class}" is not mapped`);
  }
  const release = opts.release ?? releaseOfDefinition(def);
  const checks = listOvalPackageChecks(doc, def);
  if (checks.length === 0) throw invalidInput('E_OVAL_NO_PACKAGE', `definition ${def.id}: no dpkginfo package check`);
  const id = advisoryIdOf(def);
  const record: Omit<Advisory, 'provenance'> = {
    id,
    aliases: unique(def.references.map((r) => r.refId)).filter((a) => a !== id),
    source: DEBIAN_OVAL_SOURCE,
    published: publishedOf(def),
    summary: def.title || undefined,
    details: detailsOf(def),
    affected: checks.flatMap((c) => packageCheckToAffected(def, c, `Debian:${release}`)),
    severities: [],
    references: referencesOf(def),
  };
  dropUndefined(record);
  const hash = contentHash({ ...record, recordId: def.id });
  return { ...record, provenance: { feed: DEBIAN_OVAL_SOURCE, recordId: def.id, fetchedAt: opts.fetchedAt, contentHash: hash } };
}

/**
 * The version a "less than" evr means, in dpkg's usual spelling: the "0:" epoch dropped
 * (dpkg treats a missing epoch as 0), including the doubled "0:1:…" old generators wrote.
 *
 * @example
 * ovalEvrToVersion('0:2.2-1'); // "2.2-1"
 * ovalEvrToVersion('0:1:4.14-1.1+deb7u1'); // "1:4.14-1.1+deb7u1"
 */
export function ovalEvrToVersion(evr: string): string {
  const withoutZeroEpoch = evr.trim().replace(/^0:/, '');
  return withoutZeroEpoch === '' ? '0' : withoutZeroEpoch;
}

function packageCheckToAffected(def: OvalDefinition, check: OvalPackageCheck, ecosystem: string): AffectedPackage[] {
  const unsupported = (why: string): never => {
    throw invalidInput('E_OVAL_UNSUPPORTED_CHECK', `definition ${def.id}, test ${check.testId}: ${why}`, { line: check.line });
  };
  if (check.names.length === 0) unsupported('the dpkginfo object names no package');
  if (check.negate) unsupported('negated package criterion');
  if (check.unsupportedState) unsupported('state without a single <evr> entity');
  const op = check.evr?.operation ?? 'less than';
  if (op !== 'less than') unsupported(`evr operation "${op}"`);
  const version = check.evr === undefined ? '0' : ovalEvrToVersion(check.evr.value);
  const statusNote = check.architecture === 'all' ? undefined : `OVAL architecture section: ${check.architecture}`;
  return check.names.map((name) =>
    dropUndefined<AffectedPackage>({
      ecosystem,
      name,
      packageKind: 'source',
      ranges: [{ type: 'ECOSYSTEM', events: version === '0' ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed: version }] }],
      versions: [],
      status: version === '0' ? 'unfixed' : 'fixed',
      statusNote,
    }),
  );
}

function requireRelease(name: string): string {
  const release = debianReleaseFromName(name);
  if (release === undefined) throw invalidInput('E_OVAL_RELEASE_UNKNOWN', `"${name}" is not a Debian release`);
  return release;
}

function releaseOfDefinition(def: OvalDefinition): string {
  const releases = unique(def.platforms.map((p) => debianReleaseFromPlatform(p) ?? ''));
  const [only] = releases;
  if (releases.length !== 1 || only === undefined || only === '') {
    throw invalidInput('E_OVAL_RELEASE_UNKNOWN', `definition ${def.id}: platform ${JSON.stringify(def.platforms)} names no single Debian release`);
  }
  return only;
}

const TITLE_ID = /^[A-Z][A-Z0-9]*-[A-Za-z0-9][\w.-]*$/;

function advisoryIdOf(def: OvalDefinition): string {
  const titleId = def.title.split(/\s+/)[0] ?? '';
  const fromTitle = TITLE_ID.test(titleId) ? titleId : undefined;
  if (def.class === 'vulnerability') {
    return def.references.find((r) => r.source === 'CVE')?.refId ?? fromTitle ?? def.id;
  }
  return fromTitle ?? def.debian?.dsa ?? def.id;
}

function publishedOf(def: OvalDefinition): string | undefined {
  const date = def.debian?.date;
  return date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : undefined;
}

function detailsOf(def: OvalDefinition): string | undefined {
  const parts = [def.description, def.debian?.moreinfo].filter((p): p is string => p !== undefined && p !== '');
  return parts.length === 0 ? undefined : parts.join('\n\n');
}

function referencesOf(def: OvalDefinition): Reference[] {
  const refs: Reference[] = def.references
    .filter((r) => r.refUrl !== undefined && r.refUrl !== '')
    .map((r) => ({ type: r.source === 'CVE' ? 'WEB' : 'ADVISORY', url: r.refUrl as string }));
  const dsa = def.debian?.dsa;
  if (dsa !== undefined && dsa !== '') refs.push({ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${dsa}` });
  return refs;
}

/** Remove members whose value is undefined, so records compare and serialize cleanly. */
function dropUndefined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
