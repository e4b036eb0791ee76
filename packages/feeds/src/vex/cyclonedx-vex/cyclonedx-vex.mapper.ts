import { invalidInput, parseInstant, type VexJustification, type VexProvenance, type VexStatement, type VexStatus } from '@patchloop/core';
import { E_CYCLONEDX_VEX_INVALID } from '../vex.errors.js';
import { affectsToProduct, type BomIndex } from './cyclonedx-vex.refs.js';
import type { CdxAnalysisState, CdxDocument, CdxVulnerability } from './cyclonedx-vex.types.js';

/** CycloneDX analysis.state -> VEX status. */
export const CDX_STATE_TO_STATUS: Readonly<Record<CdxAnalysisState, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

/**
 * CycloneDX analysis.justification -> OpenVEX justification (the original is kept beside it).
 * "requires_*": the condition for exploitation is absent, so the adversary cannot reach or control the
 * code; "requires_dependency": the vulnerable component is absent; "protected_*": a mitigation exists.
 */
export const CDX_JUSTIFICATION_TO_VEX: Readonly<Record<string, VexJustification>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

/** Per-document context of the mapping. */
export interface CdxMappingContext {
  file: string;
  doc: CdxDocument;
  /** The VEX document first, then the companion BOMs. */
  boms: readonly BomIndex[];
}

/** Provenance of a document's statements: serial number (with "/version"), first author/manufacturer/supplier. */
export function cdxProvenance(doc: CdxDocument, file: string): VexProvenance {
  const author = doc.metadata?.authors?.[0]?.name ?? doc.metadata?.manufacture?.name ?? doc.metadata?.supplier?.name;
  const documentId = doc.serialNumber === undefined ? undefined : `${doc.serialNumber}/${doc.version ?? 1}`;
  return { format: 'cyclonedx-vex', ...(documentId === undefined ? {} : { documentId }), ...(author === undefined ? {} : { author }), file };
}

function statementTime(v: CdxVulnerability, doc: CdxDocument, pointer: string, file: string): string | undefined {
  const a = v.analysis;
  const candidates: [string | undefined, string][] = [
    [a?.lastUpdated, `${pointer}/analysis/lastUpdated`],
    [a?.firstIssued, `${pointer}/analysis/firstIssued`],
    [v.updated, `${pointer}/updated`],
    [v.published, `${pointer}/published`],
    [v.created, `${pointer}/created`],
    [doc.metadata?.timestamp, '/metadata/timestamp'],
  ];
  const found = candidates.find(([value]) => value !== undefined);
  if (found?.[0] === undefined) return undefined;
  try {
    return parseInstant(found[0], found[1]);
  } catch (cause) {
    throw invalidInput(E_CYCLONEDX_VEX_INVALID, `${JSON.stringify(found[0])} is not an ISO-8601 date-time`, { file, field: found[1] }, cause);
  }
}

function actionOf(v: CdxVulnerability): string | undefined {
  if (v.recommendation !== undefined) return v.recommendation;
  const response = v.analysis?.response ?? [];
  return response.length > 0 ? `response: ${response.join(', ')}` : undefined;
}

/**
 * One checked vulnerability -> a statement, or undefined when it carries no analysis.state (then it
 * lists a vulnerability, it states nothing about exploitability). Aliases are references[].id.
 */
export function cdxVulnerabilityToStatement(v: CdxVulnerability, pointer: string, { file, doc, boms }: CdxMappingContext): VexStatement | undefined {
  const state = v.analysis?.state;
  if (state === undefined) return undefined;
  const status = CDX_STATE_TO_STATUS[state];
  const original = v.analysis?.justification;
  const justification = original === undefined ? undefined : CDX_JUSTIFICATION_TO_VEX[original];
  const aliases = [...new Set((v.references ?? []).flatMap((r) => (typeof r.id === 'string' && r.id !== v.id ? [r.id] : [])))];
  const optional = {
    ...(status === state ? {} : { originalStatus: state }),
    ...(justification === undefined ? {} : { justification }),
    ...(original === undefined ? {} : { originalJustification: original }),
    ...(v.analysis?.detail === undefined ? {} : { impactStatement: v.analysis.detail }),
  };
  const actionStatement = actionOf(v);
  const timestamp = statementTime(v, doc, pointer, file);
  return {
    vulnerabilityId: v.id,
    aliases,
    products: v.affects.map((a) => affectsToProduct(a, boms)),
    status,
    ...optional,
    ...(actionStatement === undefined ? {} : { actionStatement }),
    ...(timestamp === undefined ? {} : { timestamp }),
    provenance: cdxProvenance(doc, file),
  };
}
