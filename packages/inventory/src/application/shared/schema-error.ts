import { invalidInput } from '@patchloop/core';
import type { DomainError, ErrorCode } from '@patchloop/core';
import type { ErrorObject } from 'ajv';

/** How many schema problems a message lists before "and N more". */
const LISTED_PROBLEMS = 3;

/**
 * Turns ajv's errors into one invalidInput: `field` is the JSON pointer of the first problem
 * (for a missing property, the pointer of that property), the message lists the first few.
 */
export function schemaErrorsToDomainError(
  code: ErrorCode,
  schemaName: string,
  errors: readonly ErrorObject[],
  file: string | undefined,
): DomainError {
  const first = errors[0];
  const field = first === undefined ? '' : errorPointer(first);
  const listed = errors.slice(0, LISTED_PROBLEMS).map((e) => `${errorPointer(e) || '/'} ${e.message ?? 'is invalid'}`);
  const more = errors.length > LISTED_PROBLEMS ? ` and ${errors.length - LISTED_PROBLEMS} more` : '';
  return invalidInput(code, `does not match the ${schemaName} schema: ${listed.join('; ')}${more}`, { file, field: field || '/' });
}

/** The JSON pointer an ajv error is about; "required" errors point at the missing property. */
export function errorPointer(error: ErrorObject): string {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  if (missing === undefined) return error.instancePath;
  return `${error.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A JSON pointer from path segments, escaped per RFC 6901. */
export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
