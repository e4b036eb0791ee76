import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { KEV_SCHEMA } from './kev.schema.js';
import type { KevCatalog, KevVulnerability } from './kev.types.js';

/** Validators for the catalog envelope and for one entry, both from the published schema. */
export interface KevValidators {
  catalog: ValidateFunction<KevCatalog>;
  entry: ValidateFunction<KevVulnerability>;
}

let cached: KevValidators | undefined;

/**
 * Compiles the schema once. The envelope is checked with `vulnerabilities` as a plain array so
 * that one bad entry becomes a rejected value instead of failing the whole catalog.
 */
export function kevValidators(): KevValidators {
  if (cached) return cached;
  const ajv = new Ajv({ allErrors: true });
  ajvFormats.default(ajv); // CommonJS: under NodeNext the default import is the module object
  ajv.addVocabulary(['url']);
  const envelope = { ...KEV_SCHEMA, properties: { ...KEV_SCHEMA.properties, vulnerabilities: { type: 'array' } } };
  cached = {
    catalog: ajv.compile<KevCatalog>(envelope),
    entry: ajv.compile<KevVulnerability>({ ...KEV_SCHEMA.$defs.vulnerability, $schema: KEV_SCHEMA.$schema }),
  };
  return cached;
}

/** Ajv errors as one short line: "/dateAdded must match format "date"; must have required property 'dueDate'". */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath === '' ? '' : `${e.instancePath} `}${e.message ?? e.keyword}`).join('; ');
}
