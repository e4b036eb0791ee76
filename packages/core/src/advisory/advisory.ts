/**
 * The one advisory model every feed is normalized into. OSV-shaped
 * (https://ossf.github.io/osv-schema/) with the additions distro feeds need: whether a package
 * name is a source or binary package, and distro status such as "unfixed" or "no-dsa".
 */
export interface Advisory {
  /** Record id in its source, e.g. "GO-2022-0969", "DSA-5380-1", "CVE-2023-1393" (Debian OVAL: the CVE). */
  id: string;
  aliases: string[];
  /** Feed the record came from: osv, debian-oval, alpine-secdb, csaf ... */
  source: string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  summary?: string;
  details?: string;
  affected: AffectedPackage[];
  severities: Severity[];
  references: Reference[];
  provenance: Provenance;
}

export type PackageKind = 'source' | 'binary';

export interface AffectedPackage {
  /** OSV ecosystem, keyed by release where the ecosystem has releases: "Debian:12", "Alpine:v3.19", "npm". */
  ecosystem: string;
  name: string;
  /** Debian-family and rpm feeds name source packages; language ecosystems name the package itself ("binary"). */
  packageKind: PackageKind;
  purl?: string;
  ranges: VersionRange[];
  /** Explicitly listed affected versions (OSV `versions`). */
  versions: string[];
  /** Distro status for this package in this release, when the feed gives one. */
  status?: DistroStatus;
  /** Free-text note from the feed (e.g. the no-dsa reason). */
  statusNote?: string;
}

export type RangeType = 'ECOSYSTEM' | 'SEMVER' | 'GIT';

/** OSV range events, evaluated in order as the OSV schema specifies. */
export type RangeEvent =
  | { introduced: string }
  | { fixed: string }
  | { last_affected: string }
  | { limit: string };

export interface VersionRange {
  type: RangeType;
  /** GIT ranges only: the repository URL. */
  repo?: string;
  events: RangeEvent[];
}

/**
 * Debian-tracker style status of a package in a release.
 * - fixed: a fixed version exists (ranges carry it)
 * - unfixed: affected, no fix yet (ranges are open-ended)
 * - no-dsa: affected, the distro decided not to issue an advisory (minor issue)
 * - not-affected: this release's package never had the flaw
 * - end-of-life: the package/release is no longer supported
 * - postponed / ignored / under-investigation: as the tracker uses them
 */
export type DistroStatus =
  | 'fixed'
  | 'unfixed'
  | 'no-dsa'
  | 'not-affected'
  | 'end-of-life'
  | 'postponed'
  | 'ignored'
  | 'under-investigation';

export type SeverityType = 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu' | 'Debian' | 'vendor';

export interface Severity {
  type: SeverityType;
  /** CVSS vector string, or a qualitative value for the non-CVSS types. */
  score: string;
  /** Who assigned it (vendor, nvd, cisa-adp ...), when known. */
  source?: string;
}

export interface Reference {
  type: string;
  url: string;
}

export interface Provenance {
  feed: string;
  /** The record's id in the feed (may differ from Advisory.id, e.g. an OVAL definition id). */
  recordId: string;
  fetchedAt: string;
  /** sha256 of the record's canonical content, hex. */
  contentHash: string;
}
