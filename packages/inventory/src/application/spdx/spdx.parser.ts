import { invalidInput } from '@patchloop/core';
import type { InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions, ApplicationParser } from '../application-parser.js';
import { isJsonObject, textHead } from '../shared/json-object.js';
import { parseJsonText } from '../shared/json-text.js';
import { spdxDocumentToSnapshot } from './spdx.mapper.js';
import { validateSpdxDocument } from './spdx.schema.js';

const SPDX_VERSION = /"spdxVersion"\s*:\s*"SPDX-2\.\d"/;

/**
 * SPDX 2.3 (and 2.2) JSON documents, checked against the official 2.3 schema.
 *
 * @example
 * const { asset, packages } = spdxParser.parse(text, { file: 'app.spdx.json' });
 */
export const spdxParser: ApplicationParser = {
  format: 'spdx',
  detect(text: string): boolean {
    return textHead(text, 1).startsWith('{') && SPDX_VERSION.test(text);
  },
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot {
    const doc = parseJsonText(text, opts.file);
    validateSpdxDocument(doc, readSpdxVersion(doc, opts.file), opts.file);
    return spdxDocumentToSnapshot(doc, opts);
  },
};

function readSpdxVersion(doc: unknown, file?: string): string {
  if (!isJsonObject(doc)) throw invalidInput('E_SPDX_SCHEMA', 'an SPDX document is a JSON object', { file, field: '/' });
  const version = doc['spdxVersion'];
  if (typeof version !== 'string') throw invalidInput('E_SPDX_SCHEMA', 'spdxVersion is missing or not a string', { file, field: '/spdxVersion' });
  return version;
}
