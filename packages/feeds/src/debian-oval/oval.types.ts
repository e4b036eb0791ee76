/**
 * The Debian OVAL feed's own shapes, as close to the XML as is useful. Feed quirks (the
 * "0:0" unfixed marker, the redundant "0:" epoch, comment-only release/arch sections) live
 * here and in the mapper, never in the core advisory model.
 *
 * Reference: OVAL 5.11 definitions schema; Debian's generator is the security tracker's
 * parseJSON2Oval.py (one definition per CVE and source package, one dpkginfo test each).
 */

/** OVAL definition classes (oval-common-5 ClassEnumeration). */
export type OvalDefinitionClass = 'compliance' | 'inventory' | 'miscellaneous' | 'patch' | 'vulnerability';

/** `<generator>`: who produced the file and when (the data date). */
export interface OvalGenerator {
  productName?: string;
  schemaVersion?: string;
  /** `oval:timestamp` verbatim, e.g. "2023-07-14T03:39:10.188-04:00". */
  timestamp?: string;
}

/** `<metadata><reference source="CVE" ref_id="CVE-…" ref_url="…"/>`. */
export interface OvalReference {
  source: string;
  refId: string;
  refUrl?: string;
}

/** Debian's `<debian>` metadata extension. */
export interface OvalDebianMetadata {
  /** `<dsa>`, e.g. "DSA-5418" (no revision suffix) or "DSA-5435-2". */
  dsa?: string;
  /** `<date>`, YYYY-MM-DD: the DSA date. */
  date?: string;
  moreinfo?: string;
}

/** `<criteria>`: a boolean node of the criteria tree. */
export interface OvalCriteria {
  type: 'criteria';
  operator: string;
  comment?: string;
  negate: boolean;
  children: OvalCriteriaNode[];
  line: number;
}

/** `<criterion test_ref>`: a leaf pointing at a test. */
export interface OvalCriterion {
  type: 'criterion';
  testRef: string;
  comment?: string;
  negate: boolean;
  line: number;
}

/** `<extend_definition definition_ref>`: a leaf pointing at another definition. */
export interface OvalExtendDefinition {
  type: 'extend_definition';
  definitionRef: string;
  comment?: string;
  negate: boolean;
  line: number;
}

export type OvalCriteriaNode = OvalCriteria | OvalCriterion | OvalExtendDefinition;

/** `<definition>` with its metadata and criteria tree. */
export interface OvalDefinition {
  id: string;
  version?: string;
  class: OvalDefinitionClass;
  title: string;
  /** `<affected><platform>`: "Debian GNU/Linux 12". */
  platforms: string[];
  /** `<affected><product>`: the source package in Debian's files. */
  products: string[];
  references: OvalReference[];
  description?: string;
  debian?: OvalDebianMetadata;
  criteria?: OvalCriteria;
  line: number;
}

/**
 * An entity child of an object or state, e.g. `<name>glibc</name>`,
 * `<evr datatype="debian_evr_string" operation="less than">0:2.2-1</evr>`,
 * `<processor_type operation="equals">i686</processor_type>`, `<name var_ref="…"/>`.
 */
export interface OvalEntity {
  name: string;
  value: string;
  operation?: string;
  datatype?: string;
  varRef?: string;
}

/** Any `*_test` (dpkginfo_test, textfilecontent54_test, uname_test …). */
export interface OvalTest {
  id: string;
  /** Element name without prefix: "dpkginfo_test". */
  kind: string;
  comment?: string;
  check?: string;
  checkExistence?: string;
  objectRef?: string;
  stateRefs: string[];
  line: number;
}

/** Any `*_object`; `entities` are its direct children. */
export interface OvalObject {
  id: string;
  kind: string;
  entities: OvalEntity[];
  line: number;
}

/** Any `*_state`; `entities` are its direct children. */
export interface OvalState {
  id: string;
  kind: string;
  entities: OvalEntity[];
  line: number;
}

/** Any `*_variable`; `values` are the `<value>` children of a constant_variable. */
export interface OvalVariable {
  id: string;
  kind: string;
  datatype?: string;
  values: string[];
  line: number;
}

/** Element counts by kind, for status reporting ("dpkginfo_test" → 25,932). */
export type OvalKindCounts = Record<string, number>;

/** A whole parsed file. Ids in the maps are the OVAL ids ("oval:org.debian.oval:tst:3"). */
export interface OvalDocument {
  generator: OvalGenerator;
  definitions: OvalDefinition[];
  tests: Map<string, OvalTest>;
  objects: Map<string, OvalObject>;
  states: Map<string, OvalState>;
  variables: Map<string, OvalVariable>;
  counts: {
    tests: OvalKindCounts;
    objects: OvalKindCounts;
    states: OvalKindCounts;
  };
}
