/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text with leading whitespace and a byte-order mark removed, cut to `length` characters. */
export function textHead(text: string, length = 4096): string {
  const start = text.search(/[^\s\uFEFF]/);
  return start < 0 ? '' : text.slice(start, start + length);
}
