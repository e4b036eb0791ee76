/** The KEV catalog file as CISA publishes it (known_exploited_vulnerabilities.json). */
export interface KevCatalog {
  title?: string;
  /** "2026.08.07" */
  catalogVersion: string;
  /** "2026-08-07T16:45:47.0648Z" */
  dateReleased: string;
  count: number;
  vulnerabilities: unknown[];
}

/** One catalog entry, after it passed the schema. Dates are YYYY-MM-DD. */
export interface KevVulnerability {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  dueDate: string;
  knownRansomwareCampaignUse?: string;
  /** URLs separated by " ; " (sometimes ";"). */
  notes?: string;
  cwes?: string[];
}
