import { fastContentHash } from '../shared/fast-hash.js';
import type { EpssScore, VulnerabilityIntel } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { normalizeCveId } from '../shared/intel-record.js';
import type { EpssRow } from './epss.types.js';

/** What every row of one file shares (one object, not one per row). */
export interface EpssMappingContext {
  fetchedAt: string;
  /** Score date, YYYY-MM-DD. */
  date: string;
  modelVersion: string;
  file: string;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One CSV row → the EPSS part of a CVE's intel, or a rejection naming the line. The content
 * hash is a fast 64-bit FNV-1a of the row text (shared/fast-hash.ts): the row is the record, and this is the cheapest
 * canonical form (no object to serialize). Strings shared by every row (date, model, feed,
 * fetchedAt) are the same references, so 275k records cost objects, not copies.
 *
 * @example
 * epssRowToIntel({ line: 3, text: 'CVE-1999-0001,0.01297,0.7854', cve: 'CVE-1999-0001', epss: '0.01297', percentile: '0.7854' }, ctx).epss;
 * // { score: 0.01297, percentile: 0.7854, date: '2025-04-15', modelVersion: 'v2025.03.14' }
 */
export function epssRowToIntel(row: EpssRow, ctx: EpssMappingContext): VulnerabilityIntel | FeedRejection {
  const cveId = normalizeCveId(row.cve);
  if (cveId === undefined) return rowRejection(row, ctx, `invalid CVE id ${JSON.stringify(row.cve)} (expected CVE-YYYY-NNNN)`);
  const score = parseProbability(row.epss);
  if (score === undefined) return rowRejection(row, ctx, `epss ${JSON.stringify(row.epss)} is not a number between 0 and 1`, cveId);
  const percentile = parseProbability(row.percentile);
  if (percentile === undefined) return rowRejection(row, ctx, `percentile ${JSON.stringify(row.percentile)} is not a number between 0 and 1`, cveId);
  const epss: EpssScore = { score, percentile, date: ctx.date, modelVersion: ctx.modelVersion };
  const contentHash = fastContentHash(row.text);
  return { cveId, source: 'epss', cvss: [], cwes: [], references: [], epss, provenance: { feed: 'epss', recordId: cveId, fetchedAt: ctx.fetchedAt, contentHash } };
}

/** A plain decimal (scientific notation allowed) within 0..1; undefined otherwise. */
export function parseProbability(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined;
}

function rowRejection(row: EpssRow, ctx: EpssMappingContext, reason: string, recordId: string | undefined = row.cve || undefined): FeedRejection {
  return { recordId, location: `${ctx.file}:${row.line}`, reason: `line ${row.line}: ${reason}` };
}
