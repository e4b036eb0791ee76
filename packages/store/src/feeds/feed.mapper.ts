import { canonicalEcosystem, normalizePackageName, type Advisory, type AffectedPackage, type VulnerabilityIntel } from '@patchloop/core';
import type { BulkValue } from '../shared/bulk-insert.js';
import { readJson } from '../shared/json.js';

/** The key of an advisory record within its source: the feed's own record id. */
export function advisoryRecordId(a: Advisory): string {
  return a.provenance.recordId || a.id;
}

export const ADVISORY_COLUMNS = ['version_id', 'record_id', 'source', 'advisory_id', 'content_hash', 'doc'] as const;
export const PACKAGE_COLUMNS = ['version_id', 'record_id', 'ecosystem', 'kind', 'name'] as const;
export const INTEL_COLUMNS = ['version_id', 'cve_id', 'source', 'content_hash', 'doc'] as const;

export function advisoryToRow(versionId: string, a: Advisory): BulkValue[] {
  return [versionId, advisoryRecordId(a), a.source, a.id, a.provenance.contentHash, JSON.stringify(a)];
}

/** One row per distinct (ecosystem, kind, name) the advisory names; names in the matcher's normal form (PyPI: PEP 503). */
export function advisoryPackageRows(versionId: string, a: Advisory): BulkValue[][] {
  const seen = new Set<string>();
  const rows: BulkValue[][] = [];
  for (const p of a.affected as AffectedPackage[]) {
    const name = normalizePackageName(p.ecosystem, p.name);
    const ecosystem = canonicalEcosystem(p.ecosystem);
    const key = `${ecosystem}\u0000${p.packageKind}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([versionId, advisoryRecordId(a), ecosystem, p.packageKind, name]);
  }
  return rows;
}

/**
 * Intel rows keep a compact document: the CVE, source and content hash live in columns, fetchedAt
 * on the version, and empty lists are left out (EPSS writes 275,000 of these per day).
 */
export function intelToRow(versionId: string, i: VulnerabilityIntel): BulkValue[] {
  const { cveId, source, provenance, cvss, cwes, references, ...rest } = i;
  const doc: Record<string, unknown> = { ...rest };
  if (cvss.length) doc.cvss = cvss;
  if (cwes.length) doc.cwes = cwes;
  if (references.length) doc.references = references;
  if (provenance.recordId !== cveId) doc.recordId = provenance.recordId;
  return [versionId, cveId, source, provenance.contentHash, JSON.stringify(doc)];
}

export function docToAdvisory(doc: unknown): Advisory {
  return readJson<Advisory>(doc, undefined as unknown as Advisory);
}

/** Rebuilds an intel record from its compact document and the row's columns. */
export function docToIntel(row: { doc: unknown; cve_id: string; source: string; content_hash: string; fetched_at: string }): VulnerabilityIntel {
  const { recordId, ...doc } = readJson<Record<string, unknown>>(row.doc, {});
  return {
    cvss: [], cwes: [], references: [],
    ...(doc as Partial<VulnerabilityIntel>),
    cveId: row.cve_id,
    source: row.source,
    provenance: { feed: row.source, recordId: typeof recordId === 'string' ? recordId : row.cve_id, fetchedAt: row.fetched_at, contentHash: row.content_hash },
  };
}
