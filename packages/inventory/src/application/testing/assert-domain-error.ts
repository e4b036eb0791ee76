import assert from 'node:assert/strict';
import { isDomainError } from '@patchloop/core';
import type { ErrorLocation } from '@patchloop/core';

/** What a test expects of a thrown DomainError: its code and some of its location. */
export interface ExpectedError {
  code: string;
  line?: number;
  field?: string;
  /** A substring of the message. */
  message?: string;
}

/** Test helper: runs fn, asserts it throws a DomainError matching `want`, returns the error. */
export function assertThrowsDomainError(fn: () => unknown, want: ExpectedError): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(isDomainError(thrown), `expected a DomainError ${want.code}, got ${String(thrown)}`);
  const got: ErrorLocation = thrown.location ?? {};
  assert.equal(thrown.code, want.code, thrown.message);
  assert.equal(thrown.kind, 'invalid_input');
  if (want.line !== undefined) assert.equal(got.line, want.line, thrown.message);
  if (want.field !== undefined) assert.equal(got.field, want.field, thrown.message);
  if (want.message !== undefined) assert.ok(thrown.message.includes(want.message), thrown.message);
}
