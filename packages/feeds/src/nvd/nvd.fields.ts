import type { CvssMetric, CvssVersion } from '@patchloop/core';
import type { NvdCvssData, NvdLangString } from './nvd.types.js';

const CVSS_VERSIONS: readonly string[] = ['2.0', '3.0', '3.1', '4.0'];
const CWE = /^CWE-\d+$/;

/**
 * One NVD cvssData → CvssMetric; undefined without a vector. The version is the one the NVD
 * states in cvssData, else the one implied by the metric's key (cvssMetricV31 → 3.1).
 */
export function nvdCvssDataToMetric(data: NvdCvssData | undefined, keyVersion: CvssVersion, scorer: string | undefined, kind: string | undefined): CvssMetric | undefined {
  if (typeof data?.vectorString !== 'string' || data.vectorString === '') return undefined;
  const version = typeof data.version === 'string' && CVSS_VERSIONS.includes(data.version) ? (data.version as CvssVersion) : keyVersion;
  const baseScore = typeof data.baseScore === 'number' ? data.baseScore : undefined;
  return { version, vector: data.vectorString, baseScore, scorer, kind };
}

/** CWE ids from NVD weakness/problemtype descriptions; NVD-CWE-Other/noinfo dropped, deduplicated. */
export function cweIdsFromDescriptions(descriptions: readonly (NvdLangString | undefined)[]): string[] {
  const ids = descriptions.map((d) => d?.value?.trim()).filter((v): v is string => v !== undefined && CWE.test(v));
  return [...new Set(ids)];
}

/** The English text of a lang/value list (en, en-US ...), else the first one. */
export function englishText(list: readonly NvdLangString[] | undefined): string | undefined {
  const texts = (list ?? []).filter((d) => typeof d.value === 'string');
  return (texts.find((d) => d.lang?.toLowerCase().startsWith('en')) ?? texts[0])?.value;
}

/** Distinct non-empty URLs in order. */
export function distinctUrls(refs: readonly ({ url?: unknown } | undefined)[] | undefined): string[] {
  return [...new Set((refs ?? []).map((r) => r?.url).filter((u): u is string => typeof u === 'string' && u !== ''))];
}
