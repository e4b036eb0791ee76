import type { Advisory } from '../advisory/advisory.js';

/**
 * Names one advisory record. Ids are only unique within a source (Debian and Ubuntu OVAL both use
 * CVE ids), and not even there: Debian's OVAL has one definition per (CVE, source package) and a
 * CSAF CVE can appear in several documents, so the feed's record id tells records apart.
 */
export interface AdvisoryRef {
  readonly source: string;
  readonly id: string;
  /** The feed's record id (provenance.recordId); defaults to `id`. */
  readonly recordId?: string;
}

/** An advisory as the matcher keeps it: with its unique id and its vulnerability ids computed once. */
export interface IndexedAdvisory {
  readonly advisory: Advisory;
  readonly uid: string;
  readonly vulnerabilityIds: readonly string[];
}

/** The unique id of an advisory record within the matcher: source and record id (else the advisory id). */
export function advisoryUid(ref: AdvisoryRef | Advisory): string {
  const recordId = 'provenance' in ref ? ref.provenance.recordId : ref.recordId;
  return `${ref.source}\u0000${recordId || ref.id}`;
}

/**
 * Advisory id plus aliases, de-duplicated, CVE ids first (each group in record order).
 * @example vulnerabilityIdsOf({ id: 'DSA-3029-1', aliases: ['CVE-2014-3616'], ... }) // ['CVE-2014-3616', 'DSA-3029-1']
 */
export function vulnerabilityIdsOf(advisory: Pick<Advisory, 'id' | 'aliases'>): string[] {
  const all = [...new Set([advisory.id, ...advisory.aliases])];
  const isCve = (id: string) => id.startsWith('CVE-');
  return [...all.filter(isCve), ...all.filter((id) => !isCve(id))];
}

/** Wraps an advisory for indexing. */
export function indexAdvisory(advisory: Advisory): IndexedAdvisory {
  return { advisory, uid: advisoryUid(advisory), vulnerabilityIds: Object.freeze(vulnerabilityIdsOf(advisory)) };
}
