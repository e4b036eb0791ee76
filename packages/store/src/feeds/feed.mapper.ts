import { canonicalEcosystem, normalizePackageName, plainFixedVersionOf, type Advisory, type AffectedPackage, type PackageKind, type VulnerabilityIntel } from '@patchloop/core';
import type { BulkValue } from '../shared/bulk-insert.js';
import { readJson } from '../shared/json.js';

/** The key of an advisory record within its source: the feed's own record id. */
export function advisoryRecordId(a: Advisory): string {
  return a.provenance.recordId || a.id;
}

export const ADVISORY_COLUMNS = ['version_id', 'record_id', 'source', 'advisory_id', 'content_hash', 'doc'] as const;
export const PACKAGE_COLUMNS = ['version_id', 'record_id', 'ecosystem', 'kind', 'name'] as const;
export const MATCH_GROUP_COLUMNS = ['ecosystem', 'name', 'version_id', 'kind', 'entries'] as const;
export const MATCH_DOC_COLUMNS = ['version_id', 'record_id', 'doc'] as const;
export const INTEL_COLUMNS = ['version_id', 'cve_id', 'source', 'content_hash', 'doc'] as const;

export function advisoryToRow(versionId: string, a: Advisory): BulkValue[] {
  return [versionId, advisoryRecordId(a), a.source, a.id, a.provenance.contentHash, JSON.stringify(a)];
}

/** One row per distinct (ecosystem, kind, name) the advisory names; names in the matcher's normal form (PyPI: PEP 503). */
export function advisoryPackageRows(versionId: string, a: Advisory): BulkValue[][] {
  return packageGroupsOf(a).map((g) => [versionId, advisoryRecordId(a), g.ecosystem, g.kind, g.name]);
}

/** One advisory as its package group's row lists it: record id, advisory id, plain fixed version or null. */
export type MatchGroupEntry = [recordId: string, advisoryId: string, fixedBelow: string | null];

/**
 * Collects advisories of one feed version into match-group rows: one per package group (the same
 * groups as advisoryPackageRows) listing its advisories by record id, each with the group's plain
 * fixed version when it has one (core plainFixedVersionOf).
 *
 * @example
 * const groups = new MatchGroupBuilder();
 * for (const a of advisories) groups.add(a);
 * await bulk.insert(trx, 'advisory_match_groups', MATCH_GROUP_COLUMNS, groups.rows(versionId));
 */
export class MatchGroupBuilder {
  private readonly groups = new Map<string, { ecosystem: string; kind: PackageKind; name: string; entries: MatchGroupEntry[] }>();

  add(a: Advisory): void {
    for (const g of packageGroupsOf(a)) {
      const key = `${g.ecosystem}\u0000${g.kind}\u0000${g.name}`;
      const group = this.groups.get(key) ?? this.groups.set(key, { ...g, entries: [] }).get(key)!;
      group.entries.push([advisoryRecordId(a), a.id, plainFixedVersionOf(a, g) ?? null]);
    }
  }

  /** The rows, entries in record-id order. */
  rows(versionId: string): BulkValue[][] {
    return [...this.groups.values()].map((g) => [g.ecosystem, g.name, versionId, g.kind, JSON.stringify(g.entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)))]);
  }
}

/** The advisory's match document row (advisoryMatchDoc). */
export function advisoryMatchDocRow(versionId: string, a: Advisory): BulkValue[] {
  return [versionId, advisoryRecordId(a), JSON.stringify(advisoryMatchDoc(a))];
}

/**
 * What matching and assessment read of an advisory: all of it but the prose (summary, details,
 * references). Migration 20261127T0200 backfills the same shape in SQL.
 */
export function advisoryMatchDoc(a: Advisory): Omit<Advisory, 'summary' | 'details' | 'references'> {
  const { summary: _summary, details: _details, references: _references, ...rest } = a;
  return rest;
}

/** A match document back as an advisory, its prose empty. */
export function matchDocToAdvisory(doc: unknown): Advisory {
  const a = readJson<Advisory>(doc, undefined as unknown as Advisory);
  a.references ??= [];
  return a;
}

function packageGroupsOf(a: Advisory): { ecosystem: string; kind: PackageKind; name: string }[] {
  const seen = new Set<string>();
  const groups: { ecosystem: string; kind: PackageKind; name: string }[] = [];
  for (const p of a.affected as AffectedPackage[]) {
    const name = normalizePackageName(p.ecosystem, p.name);
    const ecosystem = canonicalEcosystem(p.ecosystem);
    const key = `${ecosystem}\u0000${p.packageKind}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push({ ecosystem, kind: p.packageKind, name });
  }
  return groups;
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
