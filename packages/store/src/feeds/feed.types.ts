import type { Advisory, VulnerabilityIntel } from '@patchloop/core';

/** What an import hands to the store: one complete version of one source. */
export interface FeedVersionInput {
  source: string;
  /** sha256 of the raw input (file bytes, or the files of a directory): unchanged input is skipped before parsing. */
  inputHash: string;
  /** Records counted as the source defines them. */
  records: number;
  rejected: number;
  dataDate?: string;
  fetchedAt: string;
  /** Path or URL the data came from. */
  origin?: string;
  advisories: readonly Advisory[];
  intel: readonly VulnerabilityIntel[];
}

/** Which advisory records an import added, changed or removed (drives incremental re-matching). */
export interface AdvisoryChanges {
  added: Advisory[];
  changed: Advisory[];
  /** The previous versions of changed and removed records. */
  previous: Advisory[];
  removed: Advisory[];
}

export interface FeedImportOutcome {
  source: string;
  versionId: string;
  /** True when the content equals the active version's: nothing was written. */
  unchanged: boolean;
  changes: AdvisoryChanges;
  intelRecords: number;
}

/** One source's state for `feeds status`. */
export interface FeedSourceStatus {
  source: string;
  activeVersionId?: string;
  records?: number;
  advisories?: number;
  intel?: number;
  rejected?: number;
  dataDate?: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  etag?: string;
  lastModified?: string;
  origin?: string;
}

/** A package group as advisories name it. */
export interface PackageGroup {
  ecosystem: string;
  kind: 'source' | 'binary';
  name: string;
}

/** A stored (advisory, package group) row's plain fixed version, for a caller deciding whether to skip it. */
export interface MatchDocHint extends PackageGroup {
  /** core plainFixedVersionOf: the entry is exactly "introduced 0, fixed fixedBelow". */
  fixedBelow: string;
}
