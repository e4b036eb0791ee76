import type { Finding, InstalledPackage, MatchExplanation } from '@patchloop/core';
import type { FindingRow } from '../schema.js';
import { readJson, writeJson } from '../shared/json.js';

/** A finding as stored: the matcher's finding plus its lifecycle. */
export interface StoredFinding {
  key: string;
  assetId: string;
  advisoryId: string;
  advisorySource: string;
  vulnerabilityIds: string[];
  package: InstalledPackage;
  fixedVersion?: string;
  status: string;
  explanation: MatchExplanation;
  firstSeen: string;
  lastSeen: string;
  resolvedAt?: string;
  reopenedCount: number;
}

type ContentColumns = Omit<FindingRow, 'finding_key' | 'first_seen' | 'last_seen' | 'resolved_at' | 'reopened_count'>;

/** Matcher finding -> the columns that describe it (lifecycle columns are set by the repository). */
export function findingToColumns(f: Finding): ContentColumns {
  return {
    asset_id: f.assetId,
    advisory_id: f.advisoryId,
    advisory_source: f.advisorySource,
    vulnerability_ids: writeJson(f.vulnerabilityIds),
    ecosystem: f.package.ecosystem,
    package_name: f.package.name,
    package_version: f.package.version,
    arch: f.package.arch ?? null,
    source_name: f.package.sourceName ?? null,
    source_version: f.package.sourceVersion ?? null,
    fixed_version: f.fixedVersion ?? null,
    status: f.status,
    explanation: writeJson(f.explanation),
  };
}

export function findingRowToStored(r: FindingRow): StoredFinding {
  const pkg: InstalledPackage = { ecosystem: r.ecosystem, name: r.package_name, version: r.package_version };
  if (r.arch !== null) pkg.arch = r.arch;
  if (r.source_name !== null) pkg.sourceName = r.source_name;
  if (r.source_version !== null) pkg.sourceVersion = r.source_version;
  return {
    key: r.finding_key,
    assetId: r.asset_id,
    advisoryId: r.advisory_id,
    advisorySource: r.advisory_source,
    vulnerabilityIds: readJson<string[]>(r.vulnerability_ids, []),
    package: pkg,
    ...(r.fixed_version !== null ? { fixedVersion: r.fixed_version } : {}),
    status: r.status,
    explanation: readJson<MatchExplanation>(r.explanation, {} as MatchExplanation),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    ...(r.resolved_at !== null ? { resolvedAt: r.resolved_at } : {}),
    reopenedCount: r.reopened_count,
  };
}
