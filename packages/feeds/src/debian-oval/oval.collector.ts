import type { OvalDocument, OvalKindCounts } from './oval.types.js';
import { ovalInvalid } from './oval.errors.js';
import { required, type CollectorState, type Section } from './oval.collector-state.js';
import { closeInDefinitions, openInDefinitions } from './oval.definition-collector.js';

/** The part of a sax tag the collector reads (strict mode, no xmlns processing). */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

/** Receives sax events and builds an OvalDocument; throws E_OVAL_INVALID on structural errors. */
export interface OvalCollector {
  open(tag: XmlTag, line: number): void;
  text(text: string): void;
  close(name: string): void;
  finish(line: number): OvalDocument;
}

const SECTIONS: ReadonlySet<string> = new Set(['generator', 'definitions', 'tests', 'objects', 'states', 'variables']);

/**
 * Create a collector for one file. Element names are matched without their namespace prefix,
 * so `linux-def:dpkginfo_test` and `dpkginfo_test` are the same.
 */
export function createOvalCollector(file: string | undefined): OvalCollector {
  const s: CollectorState = { file, doc: emptyDocument(), sawRoot: false, stack: [], section: 'other', text: '', criteria: [] };
  return {
    open: (tag, line) => openElement(s, tag, line),
    text: (text) => {
      s.text += text;
    },
    close: (name) => closeElement(s, localName(name)),
    finish: (line) => finishDocument(s, line),
  };
}

function emptyDocument(): OvalDocument {
  return {
    generator: {},
    definitions: [],
    tests: new Map(),
    objects: new Map(),
    states: new Map(),
    variables: new Map(),
    counts: { tests: {}, objects: {}, states: {} },
  };
}

/**
 * sax builds attribute values one character at a time; V8 keeps such strings as long chains
 * of concatenations (about 20 bytes per character) until something flattens them. Retained
 * as ids and refs they cost ~250 MB on the bookworm file; Number() flattens them in place.
 */
function flattenAttributes(attributes: Record<string, string>): Record<string, string> {
  for (const key in attributes) Number(attributes[key]);
  return attributes;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function openElement(s: CollectorState, tag: XmlTag, line: number): void {
  const name = localName(tag.name);
  s.stack.push(name);
  s.text = '';
  const depth = s.stack.length;
  if (depth === 1) {
    if (name !== 'oval_definitions') throw ovalInvalid(`root element is <${tag.name}>, expected <oval_definitions>`, s.file, line);
    s.sawRoot = true;
    return;
  }
  if (depth === 2) {
    s.section = SECTIONS.has(name) ? (name as Section) : 'other';
    return;
  }
  const a = flattenAttributes(tag.attributes);
  if (s.section === 'definitions') openInDefinitions(s, name, a, line);
  else if (s.section === 'tests') openInTests(s, name, a, line);
  else if (s.section === 'objects' || s.section === 'states') openInHolder(s, name, a, line, depth);
  else if (s.section === 'variables') openInVariables(s, name, a, line, depth);
}

function closeElement(s: CollectorState, name: string): void {
  const depth = s.stack.length;
  const parent = s.stack[depth - 2];
  const text = s.text;
  s.stack.pop();
  s.text = '';
  if (depth === 2) s.section = 'other';
  if (depth < 3) return;
  if (s.section === 'generator') closeInGenerator(s, name, text);
  else if (s.section === 'definitions') closeInDefinitions(s, name, parent, text);
  else if (s.section === 'tests') closeInTests(s, depth);
  else if (s.section === 'objects' || s.section === 'states') closeInHolder(s, depth, text);
  else if (s.section === 'variables') closeInVariables(s, depth, name, text);
}

function finishDocument(s: CollectorState, line: number): OvalDocument {
  if (!s.sawRoot || s.stack.length > 0) throw ovalInvalid('no complete <oval_definitions> element in the input', s.file, line);
  return s.doc;
}

function closeInGenerator(s: CollectorState, name: string, text: string): void {
  const value = text.trim();
  if (name === 'timestamp') s.doc.generator.timestamp = value;
  else if (name === 'product_name') s.doc.generator.productName = value;
  else if (name === 'schema_version') s.doc.generator.schemaVersion = value;
}

function openInTests(s: CollectorState, name: string, a: Record<string, string>, line: number): void {
  if (s.stack.length === 3) {
    const id = required(s, a, 'id', name, line);
    if (s.doc.tests.has(id)) throw ovalInvalid(`duplicate test id ${id}`, s.file, line);
    s.test = { id, kind: name, comment: a.comment, check: a.check, checkExistence: a.check_existence, stateRefs: [], line };
  } else if (s.test && name === 'object') {
    s.test.objectRef = required(s, a, 'object_ref', name, line);
  } else if (s.test && name === 'state') {
    s.test.stateRefs.push(required(s, a, 'state_ref', name, line));
  }
}

function closeInTests(s: CollectorState, depth: number): void {
  if (depth !== 3 || !s.test) return;
  s.doc.tests.set(s.test.id, s.test);
  bump(s.doc.counts.tests, s.test.kind);
  s.test = undefined;
}

function openInHolder(s: CollectorState, name: string, a: Record<string, string>, line: number, depth: number): void {
  if (depth === 3) {
    const id = required(s, a, 'id', name, line);
    const map = s.section === 'objects' ? s.doc.objects : s.doc.states;
    if (map.has(id)) throw ovalInvalid(`duplicate ${s.section === 'objects' ? 'object' : 'state'} id ${id}`, s.file, line);
    s.holder = { id, kind: name, entities: [], line };
  } else if (depth === 4 && s.holder) {
    s.entity = { name, value: '', operation: a.operation, datatype: a.datatype, varRef: a.var_ref };
  }
}

function closeInHolder(s: CollectorState, depth: number, text: string): void {
  if (depth === 4 && s.holder && s.entity) {
    s.entity.value = text.trim();
    s.holder.entities.push(s.entity);
    s.entity = undefined;
  } else if (depth === 3 && s.holder) {
    if (s.section === 'objects') {
      s.doc.objects.set(s.holder.id, s.holder);
      bump(s.doc.counts.objects, s.holder.kind);
    } else {
      s.doc.states.set(s.holder.id, s.holder);
      bump(s.doc.counts.states, s.holder.kind);
    }
    s.holder = undefined;
  }
}

function openInVariables(s: CollectorState, name: string, a: Record<string, string>, line: number, depth: number): void {
  if (depth !== 3) return;
  const id = required(s, a, 'id', name, line);
  if (s.doc.variables.has(id)) throw ovalInvalid(`duplicate variable id ${id}`, s.file, line);
  s.variable = { id, kind: name, datatype: a.datatype, values: [], line };
}

function closeInVariables(s: CollectorState, depth: number, name: string, text: string): void {
  if (!s.variable) return;
  if (depth === 4 && name === 'value') s.variable.values.push(text.trim());
  else if (depth === 3) {
    s.doc.variables.set(s.variable.id, s.variable);
    s.variable = undefined;
  }
}

function bump(counts: OvalKindCounts, kind: string): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}
