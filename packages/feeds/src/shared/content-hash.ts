import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so the
 * same record always serializes to the same bytes whatever order it was built in.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }); // '{"a":[{"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** sha256 of the canonical JSON of `value`, lower-case hex. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sortKeys(member);
  }
  return out;
}
