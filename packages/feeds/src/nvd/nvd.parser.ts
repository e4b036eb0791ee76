import { invalidInput, type VulnerabilityIntel } from '@patchloop/core';
import type { FeedParseResult, FeedRejection } from '../feed-format.js';
import { isRecord, normalizeUtcTimestamp } from '../shared/intel-record.js';
import { checkNvdEnvelope } from './nvd.envelope.js';
import { E_NVD_INVALID } from './nvd.errors.js';
import { nvdLegacyItemToIntel } from './nvd.legacy.mapper.js';
import { isRejection, nvdCveToIntel, type NvdMappingContext } from './nvd.mapper.js';
import type { NvdLegacyFeed } from './nvd.types.js';

export interface ParseNvdDocumentOptions {
  fetchedAt: string;
  file: string;
}

type ItemMapper = (raw: unknown, ctx: NvdMappingContext) => VulnerabilityIntel | FeedRejection;

/**
 * One parsed NVD JSON document: a CVE API 2.0 response (`format: "NVD_CVE"`) or a retired 1.1
 * feed (`CVE_Items`). Anything else is E_NVD_INVALID. records = CVEs in the document.
 *
 * @example
 * parseNvdDocument(JSON.parse(text), { fetchedAt, file: 'CVE-2023-4863.json' }).intel[0]?.kev?.dateAdded; // '2023-09-13'
 */
export function parseNvdDocument(json: unknown, { fetchedAt, file }: ParseNvdDocumentOptions): FeedParseResult {
  if (isRecord(json) && 'CVE_Items' in json) return parseNvdLegacyFeed(json, fetchedAt, file);
  const { page, inconsistency } = checkNvdEnvelope(json, file);
  const items = page.vulnerabilities.map((v) => (isRecord(v) ? v.cve : v));
  const result = mapItems(items, `${file}#/vulnerabilities`, fetchedAt, nvdCveToIntel);
  return withEnvelope(result, inconsistency, normalizeUtcTimestamp(page.timestamp));
}

function parseNvdLegacyFeed(json: Record<string, unknown>, fetchedAt: string, file: string): FeedParseResult {
  if (json.CVE_data_type !== 'CVE' || !Array.isArray(json.CVE_Items)) throw invalidInput(E_NVD_INVALID, 'not an NVD 1.1 feed (CVE_data_type "CVE" with a CVE_Items array)', { file });
  const feed = json as unknown as NvdLegacyFeed;
  const result = mapItems(feed.CVE_Items, `${file}#/CVE_Items`, fetchedAt, nvdLegacyItemToIntel);
  const declared = Number(feed.CVE_data_numberOfCVEs);
  const inconsistency = feed.CVE_data_numberOfCVEs !== undefined && declared !== feed.CVE_Items.length
    ? { location: `${file}#/CVE_data_numberOfCVEs`, reason: `feed envelope inconsistent: CVE_data_numberOfCVEs ${JSON.stringify(feed.CVE_data_numberOfCVEs)} but ${feed.CVE_Items.length} CVE_Items` }
    : undefined;
  return withEnvelope(result, inconsistency, normalizeUtcTimestamp(feed.CVE_data_timestamp));
}

function mapItems(items: unknown[], base: string, fetchedAt: string, mapper: ItemMapper): FeedParseResult {
  const intel: VulnerabilityIntel[] = [];
  const rejected: FeedRejection[] = [];
  items.forEach((raw, index) => {
    const mapped = mapper(raw, { fetchedAt, location: `${base}/${index}` });
    if (isRejection(mapped)) rejected.push(mapped);
    else intel.push(mapped);
  });
  return { source: 'nvd', advisories: [], intel, rejected, records: items.length };
}

function withEnvelope(result: FeedParseResult, inconsistency: FeedRejection | undefined, dataDate: string | undefined): FeedParseResult {
  return { ...result, rejected: inconsistency ? [inconsistency, ...result.rejected] : result.rejected, dataDate };
}

/** Several documents (the pages of a sync) as one result; dataDate = the newest page timestamp. */
export function mergeNvdResults(results: readonly FeedParseResult[]): FeedParseResult {
  const dates = results.map((r) => r.dataDate).filter((d): d is string => d !== undefined).sort();
  return {
    source: 'nvd',
    advisories: [],
    intel: results.flatMap((r) => r.intel),
    rejected: results.flatMap((r) => r.rejected),
    records: results.reduce((sum, r) => sum + r.records, 0),
    dataDate: dates.at(-1),
  };
}
