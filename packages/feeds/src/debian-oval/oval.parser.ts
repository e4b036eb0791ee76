import type { Readable } from 'node:stream';
import sax from 'sax';
import { invalidInput, isDomainError } from '@patchloop/core';
import type { OvalDocument } from './oval.types.js';
import { createOvalCollector, type OvalCollector } from './oval.collector.js';
import { assertOvalReferencesResolve } from './oval.references.js';
import { E_XML_DTD_FORBIDDEN, ovalInvalid } from './oval.errors.js';

/** Options for {@link parseDebianOval}. */
export interface ParseDebianOvalOptions {
  /** Name used in error locations ("oval-definitions-bookworm.xml.bz2"). */
  file?: string;
}

/** The five entities XML predefines; anything else would need a DTD, which is refused. */
const XML_BUILTIN_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

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
  const parser = createGuardedSaxParser(collector, file);
  const lineNow = (): number => parser.line + 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    throw asParseError(e, file, lineNow());
  }
  const doc = collector.finish(lineNow());
  assertOvalReferencesResolve(doc, file);
  return doc;
}

function createGuardedSaxParser(collector: OvalCollector, file: string | undefined): sax.SAXParser {
  // strictEntities (sax ≥ 1.2.2, missing from @types/sax 1.2.7) drops sax's HTML entity table;
  // entityGuard below replaces the table anyway.
  const options: sax.SAXOptions & { strictEntities: boolean } = { strictEntities: true, trim: false, normalize: false, position: true };
  const parser = sax.parser(true, options);
  const line = (): number => parser.line + 1;
  parser.ondoctype = () => {
    throw invalidInput(E_XML_DTD_FORBIDDEN, 'DOCTYPE declarations are refused (no DTDs, no entity definitions)', { file, line: line() });
  };
  parser.ENTITIES = entityGuard(file, line);
  parser.onerror = (e) => {
    throw ovalInvalid(`malformed XML: ${e.message.split('\n')[0] ?? ''}`, file, line(), e);
  };
  parser.onopentag = (tag) => collector.open(tag as sax.Tag, line());
  parser.ontext = collector.text;
  parser.oncdata = collector.text;
  parser.onclosetag = (name) => collector.close(name);
  return parser;
}

/**
 * A stand-in for sax's entity table: the five built-ins resolve, character references
 * ("#65", "#x41") fall through to sax's own checks, any other name is refused.
 */
function entityGuard(file: string | undefined, line: () => number): Record<string, string> {
  return new Proxy(XML_BUILTIN_ENTITIES as Record<string, string>, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (Object.hasOwn(target, key)) return target[key];
      if (key.startsWith('#')) return undefined;
      throw invalidInput(E_XML_DTD_FORBIDDEN, `entity reference &${key}; refused: only the five XML built-in entities are allowed`, {
        file,
        line: line(),
      });
    },
  });
}

function asParseError(e: unknown, file: string | undefined, line: number): unknown {
  if (isDomainError(e)) return e;
  if (e instanceof TypeError && (e as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return ovalInvalid('input is not valid UTF-8', file, line, e);
  }
  return e;
}
