import type { OvalCriteria, OvalCriteriaNode, OvalDefinition, OvalDefinitionClass } from './oval.types.js';
import { ovalInvalid } from './oval.errors.js';
import { required, type CollectorState } from './oval.collector-state.js';

const CLASSES: ReadonlySet<string> = new Set(['compliance', 'inventory', 'miscellaneous', 'patch', 'vulnerability']);

/** Handle an opening tag inside `<definitions>`: a definition, its references and its criteria tree. */
export function openInDefinitions(s: CollectorState, name: string, a: Record<string, string>, line: number): void {
  if (name === 'definition') {
    s.definition = newDefinition(s, a, line);
    s.criteria = [];
    return;
  }
  const def = s.definition;
  if (!def) return;
  if (name === 'reference') {
    def.references.push({ source: a.source ?? '', refId: required(s, a, 'ref_id', name, line), refUrl: a.ref_url });
  } else if (name === 'criteria') {
    const node: OvalCriteria = { type: 'criteria', operator: a.operator ?? 'AND', comment: a.comment, negate: a.negate === 'true', children: [], line };
    addCriteriaNode(s, def, node, line);
    s.criteria.push(node);
  } else if (name === 'criterion') {
    const testRef = required(s, a, 'test_ref', name, line);
    addCriteriaNode(s, def, { type: 'criterion', testRef, comment: a.comment, negate: a.negate === 'true', line }, line);
  } else if (name === 'extend_definition') {
    const definitionRef = required(s, a, 'definition_ref', name, line);
    addCriteriaNode(s, def, { type: 'extend_definition', definitionRef, comment: a.comment, negate: a.negate === 'true', line }, line);
  }
}

function newDefinition(s: CollectorState, a: Record<string, string>, line: number): OvalDefinition {
  const id = required(s, a, 'id', 'definition', line);
  const cls = required(s, a, 'class', 'definition', line);
  if (!CLASSES.has(cls)) throw ovalInvalid(`definition ${id} has unknown class "${cls}"`, s.file, line);
  return { id, version: a.version, class: cls as OvalDefinitionClass, title: '', platforms: [], products: [], references: [], line };
}

function addCriteriaNode(s: CollectorState, def: OvalDefinition, node: OvalCriteriaNode, line: number): void {
  const parent = s.criteria[s.criteria.length - 1];
  if (parent) parent.children.push(node);
  else if (node.type === 'criteria' && !def.criteria) def.criteria = node;
  else throw ovalInvalid(`definition ${def.id}: <${node.type}> outside the top <criteria>`, s.file, line);
}

/** Handle a closing tag inside `<definitions>`: metadata text, the end of a criteria node or definition. */
export function closeInDefinitions(s: CollectorState, name: string, parent: string | undefined, text: string): void {
  const def = s.definition;
  if (!def) return;
  if (name === 'definition') {
    s.doc.definitions.push(def);
    s.definition = undefined;
  } else if (name === 'criteria') s.criteria.pop();
  else if (name === 'title') def.title = text.trim();
  else if (name === 'description') def.description = text.trim();
  else if (name === 'platform' && parent === 'affected') def.platforms.push(text.trim());
  else if (name === 'product' && parent === 'affected') def.products.push(text.trim());
  else if (parent === 'debian' && (name === 'dsa' || name === 'date' || name === 'moreinfo')) {
    def.debian ??= {};
    def.debian[name] = text.trim();
  }
}
