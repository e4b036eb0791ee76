import type { CvssMetric, CvssVersion, KevEntry, SsvcDecisionPoints } from '@patchloop/core';
import { normalizeUtcTimestamp, ssvcFromOptions } from '../shared/intel-record.js';
import type { Cve5Container, Cve5CvssData, Cve5Metric } from './cve5.types.js';

const CVSS_KEYS: readonly (readonly ['cvssV4_0' | 'cvssV3_1' | 'cvssV3_0' | 'cvssV2_0', CvssVersion])[] = [
  ['cvssV4_0', '4.0'],
  ['cvssV3_1', '3.1'],
  ['cvssV3_0', '3.0'],
  ['cvssV2_0', '2.0'],
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every CVSS block of a container's metrics, newest version first within each metrics item. */
export function cve5ContainerToCvss(container: Cve5Container, kind: 'cna' | 'adp'): CvssMetric[] {
  const scorer = container.providerMetadata.shortName;
  return (container.metrics ?? []).flatMap((metric: Cve5Metric) =>
    CVSS_KEYS.map(([key, version]) => cvssBlockToMetric(metric[key], version, scorer, kind)).filter((m): m is CvssMetric => m !== undefined),
  );
}

function cvssBlockToMetric(block: Cve5CvssData | undefined, version: CvssVersion, scorer: string | undefined, kind: string): CvssMetric | undefined {
  if (typeof block?.vectorString !== 'string' || block.vectorString === '') return undefined;
  return { version, vector: block.vectorString, baseScore: typeof block.baseScore === 'number' ? block.baseScore : undefined, scorer, kind };
}

/**
 * CISA ADP `other.type = "ssvc"`: options [{Exploitation: "active"}, {Automatable: "no"},
 * {"Technical Impact": "total"}] → lower-case decision points (the records mix "Active"/"active").
 */
export function cisaAdpToSsvc(adp: Cve5Container): SsvcDecisionPoints | undefined {
  for (const content of otherContents(adp, 'ssvc')) {
    const options = Array.isArray(content.options) ? (content.options as Record<string, unknown>[]) : undefined;
    const ssvc = ssvcFromOptions(options, normalizeUtcTimestamp(content.timestamp), 'CISA-ADP');
    if (ssvc) return ssvc;
  }
  return undefined;
}

/** CISA ADP `other.type = "kev"`: { dateAdded: "2024-10-15", reference }. */
export function cisaAdpToKev(adp: Cve5Container): KevEntry | undefined {
  for (const content of otherContents(adp, 'kev')) {
    if (typeof content.dateAdded === 'string' && DATE.test(content.dateAdded)) return { dateAdded: content.dateAdded };
  }
  return undefined;
}

function otherContents(container: Cve5Container, type: string): Record<string, unknown>[] {
  return (container.metrics ?? [])
    .map((m) => m.other)
    .map((o) => (o?.type?.toLowerCase() === type ? o.content : undefined))
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null);
}
