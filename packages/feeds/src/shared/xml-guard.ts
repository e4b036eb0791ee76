import sax from 'sax';
import { invalidInput, isDomainError } from '@patchloop/core';
import { E_XML_DTD_FORBIDDEN, ovalInvalid } from '../debian-oval/oval.errors.js';

/** The sax events a collector consumes (strict mode, no xmlns processing). */
export interface XmlEventSink {
  open(tag: { name: string; attributes: Record<string, string> }, line: number): void;
  text(text: string): void;
  close(name: string): void;
}

/** The five entities XML predefines; anything else would need a DTD, which is refused. */
const XML_BUILTIN_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// The one XML guard every OVAL parser (Debian, Ubuntu) streams through.

/**
 * A strict sax parser that refuses any DOCTYPE and any entity other than the five XML
 * built-ins with E_XML_DTD_FORBIDDEN at the line where it appears, and turns malformed XML
 * into E_OVAL_INVALID naming the file and line.
 */
export function createGuardedXmlParser(sink: XmlEventSink, file: string | undefined): sax.SAXParser {
  // strictEntities (sax >= 1.2.2, missing from @types/sax 1.2.7) drops sax's HTML entity table.
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
  parser.onopentag = (tag) => sink.open(tag as sax.Tag, line());
  parser.ontext = (t) => sink.text(t);
  parser.oncdata = (t) => sink.text(t);
  parser.onclosetag = (name) => sink.close(name);
  return parser;
}

/** Feed a byte or text stream through the parser, decoding UTF-8 strictly; returns the last line read. */
export async function writeAllToParser(parser: sax.SAXParser, input: AsyncIterable<string | Buffer>, file: string | undefined): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input) parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    throw asParseError(e, file, parser.line + 1);
  }
  return parser.line + 1;
}

function entityGuard(file: string | undefined, line: () => number): Record<string, string> {
  return new Proxy(XML_BUILTIN_ENTITIES as Record<string, string>, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (Object.hasOwn(target, key)) return target[key];
      if (key.startsWith('#')) return undefined;
      throw invalidInput(E_XML_DTD_FORBIDDEN, `entity reference &${key}; refused: only the five XML built-in entities are allowed`, { file, line: line() });
    },
  });
}

function asParseError(e: unknown, file: string | undefined, line: number): unknown {
  if (isDomainError(e)) return e;
  if (e instanceof TypeError && (e as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return ovalInvalid('input is not valid UTF-8', file, line, e);
  return e;
}
