/**
 * What kind of failure an error is. Callers at the edges map kinds, never messages:
 * the server turns them into HTTP statuses, the CLI into exit codes (one table each).
 */
export type ErrorKind =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'unavailable'
  | 'internal';

/** A stable, greppable error code such as E_VERSION_INVALID. */
export type ErrorCode = `E_${string}`;

/** Where in an input a problem was found: a file, a line, a JSON path or field. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
}

/**
 * The one error type the domain throws. `code` is stable and documented; `kind` drives
 * HTTP and exit-code mapping; `location` names the file/line/field when input was bad.
 *
 * @example
 * throw new DomainError('E_VERSION_INVALID', 'invalid_input', 'dpkg version "1:" has an empty upstream part');
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly location: ErrorLocation | undefined;

  constructor(
    code: ErrorCode,
    kind: ErrorKind,
    message: string,
    options: { cause?: unknown; location?: ErrorLocation } = {},
  ) {
    super(withLocation(message, options.location), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.location = options.location;
  }
}

function withLocation(message: string, location: ErrorLocation | undefined): string {
  if (!location) return message;
  const where = [location.file, location.line === undefined ? undefined : `line ${location.line}`, location.field]
    .filter((p) => p !== undefined && p !== '')
    .join(', ');
  return where ? `${where}: ${message}` : message;
}

/** Shorthand for the most common case: bad input. */
export function invalidInput(code: ErrorCode, message: string, location?: ErrorLocation, cause?: unknown): DomainError {
  return new DomainError(code, 'invalid_input', message, { location, cause });
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
