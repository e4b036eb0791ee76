import type { Readable } from 'node:stream';
import type { OvalDocument } from './oval.types.js';
import { createOvalCollector } from './oval.collector.js';
import { assertOvalReferencesResolve } from './oval.references.js';
import { createGuardedXmlParser, writeAllToParser } from '../shared/xml-guard.js';

/** Options for {@link parseDebianOval}. */
export interface ParseDebianOvalOptions {
  /** Name used in error locations ("oval-definitions-bookworm.xml.bz2"). */
  file?: string;
}

/**
 * Stream an OVAL definitions document through sax (strict mode) into an {@link OvalDocument}.
 * Refuses any DOCTYPE and any entity reference other than the five XML built-ins
 * (E_XML_DTD_FORBIDDEN); malformed or truncated XML and references that do not resolve
 * fail with E_OVAL_INVALID naming the file and line.
 *
 * @example
 * const doc = await parseDebianOval(createReadStream('oval-definitions-bookworm.xml'), { file: 'bookworm.xml' });
 * doc.definitions.length; // 25932
 */
export async function parseDebianOval(
  input: Readable | AsyncIterable<string | Buffer>,
  { file }: ParseDebianOvalOptions = {},
): Promise<OvalDocument> {
  const collector = createOvalCollector(file);
  const parser = createGuardedXmlParser(collector, file);
  const lastLine = await writeAllToParser(parser, input, file);
  const doc = collector.finish(lastLine);
  assertOvalReferencesResolve(doc, file);
  return doc;
}
