import { invalidInput } from '@patchloop/core';
import type { InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions, ApplicationParser } from '../application-parser.js';
import { isJsonObject, textHead } from '../shared/json-object.js';
import { parseJsonText } from '../shared/json-text.js';
import { cycloneDxBomToSnapshot } from './cyclonedx.mapper.js';
import { validateCycloneDxBom } from './cyclonedx.schema.js';

const BOM_FORMAT = /"bomFormat"\s*:\s*"CycloneDX"/;

/**
 * CycloneDX JSON BOMs, specVersion 1.2 - 1.6, checked against the official schema.
 *
 * @example
 * const { asset, packages } = cycloneDxParser.parse(readFileSync('bom.json', 'utf8'), { file: 'bom.json' });
 */
export const cycloneDxParser: ApplicationParser = {
  format: 'cyclonedx',
  detect(text: string): boolean {
    return textHead(text, 1).startsWith('{') && BOM_FORMAT.test(text);
  },
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot {
    const doc = parseJsonText(text, opts.file);
    validateCycloneDxBom(doc, readSpecVersion(doc, opts.file), opts.file);
    return cycloneDxBomToSnapshot(doc, opts);
  },
};

/** specVersion picks the schema, so it is read before the schema check. */
function readSpecVersion(doc: unknown, file?: string): string {
  if (!isJsonObject(doc)) throw invalidInput('E_CYCLONEDX_SCHEMA', 'a CycloneDX BOM is a JSON object', { file, field: '/' });
  const version = doc['specVersion'];
  if (typeof version !== 'string') throw invalidInput('E_CYCLONEDX_SCHEMA', 'specVersion is missing or not a string', { file, field: '/specVersion' });
  return version;
}
