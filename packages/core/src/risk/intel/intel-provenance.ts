import type { Provenance } from '../../advisory/advisory.js';
import type { VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';

/** Where one input of the risk engine came from: feed, record id in that feed, and the record's date. */
export interface IntelProvenance {
  readonly feed: string;
  readonly recordId: string;
  /** The record's modified date, else published, else when it was fetched (ISO-8601). */
  readonly date: string;
}

/** Provenance of a feed record (VulnerabilityIntel or Advisory). */
export function provenanceOf(record: { provenance: Provenance; modified?: string; published?: string }): IntelProvenance {
  return {
    feed: record.provenance.feed,
    recordId: record.provenance.recordId,
    date: record.modified ?? record.published ?? record.provenance.fetchedAt,
  };
}

/** Provenance of an intel record, with the date of the part used when it has one (EPSS score date, KEV dateAdded, SSVC timestamp). */
export function provenanceOfIntel(intel: VulnerabilityIntel, partDate?: string): IntelProvenance {
  const base = provenanceOf(intel);
  return partDate === undefined ? base : { ...base, date: partDate };
}
