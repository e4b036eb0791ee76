import type { Advisory, Reference, Severity } from '@patchloop/core';
import type { CsafDocument, CsafNote, CsafReference, CsafVulnerability } from './csaf.types.js';
import { indexCsafProductTree, type CsafProductIndex } from './csaf.product-tree.js';
import { csafVulnerabilityToAffected, type CsafProductCache } from './csaf.affected.js';
import { contentHash } from '../shared/content-hash.js';

/** The feed name used in Advisory.source and provenance. */
export const CSAF_SOURCE = 'csaf';

/** Options for {@link csafToAdvisories}. */
export interface CsafMappingOptions {
  /** Provenance fetchedAt (ISO); not part of the content hash. */
  fetchedAt: string;
}

/** A vulnerability (or some of its products) that could not be mapped, as a value. */
export interface CsafMappingRejection {
  /** "RHSA-2024:4546/CVE-2023-45288", or the tracking id alone. */
  recordId: string;
  /** JSON pointer into the document: "/vulnerabilities/0". */
  pointer: string;
  code: `E_${string}`;
  reason: string;
}

export interface CsafMappingResult {
  advisories: Advisory[];
  rejected: CsafMappingRejection[];
}

const DETAIL_NOTES: ReadonlySet<string> = new Set(['description', 'summary', 'details', 'general']);

/**
 * Map a validated CSAF 2.0 document to advisories: one per vulnerability, id = its CVE (or first
 * `ids` entry), aliases = the document's tracking id. Products that cannot be scoped to an
 * ecosystem are reported in `rejected` (the rest of the vulnerability still maps); a
 * vulnerability with no mappable product at all is rejected whole.
 *
 * @example
 * const { advisories } = csafToAdvisories(doc, { fetchedAt: '2024-09-02T00:00:00Z' });
 * advisories[0].id; // 'CVE-2023-45288' (aliases: ['RHSA-2024:4546'])
 */
export function csafToAdvisories(doc: CsafDocument, { fetchedAt }: CsafMappingOptions): CsafMappingResult {
  const index = indexCsafProductTree(doc.product_tree);
  const cache: CsafProductCache = new Map();
  const result: CsafMappingResult = { advisories: [], rejected: [] };
  (doc.vulnerabilities ?? []).forEach((vuln, i) => mapVulnerability(doc, vuln, `/vulnerabilities/${i}`, { index, cache, fetchedAt }, result));
  return result;
}

interface MappingContext {
  index: CsafProductIndex;
  cache: CsafProductCache;
  fetchedAt: string;
}

function mapVulnerability(doc: CsafDocument, vuln: CsafVulnerability, pointer: string, ctx: MappingContext, out: CsafMappingResult): void {
  const trackingId = doc.document.tracking.id;
  const id = vuln.cve ?? vuln.ids?.[0]?.text;
  if (id === undefined) {
    out.rejected.push({ recordId: trackingId, pointer, code: 'E_CSAF_NO_VULNERABILITY_ID', reason: 'vulnerability without cve or ids' });
    return;
  }
  const recordId = `${trackingId}/${id}`;
  const { affected, skipped } = csafVulnerabilityToAffected(vuln, ctx.index, ctx.cache);
  if (skipped.length > 0) {
    const code = affected.length === 0 ? 'E_CSAF_NO_PACKAGE' : 'E_CSAF_PRODUCT_UNMAPPED';
    out.rejected.push({ recordId, pointer: `${pointer}/product_status`, code, reason: describeSkipped(skipped, affected.length === 0) });
  }
  if (affected.length === 0) return;
  const record: Omit<Advisory, 'provenance'> = {
    id,
    aliases: trackingId === id ? [] : [trackingId],
    source: CSAF_SOURCE,
    ...dateMember('published', doc.document.tracking.initial_release_date),
    ...dateMember('modified', doc.document.tracking.current_release_date),
    summary: vuln.title ?? doc.document.title,
    ...textMember('details', detailsOf(doc, vuln)),
    affected,
    severities: severitiesOf(doc, vuln),
    references: referencesOf(doc.document.references ?? [], vuln.references ?? []),
  };
  const hash = contentHash({ ...record, recordId });
  out.advisories.push({ ...record, provenance: { feed: CSAF_SOURCE, recordId, fetchedAt: ctx.fetchedAt, contentHash: hash } });
}

function describeSkipped(skipped: readonly string[], all: boolean): string {
  const head = all ? `no product could be mapped (${skipped.length})` : `${skipped.length} product(s) skipped`;
  const more = skipped.length > 3 ? `; and ${skipped.length - 3} more` : '';
  return `${head}: ${skipped.slice(0, 3).join('; ')}${more}`;
}

function severitiesOf(doc: CsafDocument, vuln: CsafVulnerability): Severity[] {
  const source = doc.document.publisher.name;
  const all: Severity[] = [];
  for (const score of vuln.scores ?? []) {
    if (score.cvss_v3) all.push({ type: 'CVSS_V3', score: score.cvss_v3.vectorString, source });
    if (score.cvss_v2) all.push({ type: 'CVSS_V2', score: score.cvss_v2.vectorString, source });
  }
  for (const threat of vuln.threats ?? []) {
    if (threat.category === 'impact') all.push({ type: 'vendor', score: threat.details, source });
  }
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(`${s.type} ${s.score}`) && seen.add(`${s.type} ${s.score}`));
}

function referencesOf(documentRefs: readonly CsafReference[], vulnRefs: readonly CsafReference[]): Reference[] {
  const byUrl = new Map<string, Reference>();
  for (const r of [...documentRefs, ...vulnRefs]) {
    if (byUrl.has(r.url)) continue;
    const type = r.category === 'self' ? 'ADVISORY' : /bugzilla|\/show_bug\.cgi/.test(r.url) ? 'REPORT' : 'WEB';
    byUrl.set(r.url, { type, url: r.url });
  }
  return [...byUrl.values()];
}

function detailsOf(doc: CsafDocument, vuln: CsafVulnerability): string | undefined {
  const pick = (notes: readonly CsafNote[] | undefined) => (notes ?? []).filter((n) => DETAIL_NOTES.has(n.category)).map((n) => n.text.trim());
  const own = pick(vuln.notes);
  const text = (own.length > 0 ? own : pick(doc.document.notes)).filter((t) => t !== '').join('\n\n');
  return text === '' ? undefined : text;
}

function dateMember<K extends 'published' | 'modified'>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? {} : ({ [key]: new Date(ms).toISOString() } as Partial<Record<K, string>>);
}

function textMember<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>);
}
