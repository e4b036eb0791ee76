import type { OvalCriteriaNode, OvalDefinition, OvalDocument } from '../debian-oval/oval.types.js';

/**
 * A readable account of the checks of a definition that names no installed package, e.g. a
 * kernel USN: "running kernel (uname_test os_release pattern match 6.8.0-\d+(-oem)) and
 * variable_test less than 0:6.8.0-1006", or a Livepatch notice's file_test/textfilecontent54_test.
 */
export function describeNonPackageChecks(doc: OvalDocument, def: OvalDefinition): string {
  const parts = new Set<string>();
  if (def.criteria) collect(doc, def.criteria, parts);
  return [...parts].slice(0, 4).join('; ') + (parts.size > 4 ? ` (and ${parts.size - 4} more)` : '');
}

/** True when the definition tests the running kernel (uname_test / variable_test) rather than a package. */
export function isRunningKernelCheck(doc: OvalDocument, def: OvalDefinition): boolean {
  const kinds = new Set<string>();
  if (def.criteria) testKinds(doc, def.criteria, kinds);
  return kinds.has('uname_test') && kinds.has('variable_test');
}

function collect(doc: OvalDocument, node: OvalCriteriaNode, into: Set<string>): void {
  if (node.type === 'criteria') node.children.forEach((c) => collect(doc, c, into));
  if (node.type !== 'criterion') return;
  const test = doc.tests.get(node.testRef);
  if (!test) return;
  const state = test.stateRefs[0] === undefined ? undefined : doc.states.get(test.stateRefs[0]);
  const entity = state?.entities[0];
  into.add(entity ? `${test.kind} ${entity.name} ${entity.operation ?? 'equals'} ${entity.value}` : test.kind);
}

function testKinds(doc: OvalDocument, node: OvalCriteriaNode, into: Set<string>): void {
  if (node.type === 'criteria') node.children.forEach((c) => testKinds(doc, c, into));
  else if (node.type === 'criterion') {
    const kind = doc.tests.get(node.testRef)?.kind;
    if (kind) into.add(kind);
  }
}
