import { isDomainError, type Advisory } from '@patchloop/core';
import type { FeedRejection } from '../feed-format.js';
import { osvRecordToAdvisory } from './osv.mapper.js';
import type { OsvRecord } from './osv.types.js';
import { validateOsvRecord } from './osv.validator.js';

/** One record read: its advisory, or why it was refused. */
export type OsvRecordOutcome = { advisory: Advisory; rejection?: undefined } | { advisory?: undefined; rejection: FeedRejection };

/**
 * Parse, validate and map the text of one OSV record. Bad JSON, a schema violation (with the
 * JSON pointer) and an unmappable record come back as a rejection, never thrown.
 *
 * @example
 * const { advisory, rejection } = parseOsvRecordText(text, { location: 'all.zip!GO-2022-0969.json', fetchedAt });
 */
export function parseOsvRecordText(text: string, { location, fetchedAt }: { location: string; fetchedAt: string }): OsvRecordOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { rejection: { location, reason: `not valid JSON: ${(e as Error).message}` } };
  }
  const recordId = idOf(value);
  const problem = validateOsvRecord(value);
  if (problem) return { rejection: dropUndefinedId({ recordId, location: `${location}#${problem.pointer}`, reason: `OSV schema: ${problem.pointer} ${problem.reason}` }) };
  try {
    return { advisory: osvRecordToAdvisory(value as OsvRecord, { fetchedAt }) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { rejection: dropUndefinedId({ recordId, location: e.location?.field ? `${location}#${e.location.field}` : location, reason: e.message }) };
  }
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function dropUndefinedId(r: FeedRejection): FeedRejection {
  if (r.recordId === undefined) delete r.recordId;
  return r;
}
