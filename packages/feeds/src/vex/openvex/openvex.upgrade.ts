import { isJsonObject } from '../vex-json.js';
import type { OpenVexSpecVersion } from './openvex.types.js';

/** @context values by spec version ("https://openvex.dev/ns" without a version is v0.0.1). */
const CONTEXTS: Readonly<Record<string, OpenVexSpecVersion>> = {
  'https://openvex.dev/ns': 'v0.0.1',
  'https://openvex.dev/ns/v0.0.1': 'v0.0.1',
  'https://openvex.dev/ns/v0.2.0': 'v0.2.0',
};

/** The spec version named by a document's @context, or a reason it is not a readable OpenVEX document. */
export function openVexSpecVersion(doc: Record<string, unknown>): OpenVexSpecVersion | { reason: string; field: string } {
  const context = doc['@context'];
  if (typeof context === 'string') {
    const version = CONTEXTS[context.replace(/\/+$/, '')];
    return version ?? { reason: `unsupported OpenVEX @context "${context}" (known: ${Object.keys(CONTEXTS).join(', ')})`, field: '/@context' };
  }
  if (isJsonObject(doc['document']) && typeof doc['document']['csaf_version'] === 'string') {
    return { reason: 'a CSAF document, not OpenVEX: read it with the csaf feed', field: '/document/csaf_version' };
  }
  return { reason: 'not an OpenVEX document: no "@context" string', field: '/@context' };
}

const idOf = (value: unknown): unknown => (typeof value === 'string' ? { '@id': value } : value);

/**
 * Rewrites a v0.0.1 document into the v0.2.0 shape (a copy; the input is not changed):
 * `vulnerability: "CVE-…"` -> `{ name }` (with `vuln_description` as description), product strings ->
 * `{ "@id" }`, statement-level `subcomponents` moved into each product, `version: "1"` -> 1, and the
 * v0.0.1-only `format` and document `supplier` dropped. Values of unexpected types are left for the schema to report.
 */
export function upgradeOpenVex001(doc: Record<string, unknown>): Record<string, unknown> {
  const { format: _format, supplier: _supplier, ...rest } = doc;
  const version = typeof rest['version'] === 'string' && /^\d+$/.test(rest['version']) ? Number(rest['version']) : rest['version'];
  const statements = Array.isArray(rest['statements']) ? rest['statements'].map(upgradeStatement) : rest['statements'];
  return { ...rest, ...(version === undefined ? {} : { version }), statements };
}

function upgradeStatement(statement: unknown): unknown {
  if (!isJsonObject(statement)) return statement;
  const { vuln_description: description, subcomponents, ...rest } = statement;
  const vulnerability = typeof rest['vulnerability'] === 'string' ? { name: rest['vulnerability'], ...(typeof description === 'string' ? { description } : {}) } : rest['vulnerability'];
  const subs = Array.isArray(subcomponents) && subcomponents.length > 0 ? { subcomponents: subcomponents.map(idOf) } : {};
  const products = Array.isArray(rest['products']) ? rest['products'].map((p) => ({ ...(idOf(p) as object), ...subs })) : rest['products'];
  return { ...rest, vulnerability, ...(products === undefined ? {} : { products }) };
}
