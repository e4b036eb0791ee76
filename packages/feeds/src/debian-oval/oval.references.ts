import type { OvalCriteriaNode, OvalDocument, OvalEntity } from './oval.types.js';
import { ovalInvalid } from './oval.errors.js';

/**
 * Check that every reference in the document resolves: criterion → test, extend_definition →
 * definition, test → object and states, entity var_ref → variable. Throws E_OVAL_INVALID
 * naming the line of the dangling reference.
 */
export function assertOvalReferencesResolve(doc: OvalDocument, file: string | undefined): void {
  const definitionIds = new Set(doc.definitions.map((d) => d.id));
  for (const def of doc.definitions) {
    if (def.criteria) assertCriteriaResolve(doc, definitionIds, def.id, def.criteria, file);
  }
  for (const test of doc.tests.values()) {
    if (test.objectRef !== undefined && !doc.objects.has(test.objectRef)) {
      throw ovalInvalid(`test ${test.id}: object_ref ${test.objectRef} does not resolve`, file, test.line);
    }
    const missing = test.stateRefs.find((ref) => !doc.states.has(ref));
    if (missing !== undefined) throw ovalInvalid(`test ${test.id}: state_ref ${missing} does not resolve`, file, test.line);
  }
  for (const holder of [...doc.objects.values(), ...doc.states.values()]) {
    const dangling = holder.entities.find((e: OvalEntity) => e.varRef !== undefined && !doc.variables.has(e.varRef));
    if (dangling) throw ovalInvalid(`${holder.id}: var_ref ${dangling.varRef} does not resolve`, file, holder.line);
  }
}

function assertCriteriaResolve(
  doc: OvalDocument,
  definitionIds: ReadonlySet<string>,
  definitionId: string,
  node: OvalCriteriaNode,
  file: string | undefined,
): void {
  if (node.type === 'criterion' && !doc.tests.has(node.testRef)) {
    throw ovalInvalid(`definition ${definitionId}: test_ref ${node.testRef} does not resolve`, file, node.line);
  }
  if (node.type === 'extend_definition' && !definitionIds.has(node.definitionRef)) {
    throw ovalInvalid(`definition ${definitionId}: definition_ref ${node.definitionRef} does not resolve`, file, node.line);
  }
  if (node.type === 'criteria') {
    for (const child of node.children) assertCriteriaResolve(doc, definitionIds, definitionId, child, file);
  }
}
