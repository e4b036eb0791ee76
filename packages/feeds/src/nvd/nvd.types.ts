// The NVD's own JSON shapes: CVE API 2.0 responses and the retired 1.1 data feeds. Fields are
// optional where the NVD omits them; the mappers check what they use.

/** One CVE API 2.0 response (a page). */
export interface NvdCveResponse {
  resultsPerPage: number;
  startIndex: number;
  totalResults: number;
  format: 'NVD_CVE';
  version: '2.0';
  timestamp?: string;
  vulnerabilities: { cve?: unknown }[];
}

export interface NvdLangString {
  lang?: string;
  value?: string;
}

export interface NvdCvssData {
  version?: string;
  vectorString?: string;
  baseScore?: number;
}

/** cvssMetricV2 / V30 / V31 / V40 items. */
export interface NvdCvssMetric {
  source?: string;
  type?: string;
  cvssData?: NvdCvssData;
}

export interface NvdSsvcMetric {
  source?: string;
  ssvcData?: { timestamp?: string; options?: Record<string, string>[] };
}

export interface NvdCve {
  id?: string;
  sourceIdentifier?: string;
  published?: string;
  lastModified?: string;
  vulnStatus?: string;
  cisaExploitAdd?: string;
  cisaActionDue?: string;
  cisaRequiredAction?: string;
  cisaVulnerabilityName?: string;
  descriptions?: NvdLangString[];
  metrics?: {
    cvssMetricV2?: NvdCvssMetric[];
    cvssMetricV30?: NvdCvssMetric[];
    cvssMetricV31?: NvdCvssMetric[];
    cvssMetricV40?: NvdCvssMetric[];
    ssvcV203?: NvdSsvcMetric[];
  };
  weaknesses?: { source?: string; type?: string; description?: NvdLangString[] }[];
  configurations?: unknown[];
  references?: { url?: string }[];
}

/** The retired NVD 1.1 JSON feed (nvdcve-1.1-2022.json): `CVE_Items[]`. */
export interface NvdLegacyFeed {
  CVE_data_type: string;
  CVE_data_format?: string;
  CVE_data_version?: string;
  /** A string in the real files ("660"). */
  CVE_data_numberOfCVEs?: string;
  CVE_data_timestamp?: string;
  CVE_Items: unknown[];
}

export interface NvdLegacyItem {
  cve?: {
    CVE_data_meta?: { ID?: string; ASSIGNER?: string };
    problemtype?: { problemtype_data?: { description?: NvdLangString[] }[] };
    references?: { reference_data?: { url?: string }[] };
    description?: { description_data?: NvdLangString[] };
  };
  configurations?: unknown;
  impact?: {
    baseMetricV2?: { cvssV2?: NvdCvssData };
    baseMetricV3?: { cvssV3?: NvdCvssData };
  };
  publishedDate?: string;
  lastModifiedDate?: string;
}
