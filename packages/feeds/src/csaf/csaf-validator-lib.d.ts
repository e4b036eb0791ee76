// @secvisogram/csaf-validator-lib 2.0.10 ships JavaScript with JSDoc only, no .d.ts files.
// These declarations cover the modules Patchloop imports (see csaf.validation.ts).

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  /** One finding of a test: a message and the JSON pointer it is about. */
  interface CsafLibMessage {
    message: string;
    instancePath: string;
  }
  /** The outcome of one test function, named after it ("mandatoryTest_6_1_14"). */
  interface CsafLibTestResult {
    name: string;
    isValid: boolean;
    errors: CsafLibMessage[];
    warnings: CsafLibMessage[];
    infos: CsafLibMessage[];
  }
  /**
   * Runs the given test functions against a document. Only ever pass the library's own tests:
   * the function calls whatever it is given (validateStrict.js checks that, but loading it also
   * loads the optional and informative tests: ~8 s).
   */
  export default function validate(
    tests: ((doc: unknown) => unknown)[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafLibTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  /** JSON-schema test against the CSAF 2.0 schema. */
  export const csaf_2_0: (doc: unknown) => unknown;
  /** The same with additionalProperties forbidden everywhere. */
  export const csaf_2_0_strict: (doc: unknown) => unknown;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  /** Every mandatory test of CSAF 2.0 section 6.1, by function name (mandatoryTest_6_1_1 ...). */
  const mandatoryTests: Readonly<Record<string, (doc: unknown) => unknown>>;
  export = mandatoryTests;
}
