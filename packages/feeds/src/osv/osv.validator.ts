import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OSV_SCHEMA } from './osv.schema.js';
import type { OsvRecord } from './osv.types.js';

/** Why a record failed the schema: a JSON pointer into the record and the rule it broke. */
export interface OsvSchemaProblem {
  pointer: string;
  reason: string;
}

let compiled: ValidateFunction | undefined;

/**
 * The OSV schema validator, compiled once per process. Ajv's strict mode is off because the
 * upstream schema itself trips it (`required` inside an `if` without `properties`); the schema
 * is used as published.
 */
function osvValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: false, strict: false, verbose: true });
  addFormats.default(ajv, ['date-time', 'uri']);
  compiled = ajv.compile(OSV_SCHEMA);
  return compiled;
}

/**
 * Validates a parsed JSON value against the OSV schema.
 *
 * @example
 * const problem = validateOsvRecord(JSON.parse(text));
 * if (problem) console.log(problem.pointer, problem.reason); // "/affected/0/ranges/0/events" ...
 */
export function validateOsvRecord(value: unknown): OsvSchemaProblem | undefined {
  const validate = osvValidator();
  if (validate(value)) return undefined;
  return describeProblem(validate.errors ?? []);
}

/** Type guard form of {@link validateOsvRecord}. */
export function isOsvRecord(value: unknown): value is OsvRecord {
  return validateOsvRecord(value) === undefined;
}

function describeProblem(errors: ErrorObject[]): OsvSchemaProblem {
  const first = errors[0];
  if (first === undefined) return { pointer: '', reason: 'does not match the OSV schema' };
  const title = typeof first.parentSchema?.title === 'string' ? ` (${first.parentSchema.title})` : '';
  const params = first.keyword === 'enum' ? ` ${JSON.stringify(first.params)}` : first.keyword === 'pattern' ? ` (value ${JSON.stringify(first.data)})` : '';
  return { pointer: first.instancePath || '/', reason: `${first.keyword === 'pattern' ? 'does not match the pattern' : (first.message ?? first.keyword)}${params}${title}` };
}
