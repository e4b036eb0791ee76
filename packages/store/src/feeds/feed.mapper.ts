import { normalizePackageName, type Advisory, type AffectedPackage, type VulnerabilityIntel } from '@patchloop/core';
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
    const key = `${p.ecosystem}\u0000${p.packageKind}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([versionId, advisoryRecordId(a), p.ecosystem, p.packageKind, name]);
  }
  return rows;
}

export function intelToRow(versionId: string, i: VulnerabilityIntel): BulkValue[] {
  return [versionId, i.cveId, i.source, i.provenance.contentHash, JSON.stringify(i)];
}

export function docToAdvisory(doc: unknown): Advisory {
  return readJson<Advisory>(doc, undefined as unknown as Advisory);
}

export function docToIntel(doc: unknown): VulnerabilityIntel {
  return readJson<VulnerabilityIntel>(doc, undefined as unknown as VulnerabilityIntel);
}
