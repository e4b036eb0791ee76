import type { VexStatement } from '@patchloop/core';
import { parseVexJson } from '../vex-json.js';
import { E_CYCLONEDX_VEX_INVALID } from '../vex.errors.js';
import { checkCdxDocument, checkCdxVulnerability } from './cyclonedx-vex.checks.js';
import { cdxVulnerabilityToStatement } from './cyclonedx-vex.mapper.js';
import { indexBom } from './cyclonedx-vex.refs.js';

/** A companion BOM: its text and its file name for messages. */
export interface CycloneDxBomInput {
  text: string;
  file: string;
}

/** Options of `parseCycloneDxVex`. */
export interface ParseCycloneDxVexOptions {
  /** File name for messages and provenance. */
  file: string;
  /** Companion BOM(s) the VEX refers to (bom-refs or BOM-links `urn:cdx:serial/version#bom-ref`). */
  bom?: CycloneDxBomInput | readonly CycloneDxBomInput[];
}

/**
 * Parses the `vulnerabilities[]` of a CycloneDX document (a standalone VEX or a BOM with embedded
 * VEX) into statements: one per vulnerability with an analysis.state; `affects[].ref` is resolved
 * to purls through the document's own components and the companion BOMs.
 * Throws DomainError E_CYCLONEDX_VEX_INVALID naming the file and the line (bad JSON) or the JSON
 * pointer of the bad field (e.g. /vulnerabilities/2/analysis/state).
 *
 * @example
 * parseCycloneDxVex(vexText, { file: 'vex.json', bom: [{ text: bomText, file: 'bom-1.json' }] });
 */
export function parseCycloneDxVex(text: string, { file, bom = [] }: ParseCycloneDxVexOptions): VexStatement[] {
  const doc = checkCdxDocument(parseVexJson(text, file, E_CYCLONEDX_VEX_INVALID), file);
  const companions = (Array.isArray(bom) ? bom : [bom]) as readonly CycloneDxBomInput[];
  const boms = [doc, ...companions.map((b) => checkCdxDocument(parseVexJson(b.text, b.file, E_CYCLONEDX_VEX_INVALID), b.file))].map(indexBom);
  const statements: VexStatement[] = [];
  (doc.vulnerabilities ?? []).forEach((raw, index) => {
    const pointer = `/vulnerabilities/${index}`;
    const statement = cdxVulnerabilityToStatement(checkCdxVulnerability(raw, pointer, file), pointer, { file, doc, boms });
    if (statement !== undefined) statements.push(statement);
  });
  return statements;
}

/** True for the start of a CycloneDX JSON document that has a vulnerabilities array. */
export function detectCycloneDxVex(head: string): boolean {
  return /^\s*\{/.test(head) && /"bomFormat"\s*:\s*"CycloneDX"/.test(head) && /"vulnerabilities"\s*:/.test(head);
}
