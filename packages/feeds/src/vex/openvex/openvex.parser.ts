import { invalidInput, type VexStatement } from '@patchloop/core';
import { isJsonObject, parseVexJson } from '../vex-json.js';
import { E_OPENVEX_INVALID } from '../vex.errors.js';
import { openVexDocumentToStatements } from './openvex.mapper.js';
import type { OpenVexDocument } from './openvex.types.js';
import { openVexSpecVersion, upgradeOpenVex001 } from './openvex.upgrade.js';
import { validateOpenVex } from './openvex.validator.js';

/** Options of `parseOpenVex`. */
export interface ParseOpenVexOptions {
  /** File name for messages and provenance. */
  file: string;
}

/**
 * Parses an OpenVEX JSON document (v0.0.1 or v0.2.0) into domain statements. v0.0.1 documents are
 * upgraded to the v0.2.0 shape, then every document is checked against the OpenVEX schema.
 * Throws DomainError E_OPENVEX_INVALID naming the file and the line (bad JSON) or the JSON pointer
 * of the first schema violation (all of them are listed in the message).
 *
 * @example
 * const statements = parseOpenVex(await readFile('vex.json', 'utf8'), { file: 'vex.json' });
 */
export function parseOpenVex(text: string, { file }: ParseOpenVexOptions): VexStatement[] {
  const json = parseVexJson(text, file, E_OPENVEX_INVALID);
  if (!isJsonObject(json)) throw invalidInput(E_OPENVEX_INVALID, 'not an OpenVEX document: the top level is not a JSON object', { file, field: '/' });
  const version = openVexSpecVersion(json);
  if (typeof version !== 'string') throw invalidInput(E_OPENVEX_INVALID, version.reason, { file, field: version.field });
  const doc = version === 'v0.0.1' ? upgradeOpenVex001(json) : json;
  const problems = validateOpenVex(doc, version);
  const first = problems[0];
  if (first !== undefined) {
    const listed = problems.map((p) => `${p.pointer} ${p.message}`).join('; ');
    throw invalidInput(E_OPENVEX_INVALID, `OpenVEX ${version} schema: ${listed}`, { file, field: first.pointer });
  }
  return openVexDocumentToStatements(doc as unknown as OpenVexDocument, { file });
}

/** True for the start of an OpenVEX JSON document: an openvex.dev @context. */
export function detectOpenVex(head: string): boolean {
  return /^\s*\{/.test(head) && /"@context"\s*:\s*"https:\/\/openvex\.dev\/ns/.test(head);
}
