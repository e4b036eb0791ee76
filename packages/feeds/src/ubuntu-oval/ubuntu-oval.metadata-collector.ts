import type { UbuntuAdvisoryMetadata } from './ubuntu-oval.types.js';
import type { XmlEventSink } from '../shared/xml-guard.js';

/** Collects each definition's `<advisory>` metadata (severity, issued, cve, bug) as sax events pass. */
export interface UbuntuMetadataCollector extends XmlEventSink {
  readonly metadata: Map<string, UbuntuAdvisoryMetadata>;
}

interface State {
  stack: string[];
  text: string;
  definitionId?: string;
  current?: UbuntuAdvisoryMetadata;
  cveAttributes?: Record<string, string>;
}

/** Create a collector; element names are matched without their namespace prefix. */
export function createUbuntuMetadataCollector(): UbuntuMetadataCollector {
  const s: State = { stack: [], text: '' };
  const metadata = new Map<string, UbuntuAdvisoryMetadata>();
  return {
    metadata,
    open: (tag) => openElement(s, localName(tag.name), tag.attributes),
    text: (t) => {
      s.text += t;
    },
    close: (name) => closeElement(s, localName(name), metadata),
  };
}

function openElement(s: State, name: string, a: Record<string, string>): void {
  s.stack.push(name);
  s.text = '';
  if (name === 'definition') {
    s.definitionId = a.id;
    s.current = { cves: [], bugs: [] };
  } else if (s.current && parentIs(s, 'advisory')) {
    if (name === 'issued' && a.date) s.current.issued = a.date;
    if (name === 'cve') s.cveAttributes = a;
  }
}

function closeElement(s: State, name: string, into: Map<string, UbuntuAdvisoryMetadata>): void {
  const text = s.text.trim();
  const inAdvisory = parentIs(s, 'advisory');
  s.stack.pop();
  s.text = '';
  const meta = s.current;
  if (!meta) return;
  if (name === 'definition') {
    if (s.definitionId !== undefined) into.set(s.definitionId, meta);
    s.current = undefined;
  } else if (inAdvisory && name === 'severity') meta.severity = text;
  else if (inAdvisory && name === 'bug' && text !== '') meta.bugs.push(text);
  else if (inAdvisory && name === 'cve' && text !== '') {
    const a = s.cveAttributes ?? {};
    meta.cves.push({ id: text, ...(a.priority ? { priority: a.priority } : {}), ...(a.cvss_vector ? { cvssVector: a.cvss_vector } : {}), ...(a.href ? { href: a.href } : {}) });
  }
}

/** True when the element being read (top of the stack) sits directly inside `parent`. */
function parentIs(s: State, parent: string): boolean {
  return s.stack[s.stack.length - 2] === parent;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
