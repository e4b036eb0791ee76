import type { OvalCriteria, OvalCriterion, OvalDefinition, OvalDocument, OvalEntity, OvalTest } from './oval.types.js';

/**
 * One "package X DPKG is earlier than V" leaf of a definition, resolved through its
 * dpkginfo_test to the object's package name(s) and the state's evr entity.
 */
export interface OvalPackageCheck {
  /** Source package names (several when the object's name is a var_ref to a multi-value variable). */
  names: string[];
  /** The dpkginfo_state `<evr>` entity; undefined when the test has no state ("is installed"). */
  evr: OvalEntity | undefined;
  /** A state other than evr was referenced (e.g. version/arch only): not understood. */
  unsupportedState: boolean;
  /** Architecture of the enclosing section: "all" unless a uname_test names a processor type. */
  architecture: string;
  negate: boolean;
  testId: string;
  line: number;
}

/**
 * Walk a definition's criteria tree and return its dpkginfo checks in document order.
 * Release and architecture criteria (textfilecontent54_test, uname_test) are not returned;
 * a uname_test sets the architecture of its sibling package criteria.
 */
export function listOvalPackageChecks(doc: OvalDocument, def: OvalDefinition): OvalPackageCheck[] {
  const out: OvalPackageCheck[] = [];
  if (def.criteria) walkCriteria(doc, def.criteria, 'all', out);
  return out;
}

function walkCriteria(doc: OvalDocument, node: OvalCriteria, inherited: string, out: OvalPackageCheck[]): void {
  const architecture = sectionArchitecture(doc, node) ?? inherited;
  for (const child of node.children) {
    if (child.type === 'criteria') walkCriteria(doc, child, architecture, out);
    else if (child.type === 'criterion') {
      const test = doc.tests.get(child.testRef);
      if (test?.kind === 'dpkginfo_test') out.push(toPackageCheck(doc, child, test, architecture));
    }
  }
}

function sectionArchitecture(doc: OvalDocument, node: OvalCriteria): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'criterion') continue;
    const test = doc.tests.get(child.testRef);
    if (test?.kind !== 'uname_test') continue;
    const state = test.stateRefs[0] === undefined ? undefined : doc.states.get(test.stateRefs[0]);
    return state?.entities.find((e) => e.name === 'processor_type')?.value ?? 'all';
  }
  return undefined;
}

function toPackageCheck(doc: OvalDocument, criterion: OvalCriterion, test: OvalTest, architecture: string): OvalPackageCheck {
  const object = test.objectRef === undefined ? undefined : doc.objects.get(test.objectRef);
  const nameEntity = object?.entities.find((e) => e.name === 'name');
  const state = test.stateRefs[0] === undefined ? undefined : doc.states.get(test.stateRefs[0]);
  const evr = state?.entities.find((e) => e.name === 'evr');
  return {
    names: nameEntity === undefined ? [] : entityValues(doc, nameEntity),
    evr,
    unsupportedState: test.stateRefs.length > 1 || (state !== undefined && evr === undefined),
    architecture,
    negate: criterion.negate,
    testId: test.id,
    line: criterion.line,
  };
}

function entityValues(doc: OvalDocument, entity: OvalEntity): string[] {
  if (entity.varRef === undefined) return entity.value === '' ? [] : [entity.value];
  return doc.variables.get(entity.varRef)?.values.filter((v) => v !== '') ?? [];
}
