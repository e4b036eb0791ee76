import type { Advisory, VulnerabilityIntel } from '@patchloop/core';

/** Source names as shown in `patchloop feeds status`. */
export type FeedSourceName =
  | 'osv'
  | 'debian-oval'
  | 'debian-dsa'
  | 'debian-tracker'
  | 'ubuntu-oval'
  | 'alpine-secdb'
  | 'csaf'
  | 'nvd'
  | 'cve5'
  | 'kev'
  | 'epss';

export const FEED_SOURCE_NAMES: readonly FeedSourceName[] = ['osv', 'debian-oval', 'debian-dsa', 'debian-tracker', 'ubuntu-oval', 'alpine-secdb', 'csaf', 'nvd', 'cve5', 'kev', 'epss'];

/** One record a parser refused, as a value (the rest of the file still imports unless strict). */
export interface FeedRejection {
  /** The record's id when it could be read. */
  recordId?: string;
  /** File (and entry/line/JSON pointer) where the record was found. */
  location: string;
  reason: string;
}

/** Everything one file (or directory, or archive) of a feed produced. */
export interface FeedParseResult {
  source: FeedSourceName;
  /** Affected-package records (OSV, OVAL, secdb, CSAF ...). */
  advisories: Advisory[];
  /** Scoring / threat-intelligence records (NVD, CVE 5, KEV, EPSS). */
  intel: VulnerabilityIntel[];
  rejected: FeedRejection[];
  /** Records counted as the source defines them (KEV entries, EPSS rows, OVAL definitions ...). */
  records: number;
  /** The date the data describes (OVAL generator timestamp, KEV dateReleased, EPSS score_date), ISO. */
  dataDate?: string;
}

export interface FeedParseOptions {
  /** Provenance fetchedAt for every record (ISO). */
  fetchedAt: string;
  /** Refuse the whole input when any record is invalid (default: skip and list them). */
  strict?: boolean;
  /** Name to use in messages (defaults to the path's base name). */
  displayName?: string;
}

/**
 * One feed format. Each source folder (feeds/src/<source>/) exports one of these; the registry
 * (feeds/src/registry.ts) lists them. Fatal problems (corrupt or truncated input, archive bombs,
 * DTDs, absurd lines) throw a DomainError naming the file; bad records become `rejected`
 * (or, with strict, one DomainError E_FEED_STRICT listing them).
 */
export interface FeedFormat {
  readonly source: FeedSourceName;
  /** Content sniffing on the first (decompressed) bytes as text, plus the file name. */
  detect(head: string, fileName: string): boolean;
  /** Parses a file, an archive or a directory of records. */
  parsePath(path: string, opts: FeedParseOptions): Promise<FeedParseResult>;
}
