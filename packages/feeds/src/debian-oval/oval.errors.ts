import { invalidInput, type DomainError } from '@patchloop/core';

/** Malformed XML, a truncated file, a dangling reference: the file is not usable OVAL. */
export const E_OVAL_INVALID = 'E_OVAL_INVALID';
/** A DOCTYPE or a non-built-in entity reference: refused before anything is expanded. */
export const E_XML_DTD_FORBIDDEN = 'E_XML_DTD_FORBIDDEN';
/** A .bz2 input whose compressed stream is corrupt. */
export const E_BZ2_INVALID = 'E_BZ2_INVALID';

/** An E_OVAL_INVALID error naming the file and line. */
export function ovalInvalid(message: string, file: string | undefined, line: number | undefined, cause?: unknown): DomainError {
  return invalidInput(E_OVAL_INVALID, message, { file, line }, cause);
}
