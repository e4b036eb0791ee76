import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OPENVEX_SCHEMA } from './openvex.schema.js';
import type { OpenVexDocument, OpenVexSpecVersion } from './openvex.types.js';

/** One schema violation: a JSON pointer into the document and the rule it broke. */
export interface OpenVexSchemaProblem {
  pointer: string;
  message: string;
}

/**
 * IRI-reference (RFC 3987) as far as a format check can tell: non-empty, no whitespace, control
 * characters or the characters IRIs exclude. Relative references are allowed because JSON-LD
 * resolves them against the document (go-vex's own v0.0.1 examples use "@id": "my-vexdoc2").
 */
function isIriReference(text: string): boolean {
  if (text === '' || /[\s<>"{}|\\^`]/u.test(text)) return false;
  return ![...text].some((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}

const compiled = new Map<OpenVexSpecVersion, ValidateFunction<OpenVexDocument>>();

/**
 * The validator for a spec version, compiled once. v0.2.0 uses the published schema as is; v0.0.1
 * documents (after the upgrade to the v0.2.0 shape) are checked with the same schema minus the
 * document-level `timestamp` and `version` requirements, which v0.0.1 did not have.
 */
function openVexValidator(version: OpenVexSpecVersion): ValidateFunction<OpenVexDocument> {
  const cached = compiled.get(version);
  if (cached) return cached;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv, ['date-time', 'uri']); // CommonJS: under NodeNext the default import is the module object
  ajv.addFormat('iri', { type: 'string', validate: isIriReference });
  const required = OPENVEX_SCHEMA.required.filter((f) => version === 'v0.2.0' || (f !== 'timestamp' && f !== 'version'));
  const validate = ajv.compile<OpenVexDocument>({ ...OPENVEX_SCHEMA, required });
  compiled.set(version, validate);
  return validate;
}

/** The schema problems of a document, or an empty list when it is valid. */
export function validateOpenVex(value: unknown, version: OpenVexSpecVersion): OpenVexSchemaProblem[] {
  const validate = openVexValidator(version);
  return validate(value) ? [] : describeProblems(validate.errors ?? []);
}

/** Ajv errors as pointer + message, without the if/then and anyOf wrappers that only repeat the cause. */
function describeProblems(errors: readonly ErrorObject[]): OpenVexSchemaProblem[] {
  const useful = errors.filter((e) => e.keyword !== 'if' && !(e.keyword === 'anyOf' && errors.length > 1));
  return (useful.length > 0 ? useful : errors).map((e) => ({ pointer: e.instancePath === '' ? '/' : e.instancePath, message: describeError(e) }));
}

function describeError(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `unknown property "${String(params['additionalProperty'])}"`;
  if (e.keyword === 'enum') return `${e.message ?? 'must be one of'}: ${JSON.stringify(params['allowedValues'])}`;
  return e.message ?? e.keyword;
}
