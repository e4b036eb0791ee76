/** JSON columns: SQLite returns text, PostgreSQL jsonb returns parsed values. Accept both. */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

/** Both engines accept JSON text for their JSON columns. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
