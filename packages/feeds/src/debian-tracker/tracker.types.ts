/** The security tracker JSON (`/tracker/data/json`): source package -> issue id -> issue. */
export type TrackerDocument = Record<string, TrackerPackage>;

/** Issue id ("CVE-2021-37231", "TEMP-0000000-A2EB44") -> issue, for one source package. */
export type TrackerPackage = Record<string, TrackerIssue>;

export interface TrackerIssue {
  scope?: string;
  debianbug?: number;
  description?: string;
  /** Codename -> status; the tracker writes `[]` when no release is listed. */
  releases?: Record<string, TrackerRelease> | [];
}

export interface TrackerRelease {
  status?: 'resolved' | 'open' | 'undetermined' | string;
  /** Suite -> version currently in it ("bullseye-security": "98.0.4758.102-1~deb11u1"). */
  repositories?: Record<string, string>;
  /** "0" when the release was never affected. */
  fixed_version?: string;
  /** "low", "medium**", "unimportant", "end-of-life", "not yet assigned" ... */
  urgency?: string;
  /** The no-DSA text ("Minor issue"). */
  nodsa?: string;
  /** "postponed", "ignored" or "". */
  nodsa_reason?: string;
}
