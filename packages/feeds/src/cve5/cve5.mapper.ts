import type { VulnerabilityIntel } from '@patchloop/core';
import { contentHash } from '../shared/content-hash.js';
import { intelProvenance, normalizeUtcTimestamp } from '../shared/intel-record.js';
import { cisaAdpToKev, cisaAdpToSsvc, cve5ContainerToCvss } from './cve5.metrics.js';
import { CISA_ADP, type Cve5Container, type Cve5Record } from './cve5.types.js';

export interface Cve5MappingContext {
  fetchedAt: string;
}

const CWE = /^CWE-\d+$/;
const CWE_PREFIX = /^(CWE-\d+)\b/;

/**
 * A PUBLISHED CVE 5 record (shape already checked, id already normalized) → intel: the CNA's
 * description, CVSS (kind 'cna'), CWEs and references; every ADP's CVSS (kind 'adp'); from the
 * CISA ADP container also its CWEs, SSVC decision points and KEV date.
 *
 * @example
 * cve5RecordToIntel(record, 'CVE-2011-0611', { fetchedAt }).ssvc?.exploitation; // 'active'
 */
export function cve5RecordToIntel(record: Cve5Record, cveId: string, { fetchedAt }: Cve5MappingContext): VulnerabilityIntel {
  const { cna, adp = [] } = record.containers;
  const cisa = adp.find((c) => c.providerMetadata.shortName === CISA_ADP);
  return {
    cveId,
    source: 'cve5',
    published: normalizeUtcTimestamp(record.cveMetadata.datePublished),
    modified: normalizeUtcTimestamp(record.cveMetadata.dateUpdated),
    description: englishDescription(cna),
    cvss: [...cve5ContainerToCvss(cna, 'cna'), ...adp.flatMap((c) => cve5ContainerToCvss(c, 'adp'))],
    cwes: [...new Set([...containerCwes(cna), ...(cisa ? containerCwes(cisa) : [])])],
    references: [...new Set((cna.references ?? []).map((r) => r.url).filter((u): u is string => typeof u === 'string' && u !== ''))],
    kev: cisa ? cisaAdpToKev(cisa) : undefined,
    ssvc: cisa ? cisaAdpToSsvc(cisa) : undefined,
    provenance: intelProvenance('cve5', cveId, fetchedAt, contentHash(record)),
  };
}

/** The CNA's English description (en, en-US ...), else its first one. */
export function englishDescription(container: Cve5Container): string | undefined {
  const list = container.descriptions ?? [];
  return (list.find((d) => d.lang?.toLowerCase().startsWith('en')) ?? list[0])?.value;
}

/**
 * CWE ids of a container's problemTypes: `cweId` when given, else a description that starts
 * with "CWE-123" (free text like "n/a" or "Remote Code Execution" is not a CWE).
 */
export function containerCwes(container: Cve5Container): string[] {
  return (container.problemTypes ?? [])
    .flatMap((p) => p.descriptions ?? [])
    .map((d) => (typeof d.cweId === 'string' && CWE.test(d.cweId.trim()) ? d.cweId.trim() : CWE_PREFIX.exec(d.description?.trim() ?? '')?.[1]))
    .filter((c): c is string => c !== undefined);
}
