import { invalidInput, isDomainError, type Advisory, type AffectedPackage, type ErrorCode, type Reference, type Severity } from '@patchloop/core';
import type { OvalDefinition } from '../debian-oval/oval.types.js';
import { listOvalPackageChecks, type OvalPackageCheck } from '../debian-oval/oval.package-checks.js';
import { ovalEvrToVersion } from '../debian-oval/oval.mapper.js';
import { contentHash } from '../shared/content-hash.js';
import type { UbuntuAdvisoryMetadata, UbuntuOvalDocument } from './ubuntu-oval.types.js';
import { ubuntuEcosystemOfDefinition } from './ubuntu-oval.release.js';
import { describeNonPackageChecks, isRunningKernelCheck } from './ubuntu-oval.kernel-checks.js';

/** The feed name used in Advisory.source and provenance. */
export const UBUNTU_OVAL_SOURCE = 'ubuntu-oval';

export interface UbuntuOvalMappingOptions {
  /** Provenance fetchedAt (ISO); not part of the content hash. */
  fetchedAt: string;
}

/** A definition that could not be mapped, and why. */
export interface UbuntuOvalRejection {
  recordId: string;
  code: ErrorCode;
  reason: string;
  line: number;
}

export interface UbuntuOvalMappingResult {
  advisories: Advisory[];
  rejected: UbuntuOvalRejection[];
}

/**
 * Map a parsed USN OVAL file to advisories: one per `patch` definition (a USN or LSN), id = the
 * notice ("USN-6937-1"), aliases = its CVEs. Affected entries name the BINARY packages the file
 * checks (libssl3t64, openssl …) as packageKind 'binary' in "Ubuntu:24.04:LTS"; the file does not
 * name the source package. The `inventory` definition (the "Ubuntu 24.04 is installed" check) is
 * not an advisory and is skipped. Definitions that check the running kernel or Livepatch state
 * instead of a package are rejected as values (E_OVAL_KERNEL_CHECK / E_OVAL_NO_PACKAGE).
 *
 * @example
 * const { advisories } = ubuntuOvalToAdvisories(doc, { fetchedAt });
 * advisories.find((a) => a.id === 'USN-6937-1')?.affected[0]; // { ecosystem: 'Ubuntu:24.04:LTS', name: 'libssl3t64', packageKind: 'binary', ... }
 */
export function ubuntuOvalToAdvisories(doc: UbuntuOvalDocument, opts: UbuntuOvalMappingOptions): UbuntuOvalMappingResult {
  const result: UbuntuOvalMappingResult = { advisories: [], rejected: [] };
  for (const def of doc.oval.definitions) {
    if (def.class === 'inventory') continue;
    try {
      result.advisories.push(ubuntuDefinitionToAdvisory(doc, def, opts));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      result.rejected.push({ recordId: noticeIdOf(def), code: e.code, reason: e.message, line: def.line });
    }
  }
  return result;
}

/** Map one definition; throws a DomainError (E_OVAL_*) when it cannot be mapped. */
export function ubuntuDefinitionToAdvisory(doc: UbuntuOvalDocument, def: OvalDefinition, { fetchedAt }: UbuntuOvalMappingOptions): Advisory {
  const id = noticeIdOf(def);
  if (def.class !== 'patch' && def.class !== 'vulnerability') throw invalidInput('E_OVAL_CLASS_UNSUPPORTED', `${id}: class "${def.class}" is not mapped`);
  const ecosystem = ubuntuEcosystemOfDefinition(doc.oval, def);
  if (!ecosystem) throw invalidInput('E_OVAL_RELEASE_UNKNOWN', `${id}: no "Ubuntu NN.NN is installed" definition to take the release from`);
  const checks = listOvalPackageChecks(doc.oval, def);
  if (checks.length === 0) throw noPackageError(doc, def, id);
  const meta = doc.metadata.get(def.id) ?? { cves: [], bugs: [] };
  const record: Omit<Advisory, 'provenance'> = {
    id,
    aliases: [...new Set([...def.references.filter((r) => r.source === 'CVE').map((r) => r.refId), ...meta.cves.map((c) => c.id)])].filter((a) => a !== id),
    source: UBUNTU_OVAL_SOURCE,
    ...(meta.issued && /^\d{4}-\d{2}-\d{2}$/.test(meta.issued) ? { published: `${meta.issued}T00:00:00Z` } : {}),
    summary: summaryOf(def),
    ...(def.description ? { details: def.description } : {}),
    affected: uniqueAffected(checks.flatMap((c) => checkToAffected(id, c, ecosystem))),
    severities: severitiesOf(meta),
    references: referencesOf(def, meta),
  };
  const hash = contentHash({ ...record, recordId: def.id });
  return { ...record, provenance: { feed: UBUNTU_OVAL_SOURCE, recordId: def.id, fetchedAt, contentHash: hash } };
}

