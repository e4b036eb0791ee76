import type { CvssMetric, VulnerabilityIntel } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { contentHash } from '../shared/content-hash.js';
import { intelProvenance, invalidCveIdRejection, isRecord, normalizeCveId, normalizeUtcTimestamp } from '../shared/intel-record.js';
import { cweIdsFromDescriptions, distinctUrls, englishText, nvdCvssDataToMetric } from './nvd.fields.js';
import type { NvdLegacyItem } from './nvd.types.js';
import type { NvdMappingContext } from './nvd.mapper.js';

/**
 * One `CVE_Items[]` entry of the retired NVD 1.1 feed → intel. The 1.1 feed only carried NVD's
 * own scores, so every metric is scorer nvd@nist.gov, kind Primary.
 *
 * @example
 * nvdLegacyItemToIntel(feed.CVE_Items[0], { fetchedAt, location: 'nvdcve-1.1-2022.json#/CVE_Items/0' }).cveId; // 'CVE-2022-0090'
 */
export function nvdLegacyItemToIntel(raw: unknown, { fetchedAt, location }: NvdMappingContext): VulnerabilityIntel | FeedRejection {
  if (!isRecord(raw) || !isRecord(raw.cve)) return { location, reason: 'CVE_Items[] entry has no cve object' };
  const item = raw as NvdLegacyItem;
  const rawId = item.cve?.CVE_data_meta?.ID;
  const cveId = normalizeCveId(rawId);
  if (cveId === undefined) return invalidCveIdRejection(rawId, location);
  return {
    cveId,
    source: 'nvd',
    published: normalizeUtcTimestamp(item.publishedDate),
    modified: normalizeUtcTimestamp(item.lastModifiedDate),
    description: englishText(item.cve?.description?.description_data),
    cvss: nvdLegacyItemToCvss(item),
    cwes: cweIdsFromDescriptions((item.cve?.problemtype?.problemtype_data ?? []).flatMap((p) => p.description ?? [])),
    references: distinctUrls(item.cve?.references?.reference_data),
    cpeConfigurations: item.configurations,
    provenance: intelProvenance('nvd', cveId, fetchedAt, contentHash(raw)),
  };
}

/** baseMetricV3 (3.0 or 3.1, as its cvssV3.version says) then baseMetricV2. */
export function nvdLegacyItemToCvss(item: NvdLegacyItem): CvssMetric[] {
  const v3 = nvdCvssDataToMetric(item.impact?.baseMetricV3?.cvssV3, '3.1', 'nvd@nist.gov', 'Primary');
  const v2 = nvdCvssDataToMetric(item.impact?.baseMetricV2?.cvssV2, '2.0', 'nvd@nist.gov', 'Primary');
  return [v3, v2].filter((m): m is CvssMetric => m !== undefined);
}
