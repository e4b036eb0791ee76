/** One logical line of a requirements file: continuation lines joined, comment removed. */
export interface RequirementLine {
  /** 1-based number of the first physical line. */
  line: number;
  text: string;
}

/** A version clause such as `==1.0` or `>=2`. */
export interface VersionClause {
  operator: '~=' | '===' | '==' | '!=' | '<=' | '>=' | '<' | '>';
  version: string;
}

/** A PEP 508 requirement with a version specifier (URL requirements never get this far). */
export interface ParsedRequirement {
  /** The name as written; normalised only when mapped. */
  name: string;
  extras: string[];
  clauses: VersionClause[];
  marker?: string;
}
