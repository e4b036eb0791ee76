import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { invalidInput } from '@patchloop/core';
import bom14 from './schema/bom-1.4.schema.js';
import bom15 from './schema/bom-1.5.schema.js';
import bom16 from './schema/bom-1.6.schema.js';
import spdxLicenses from './schema/spdx.schema.js';
import jsf from './schema/jsf-0.82.schema.js';
import { schemaErrorsToDomainError } from '../shared/schema-error.js';
import type { CycloneDxBom } from './cyclonedx.types.js';

type SchemaVersion = '1.4' | '1.5' | '1.6';

/**
 * specVersion -> schema it is checked against. 1.2 and 1.3 use the 1.4 schema: 1.4 only added
 * fields, and the real 1.2 SBOMs in feeds/sbom (keycloak, dropwizard, juice-shop ...) validate against it.
 */
const SCHEMA_FOR_SPEC: Record<string, SchemaVersion> = { '1.2': '1.4', '1.3': '1.4', '1.4': '1.4', '1.5': '1.5', '1.6': '1.6' };
const SCHEMAS: Record<SchemaVersion, object> = { '1.4': bom14, '1.5': bom15, '1.6': bom16 };

/** The CycloneDX specVersions this parser accepts. */
export const CYCLONEDX_SPEC_VERSIONS: readonly string[] = Object.keys(SCHEMA_FOR_SPEC);

let ajv: Ajv | undefined;
const validators = new Map<SchemaVersion, ValidateFunction>();

/**
 * Checks a parsed BOM against the official schema of its specVersion; throws E_CYCLONEDX_SCHEMA
 * with the JSON pointer of the first problem as `field`. Validators compile on first use, once.
 */
export function validateCycloneDxBom(doc: unknown, specVersion: string, file?: string): asserts doc is CycloneDxBom {
  const version = SCHEMA_FOR_SPEC[specVersion];
  if (version === undefined) {
    const supported = CYCLONEDX_SPEC_VERSIONS.join(', ');
    throw invalidInput('E_CYCLONEDX_VERSION_UNSUPPORTED', `specVersion "${specVersion}" is not supported (${supported})`, { file, field: '/specVersion' });
  }
  const validate = validatorFor(version);
  if (!validate(doc)) throw schemaErrorsToDomainError('E_CYCLONEDX_SCHEMA', `CycloneDX ${version}`, validate.errors ?? [], file);
}

function validatorFor(version: SchemaVersion): ValidateFunction {
  let validate = validators.get(version);
  if (validate === undefined) {
    validate = sharedAjv().compile(SCHEMAS[version]);
    validators.set(version, validate);
  }
  return validate;
}

/**
 * One Ajv for all versions: the bom schemas refer to spdx.schema.json and jsf-0.82.schema.json by $id.
 * strict is off because the official schemas use keywords strict mode rejects ("meta:enum",
 * "additionalItems" without tuple "items"). ajv-formats lacks "iri-reference" and "idn-email":
 * both are accepted as any string (they describe contact data, not inventory).
 */
function sharedAjv(): Ajv {
  if (ajv === undefined) {
    ajv = new Ajv({ strict: false, allErrors: false });
    ajvFormats.default(ajv);
    ajv.addFormat('iri-reference', true);
    ajv.addFormat('idn-email', true);
    ajv.addSchema(spdxLicenses);
    ajv.addSchema(jsf);
  }
  return ajv;
}
