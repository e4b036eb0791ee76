import type { VulnerabilityIntel } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { invalidCveIdRejection, normalizeCveId } from '../shared/intel-record.js';
import { cve5RecordToIntel } from './cve5.mapper.js';
import { findCve5ShapeProblems } from './cve5.shape.js';
import type { Cve5Record } from './cve5.types.js';

export interface ParseCve5RecordOptions {
  fetchedAt: string;
  /** File name, the rejection location. */
  file: string;
}

/**
 * One parsed CVE JSON 5 document → intel, or a rejection: a shape this source cannot read, an
 * invalid CVE id, or a REJECTED record (withdrawn by its CNA: nothing to score).
 *
 * @example
 * parseCve5Record(JSON.parse(text), { fetchedAt, file: 'CVE-2011-0611.json' });
 */
export function parseCve5Record(json: unknown, { fetchedAt, file }: ParseCve5RecordOptions): VulnerabilityIntel | FeedRejection {
  const rawId = (json as { cveMetadata?: { cveId?: unknown } } | null)?.cveMetadata?.cveId;
  const recordId = typeof rawId === 'string' ? rawId : undefined;
  const problems = findCve5ShapeProblems(json);
  if (problems !== undefined) return { recordId, location: file, reason: `not a CVE 5 record this source can read: ${problems}` };
  const record = json as Cve5Record;
  const cveId = normalizeCveId(record.cveMetadata.cveId);
  if (cveId === undefined) return invalidCveIdRejection(record.cveMetadata.cveId, file);
  if (record.cveMetadata.state === 'REJECTED') return { recordId: cveId, location: file, reason: `CVE record state REJECTED${rejectedReason(record)}` };
  return cve5RecordToIntel(record, cveId, { fetchedAt });
}

function rejectedReason(record: Cve5Record): string {
  const reasons = record.containers.cna.rejectedReasons ?? [];
  const text = (reasons.find((r) => r.lang?.toLowerCase().startsWith('en')) ?? reasons[0])?.value;
  return text ? `: ${text}` : '';
}
