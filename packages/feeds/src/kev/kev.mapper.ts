import type { KevEntry, VulnerabilityIntel } from '@patchloop/core';
import { contentHash } from '../shared/content-hash.js';
import { intelProvenance } from '../shared/intel-record.js';
import type { KevVulnerability } from './kev.types.js';

/** Per-file context of the mapping. */
export interface KevMappingContext {
  fetchedAt: string;
}

/**
 * One KEV catalog entry → the KEV part of a CVE's intel. `cveId` is the already normalized id;
 * the content hash covers the entry as published, so an unchanged entry keeps its hash.
 *
 * @example
 * kevVulnerabilityToIntel(entry, 'CVE-2023-4863', { fetchedAt }).kev?.dueDate; // '2023-10-04'
 */
export function kevVulnerabilityToIntel(entry: KevVulnerability, cveId: string, { fetchedAt }: KevMappingContext): VulnerabilityIntel {
  return {
    cveId,
    source: 'kev',
    description: entry.shortDescription,
    cvss: [],
    cwes: [...(entry.cwes ?? [])],
    references: [],
    kev: kevVulnerabilityToKevEntry(entry),
    provenance: intelProvenance('kev', cveId, fetchedAt, contentHash(entry)),
  };
}

/** The catalog fields of an entry, empty strings dropped. */
export function kevVulnerabilityToKevEntry(entry: KevVulnerability): KevEntry {
  return {
    dateAdded: entry.dateAdded,
    dueDate: entry.dueDate,
    knownRansomwareCampaignUse: ransomwareUse(entry.knownRansomwareCampaignUse),
    vendorProject: nonEmpty(entry.vendorProject),
    product: nonEmpty(entry.product),
    vulnerabilityName: nonEmpty(entry.vulnerabilityName),
    requiredAction: nonEmpty(entry.requiredAction),
    notes: nonEmpty(entry.notes),
  };
}

function ransomwareUse(value: string | undefined): KevEntry['knownRansomwareCampaignUse'] {
  return value === 'Known' || value === 'Unknown' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
