import type { Readable } from 'node:stream';
import { createOvalCollector } from '../debian-oval/oval.collector.js';
import { assertOvalReferencesResolve } from '../debian-oval/oval.references.js';
import type { UbuntuOvalDocument } from './ubuntu-oval.types.js';
import { createUbuntuMetadataCollector } from './ubuntu-oval.metadata-collector.js';
import { createGuardedXmlParser, writeAllToParser } from '../shared/xml-guard.js';

/** Options for {@link parseUbuntuOval}. */
export interface ParseUbuntuOvalOptions {
  /** Name used in error locations ("com.ubuntu.noble.usn.oval.xml.bz2"). */
  file?: string;
}

/**
 * Stream Canonical's USN OVAL through sax (strict mode, DOCTYPE/entities refused with
 * E_XML_DTD_FORBIDDEN) into the generic OVAL structure plus the Ubuntu `<advisory>` metadata.
 * One pass: each sax event goes to the Debian OVAL collector (the OVAL 5 structure is the same)
 * and to the Ubuntu metadata collector. Malformed or truncated XML and dangling references fail
 * with E_OVAL_INVALID naming the file and line.
 *
 * @example
 * const { oval, metadata } = await parseUbuntuOval(await openInput('com.ubuntu.noble.usn.oval.xml.bz2'));
 * oval.definitions.length; // 261
 */
export async function parseUbuntuOval(input: Readable | AsyncIterable<string | Buffer>, { file }: ParseUbuntuOvalOptions = {}): Promise<UbuntuOvalDocument> {
  const structure = createOvalCollector(file);
  const meta = createUbuntuMetadataCollector();
  const parser = createGuardedXmlParser(
    {
      open: (tag, line) => {
        structure.open(tag, line);
        meta.open(tag, line);
      },
      text: (t) => {
        structure.text(t);
        meta.text(t);
      },
      close: (name) => {
        structure.close(name);
        meta.close(name);
      },
    },
    file,
  );
  const lastLine = await writeAllToParser(parser, input, file);
  const oval = structure.finish(lastLine);
  assertOvalReferencesResolve(oval, file);
  return { oval, metadata: meta.metadata };
}
