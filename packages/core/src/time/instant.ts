import { invalidInput } from '../errors/domain-error.js';

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO-8601 date or date-time into the canonical form every store uses
 * (UTC, milliseconds, "Z"). A bare date means its start in UTC; a date-time without an offset is UTC.
 * @example parseInstant('2026-11-26') // "2026-11-26T00:00:00.000Z"
 */
export function parseInstant(text: string, field = 'at'): string {
  const t = text.trim();
  if (!ISO_LIKE.test(t)) throw invalidInput('E_INSTANT_INVALID', `"${text}" is not an ISO-8601 date or date-time`, { field });
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(t) && t.length > 10;
  const normalized = t.length === 10 ? `${t}T00:00:00Z` : hasZone ? t.replace(' ', 'T') : `${t.replace(' ', 'T')}Z`;
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms)) throw invalidInput('E_INSTANT_INVALID', `"${text}" is not a valid date`, { field });
  return new Date(ms).toISOString();
}
