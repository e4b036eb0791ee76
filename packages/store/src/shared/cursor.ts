import { invalidInput } from '@patchloop/core';

/** Opaque pagination cursors: base64url of the last row's sort key. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw invalidInput('E_CURSOR_INVALID', `cursor "${cursor}" is not one this server issued`, { field: 'cursor' });
  return id;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
}
