import type { ErrorKind } from '@patchloop/core';

/**
 * The one table of exit codes. Documented in the README ("Exit codes"); scripts may rely on it.
 */
export const EXIT = {
  ok: 0,
  /** A check found what it was asked to fail on (e.g. scan --fail-on). */
  findings: 1,
  /** Bad command line: unknown option, missing argument. */
  usage: 2,
  invalidInput: 3,
  notFound: 4,
  conflict: 5,
  unavailable: 6,
  denied: 7,
  tooLarge: 8,
  internal: 70,
} as const;

export const EXIT_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: EXIT.invalidInput,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  unavailable: EXIT.unavailable,
  unauthorized: EXIT.denied,
  forbidden: EXIT.denied,
  too_large: EXIT.tooLarge,
  internal: EXIT.internal,
};
