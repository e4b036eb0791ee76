import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { invalidInput } from '@patchloop/core';
import spdxSchema from './schema/spdx-schema.js';
import { schemaErrorsToDomainError } from '../shared/schema-error.js';
import type { SpdxDocument } from './spdx.types.js';

/** The spdxVersion values this parser accepts; both are checked against the 2.3 schema. */
export const SPDX_VERSIONS: readonly string[] = ['SPDX-2.2', 'SPDX-2.3'];

let validator: ValidateFunction | undefined;

/**
 * Checks a parsed document against the SPDX 2.3 JSON schema (draft 2019-09); throws
 * E_SPDX_SCHEMA with the JSON pointer of the first problem. Compiles on first use, once.
 */
export function validateSpdxDocument(doc: unknown, spdxVersion: string, file?: string): asserts doc is SpdxDocument {
  if (!SPDX_VERSIONS.includes(spdxVersion)) {
    const supported = SPDX_VERSIONS.join(', ');
    throw invalidInput('E_SPDX_VERSION_UNSUPPORTED', `spdxVersion "${spdxVersion}" is not supported (${supported})`, { file, field: '/spdxVersion' });
  }
  const validate = spdxValidator();
  if (!validate(doc)) throw schemaErrorsToDomainError('E_SPDX_SCHEMA', 'SPDX 2.3', validate.errors ?? [], file);
}

function spdxValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2019({ strict: true, allErrors: false });
    ajvFormats.default(ajv);
    validator = ajv.compile(spdxSchema);
  }
  return validator;
}
