import type { CvssMetric, CvssVersion, KevEntry, SsvcDecisionPoints, VulnerabilityIntel } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { contentHash } from '../shared/content-hash.js';
import { intelProvenance, invalidCveIdRejection, isRecord, normalizeCveId, normalizeUtcTimestamp, ssvcFromOptions } from '../shared/intel-record.js';
import { cweIdsFromDescriptions, distinctUrls, englishText, nvdCvssDataToMetric } from './nvd.fields.js';
import type { NvdCve, NvdCvssMetric } from './nvd.types.js';

export interface NvdMappingContext {
  fetchedAt: string;
  /** file#/vulnerabilities/N, for rejections. */
  location: string;
}

const METRIC_KEYS: readonly (readonly ['cvssMetricV2' | 'cvssMetricV30' | 'cvssMetricV31' | 'cvssMetricV40', CvssVersion])[] = [
  ['cvssMetricV40', '4.0'],
  ['cvssMetricV31', '3.1'],
  ['cvssMetricV30', '3.0'],
  ['cvssMetricV2', '2.0'],
];

/**
 * One `vulnerabilities[].cve` of a CVE API 2.0 response → intel, or a rejection (no object, bad
 * id). Timestamps are UTC without a zone in the API; they come out as ISO with Z.
 *
 * @example
 * nvdCveToIntel(page.vulnerabilities[0].cve, { fetchedAt, location: 'CVE-2023-4863.json#/vulnerabilities/0' });
 */
export function nvdCveToIntel(raw: unknown, { fetchedAt, location }: NvdMappingContext): VulnerabilityIntel | FeedRejection {
  if (!isRecord(raw)) return { location, reason: 'vulnerabilities[] item has no cve object' };
  const cve = raw as NvdCve;
  const cveId = normalizeCveId(cve.id);
  if (cveId === undefined) return invalidCveIdRejection(cve.id, location);
  return {
    cveId,
    source: 'nvd',
    published: normalizeUtcTimestamp(cve.published),
    modified: normalizeUtcTimestamp(cve.lastModified),
    description: englishText(cve.descriptions),
    cvss: nvdCveToCvss(cve),
    cwes: cweIdsFromDescriptions((cve.weaknesses ?? []).flatMap((w) => w.description ?? [])),
    references: distinctUrls(cve.references),
    kev: nvdCveToKev(cve),
    ssvc: nvdCveToSsvc(cve),
    cpeConfigurations: cve.configurations,
    provenance: intelProvenance('nvd', cveId, fetchedAt, contentHash(raw)),
  };
}

/** Every CVSS metric, newest version first, each with its scorer (source) and Primary/Secondary. */
export function nvdCveToCvss(cve: NvdCve): CvssMetric[] {
  return METRIC_KEYS.flatMap(([key, version]) =>
    (cve.metrics?.[key] ?? []).map((m: NvdCvssMetric) => nvdCvssDataToMetric(m.cvssData, version, m.source, m.type)).filter((m): m is CvssMetric => m !== undefined),
  );
}

/** NVD copies KEV into cisaExploitAdd / cisaActionDue / cisaRequiredAction / cisaVulnerabilityName. */
export function nvdCveToKev(cve: NvdCve): KevEntry | undefined {
  if (typeof cve.cisaExploitAdd !== 'string' || cve.cisaExploitAdd === '') return undefined;
  return {
    dateAdded: cve.cisaExploitAdd,
    dueDate: cve.cisaActionDue,
    requiredAction: cve.cisaRequiredAction,
    vulnerabilityName: cve.cisaVulnerabilityName,
  };
}

/** metrics.ssvcV203 (CISA's SSVC, copied by the NVD): the first one with decision points. */
export function nvdCveToSsvc(cve: NvdCve): SsvcDecisionPoints | undefined {
  for (const metric of cve.metrics?.ssvcV203 ?? []) {
    const ssvc = ssvcFromOptions(metric.ssvcData?.options, normalizeUtcTimestamp(metric.ssvcData?.timestamp), metric.source);
    if (ssvc) return ssvc;
  }
  return undefined;
}

/** Type guard for mapper results. */
export function isRejection(value: VulnerabilityIntel | FeedRejection): value is FeedRejection {
  return 'reason' in value;
}
