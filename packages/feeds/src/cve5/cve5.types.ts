// The parts of a CVE JSON 5 record (CVE Record Format 5.x) this source reads. Everything else
// in the record is ignored; the shape check (cve5.shape.ts) covers exactly these fields.

export interface Cve5Record {
  dataType: 'CVE_RECORD';
  dataVersion: string;
  cveMetadata: Cve5Metadata;
  containers: { cna: Cve5Container; adp?: Cve5Container[] };
}

export interface Cve5Metadata {
  cveId: string;
  state: 'PUBLISHED' | 'REJECTED';
  datePublished?: string;
  dateUpdated?: string;
  assignerShortName?: string;
}

export interface Cve5Container {
  providerMetadata: { orgId?: string; shortName?: string; dateUpdated?: string };
  descriptions?: { lang?: string; value?: string }[];
  metrics?: Cve5Metric[];
  problemTypes?: { descriptions?: { lang?: string; type?: string; cweId?: string; description?: string }[] }[];
  references?: { url?: string }[];
  /** REJECTED records carry these instead of descriptions. */
  rejectedReasons?: { lang?: string; value?: string }[];
}

export interface Cve5CvssData {
  version?: string;
  vectorString?: string;
  baseScore?: number;
}

/** One metrics[] item: a CVSS block, or `other` (CISA ADP: ssvc, kev). */
export interface Cve5Metric {
  cvssV4_0?: Cve5CvssData;
  cvssV3_1?: Cve5CvssData;
  cvssV3_0?: Cve5CvssData;
  cvssV2_0?: Cve5CvssData;
  other?: { type?: string; content?: Record<string, unknown> };
}

/** The ADP container CISA publishes through vulnrichment. */
export const CISA_ADP = 'CISA-ADP';
