
/** One failed check: the library's test name, the JSON pointer and the message. */
export interface CsafValidationFailure {
  /** "csaf_2_0" (the JSON schema) or "mandatoryTest_6_1_14". */
  test: string;
  instancePath: string;
  message: string;
}

/** Validity of one document under the CSAF 2.0 schema and every mandatory test (section 6.1). */
export interface CsafValidationResult {
  valid: boolean;
  failures: CsafValidationFailure[];
}

type CsafLibValidate = typeof import('@secvisogram/csaf-validator-lib/validate.js').default;
type CsafLibTest = (doc: unknown) => unknown;

let validator: Promise<{ validate: CsafLibValidate; tests: CsafLibTest[] }> | undefined;

/**
 * The library, loaded on first use: importing the mandatory tests compiles their JSON schemas
 * (~4 s once per process, 6.1.8 and 6.1.29-33 most of it); detection and module loading stay free.
 */
function loadValidator(): Promise<{ validate: CsafLibValidate; tests: CsafLibTest[] }> {
  validator ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/validate.js'),
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
  ]).then(([lib, schema, mandatory]) => ({ validate: lib.default, tests: [schema.csaf_2_0, ...Object.values(mandatory as Record<string, unknown>).filter((t): t is CsafLibTest => typeof t === 'function')] }));
  return validator;
}

/**
 * Validate a parsed JSON value as a CSAF 2.0 document with @secvisogram/csaf-validator-lib:
 * the (non-strict) JSON schema plus all mandatory tests. Optional and informative tests are
 * not run: they flag style, not correctness.
 *
 * @example
 * const { valid, failures } = await validateCsafDocument(JSON.parse(text));
 * failures[0]; // { test: 'mandatoryTest_6_1_14', instancePath: '/document/tracking/revision_history', message: '...' }
 */
export async function validateCsafDocument(doc: unknown): Promise<CsafValidationResult> {
  const { validate, tests } = await loadValidator();
  const result = await validate(tests, doc);
  const failures = result.tests
    .filter((t) => !t.isValid)
    .flatMap((t) => (t.errors.length > 0 ? t.errors : [{ instancePath: '', message: 'test failed' }]).map((e) => ({ test: t.name, instancePath: e.instancePath, message: e.message })));
  return { valid: result.isValid, failures };
}

/** "mandatoryTest_6_1_14 /document/tracking/revision_history: the items must be ..." for messages. */
export function describeCsafFailures(failures: readonly CsafValidationFailure[], max = 3): string {
  const shown = failures.slice(0, max).map((f) => `${f.test} ${f.instancePath || '/'}: ${f.message}`);
  const more = failures.length > max ? ` (and ${failures.length - max} more)` : '';
  return shown.join('; ') + more;
}