function noPackageError(doc: UbuntuOvalDocument, def: OvalDefinition, id: string): Error {
  const checks = describeNonPackageChecks(doc.oval, def);
  if (isRunningKernelCheck(doc.oval, def)) {
    return invalidInput('E_OVAL_KERNEL_CHECK', `${id}: checks the running kernel, not an installed package (${checks}); not expressible as package ranges`, { line: def.line });
  }
  return invalidInput('E_OVAL_NO_PACKAGE', `${id}: no dpkginfo package check (${checks || 'no criteria'})`, { line: def.line });
}

function checkToAffected(id: string, check: OvalPackageCheck, ecosystem: string): AffectedPackage[] {
  const unsupported = (why: string): never => {
    throw invalidInput('E_OVAL_UNSUPPORTED_CHECK', `${id}, test ${check.testId}: ${why}`, { line: check.line });
  };
  if (check.names.length === 0) unsupported('the dpkginfo object names no package');
  if (check.negate) unsupported('negated package criterion');
  if (check.unsupportedState) unsupported('state without a single <evr> entity');
  const op = check.evr?.operation ?? 'less than';
  if (op !== 'less than') unsupported(`evr operation "${op}"`);
  const version = check.evr === undefined ? '0' : ovalEvrToVersion(check.evr.value);
  return check.names.map((name) => ({
    ecosystem,
    name,
    packageKind: 'binary',
    ranges: [{ type: 'ECOSYSTEM', events: version === '0' ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed: version }] }],
    versions: [],
    status: version === '0' ? 'unfixed' : 'fixed',
  }));
}

function uniqueAffected(entries: AffectedPackage[]): AffectedPackage[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = JSON.stringify([e.name, e.ranges]);
    return !seen.has(key) && seen.add(key);
  });
}

/** "USN-6937-1" from the USN reference, else the title's first token, else the OVAL id. */
function noticeIdOf(def: OvalDefinition): string {
  const fromRef = def.references.find((r) => r.source === 'USN')?.refId;
  const fromTitle = /^([A-Z]+-\d+-\d+)\b/.exec(def.title)?.[1];
  return fromRef ?? fromTitle ?? def.id;
}

function summaryOf(def: OvalDefinition): string | undefined {
  const [, rest] = def.title.split(' -- ');
  return (rest ?? def.title).trim() || undefined;
}

function severitiesOf(meta: UbuntuAdvisoryMetadata): Severity[] {
  const s = meta.severity?.trim().toLowerCase();
  return s && s !== 'none' ? [{ type: 'Ubuntu', score: s, source: 'Canonical' }] : [];
}

function referencesOf(def: OvalDefinition, meta: UbuntuAdvisoryMetadata): Reference[] {
  const refs: Reference[] = def.references.filter((r) => r.refUrl).map((r) => ({ type: r.source === 'USN' ? 'ADVISORY' : 'WEB', url: r.refUrl as string }));
  for (const bug of meta.bugs) refs.push({ type: 'REPORT', url: bug });
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.url) && seen.add(r.url));
}
