import { parseInstant, type ComponentRef, type ProductRef, type VexStatement } from '@patchloop/core';
import type { OpenVexComponent, OpenVexDocument, OpenVexStatement, OpenVexSubcomponent } from './openvex.types.js';

/** Per-file context of the mapping. */
export interface OpenVexMappingContext {
  file: string;
}

/**
 * One valid OpenVEX document (v0.2.0 shape) -> domain statements, one per OpenVEX statement.
 * A statement's time is its last_updated, else its timestamp, else the document's (last_updated, timestamp).
 *
 * @example
 * openVexDocumentToStatements(doc, { file: 'v0.2.0.json' })[3]?.justification; // 'vulnerable_code_not_present'
 */
export function openVexDocumentToStatements(doc: OpenVexDocument, { file }: OpenVexMappingContext): VexStatement[] {
  const provenance = { format: 'openvex' as const, documentId: doc['@id'], author: doc.author, file };
  const documentTime = doc.last_updated ?? doc.timestamp;
  return doc.statements.map((s, index) => ({
    vulnerabilityId: s.vulnerability.name,
    aliases: [...(s.vulnerability.aliases ?? [])],
    products: (s.products ?? []).map(productRefOf),
    status: s.status,
    ...optionalText(s),
    timestamp: statementTime(s, documentTime, index),
    provenance,
  }));
}

function optionalText(s: OpenVexStatement): Pick<VexStatement, 'justification' | 'impactStatement' | 'actionStatement'> {
  return {
    ...(s.justification === undefined ? {} : { justification: s.justification }),
    ...(s.impact_statement === undefined ? {} : { impactStatement: s.impact_statement }),
    ...(s.action_statement === undefined ? {} : { actionStatement: s.action_statement }),
  };
}

function statementTime(s: OpenVexStatement, documentTime: string | undefined, index: number): string | undefined {
  const raw = s.last_updated ?? s.timestamp ?? documentTime;
  return raw === undefined ? undefined : parseInstant(raw, `/statements/${index}/timestamp`);
}

/** purl from `identifiers.purl`, else an `@id` that is a purl; any other @id or CPE is kept as `id`. */
function componentRefOf(c: OpenVexSubcomponent): ComponentRef {
  const atId = c['@id'];
  const purl = c.identifiers?.purl ?? (atId?.startsWith('pkg:') ? atId : undefined);
  const id = atId !== undefined && atId !== purl ? atId : (c.identifiers?.cpe23 ?? c.identifiers?.cpe22);
  return { ...(purl === undefined ? {} : { purl }), ...(id === undefined ? {} : { id }) };
}

function productRefOf(p: OpenVexComponent): ProductRef {
  const subcomponents = (p.subcomponents ?? []).map(componentRefOf);
  return { ...componentRefOf(p), ...(subcomponents.length === 0 ? {} : { subcomponents }) };
}
