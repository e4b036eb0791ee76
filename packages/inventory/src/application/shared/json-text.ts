import { invalidInput } from '@patchloop/core';

/** A position in a text, both 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Parses JSON text; on a syntax error throws E_JSON_INVALID naming the line and column.
 * Node 20's JSON.parse often reports no position ("Unexpected token '}'"), so the error
 * offset is found again by {@link locateJsonSyntaxError}.
 *
 * @example
 * const doc = parseJsonText(text, 'bom.json'); // throws "bom.json, line 3: invalid JSON at column 8: ..."
 */
export function parseJsonText(text: string, file?: string): unknown {
  const body = stripByteOrderMark(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    const offset = locateJsonSyntaxError(body) ?? body.length;
    const { line, column } = positionAt(body, offset);
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw invalidInput('E_JSON_INVALID', `invalid JSON at column ${column}: ${reason}`, { file, line }, cause);
  }
}

/** Line and column (1-based) of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first JSON syntax error in text, or undefined when the text is valid JSON. */
export function locateJsonSyntaxError(text: string): number | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxAt) return e.offset;
    throw e;
  }
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: matching them is the point.
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/** A recursive-descent JSON recogniser: it builds nothing, it only finds where the text goes wrong. */
class JsonScanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail();
  }

  private value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    this.literal();
  }

  private object(): void {
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === '}') return void (this.pos += 1);
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail();
      this.string();
      this.expect(':');
      this.value();
      if (this.endOfList('}')) return;
    }
  }

  private array(): void {
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === ']') return void (this.pos += 1);
    for (;;) {
      this.value();
      if (this.endOfList(']')) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma; anything else is an error. */
  private endOfList(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c !== ',' && c !== close) this.fail();
    this.pos += 1;
    return c === close;
  }

  private string(): void {
    this.pos += 1;
    this.pos = this.match(STRING_BODY);
    if (this.text[this.pos] !== '"') this.fail();
    this.pos += 1;
  }

  private number(): void {
    const end = this.match(NUMBER);
    if (end === this.pos) this.fail();
    this.pos = end;
  }

  private literal(): void {
    const word = LITERALS.find((w) => this.text.startsWith(w, this.pos));
    if (word === undefined) this.fail();
    this.pos += word.length;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail();
    this.pos += 1;
  }

  private match(re: RegExp): number {
    re.lastIndex = this.pos;
    return re.exec(this.text) ? re.lastIndex : this.pos;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos += 1;
  }

  private fail(): never {
    throw new JsonSyntaxAt(this.pos);
  }
}
