import { invalidInput, type VulnerabilityIntel } from '@patchloop/core';
import type { FeedParseResult, FeedRejection } from '../feed-format.js';
import { invalidCveIdRejection, normalizeCveId } from '../shared/intel-record.js';
import { E_KEV_INVALID } from './kev.errors.js';
import { kevVulnerabilityToIntel } from './kev.mapper.js';
import type { KevCatalog } from './kev.types.js';
import { describeSchemaErrors, kevValidators } from './kev.validator.js';

export interface ParseKevCatalogOptions {
  fetchedAt: string;
  /** File name for messages and rejection locations. */
  file: string;
}

/**
 * Checks a parsed KEV catalog against CISA's schema and maps every valid entry. The envelope
 * must be valid (else E_KEV_INVALID); an invalid entry is a rejected value located by its index.
 * A `count` that disagrees with the entries is reported as a rejection too (nothing is dropped).
 *
 * @example
 * const result = parseKevCatalog(JSON.parse(text), { fetchedAt, file: 'known_exploited_vulnerabilities.json' });
 * result.records; // 1662
 */
export function parseKevCatalog(json: unknown, { fetchedAt, file }: ParseKevCatalogOptions): FeedParseResult {
  const catalog = checkKevEnvelope(json, file);
  const intel: VulnerabilityIntel[] = [];
  const rejected: FeedRejection[] = [];
  catalog.vulnerabilities.forEach((entry, index) => {
    const mapped = mapKevEntry(entry, `${file}#/vulnerabilities/${index}`, fetchedAt);
    if ('reason' in mapped) rejected.push(mapped);
    else intel.push(mapped);
  });
  if (catalog.count !== catalog.vulnerabilities.length) {
    rejected.push({ location: `${file}#/count`, reason: `count says ${catalog.count} but the catalog lists ${catalog.vulnerabilities.length} entries` });
  }
  return { source: 'kev', advisories: [], intel, rejected, records: catalog.vulnerabilities.length, dataDate: kevDataDate(catalog) };
}

function checkKevEnvelope(json: unknown, file: string): KevCatalog {
  const { catalog } = kevValidators();
  if (!catalog(json)) throw invalidInput(E_KEV_INVALID, `not a KEV catalog: ${describeSchemaErrors(catalog.errors)}`, { file });
  return json;
}

function mapKevEntry(entry: unknown, location: string, fetchedAt: string): VulnerabilityIntel | FeedRejection {
  const { entry: validEntry } = kevValidators();
  const rawId = (entry as { cveID?: unknown } | null)?.cveID;
  if (!validEntry(entry)) {
    return { recordId: typeof rawId === 'string' ? rawId : undefined, location, reason: `schema: ${describeSchemaErrors(validEntry.errors)}` };
  }
  const cveId = normalizeCveId(entry.cveID);
  if (cveId === undefined) return invalidCveIdRejection(entry.cveID, location);
  return kevVulnerabilityToIntel(entry, cveId, { fetchedAt });
}

/** dateReleased as ISO, else catalogVersion "2026.08.07" read as a date. */
export function kevDataDate(catalog: Pick<KevCatalog, 'dateReleased' | 'catalogVersion'>): string | undefined {
  const released = new Date(catalog.dateReleased);
  if (!Number.isNaN(released.getTime())) return released.toISOString();
  const version = /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(catalog.catalogVersion);
  return version ? `${version[1]}-${version[2]}-${version[3]}` : undefined;
}
