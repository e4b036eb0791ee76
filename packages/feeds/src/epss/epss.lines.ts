import type { Readable } from 'node:stream';
import { invalidInput } from '@patchloop/core';
import { E_LINE_TOO_LONG } from './epss.errors.js';

/** Called once per line (without \n or \r\n), 1-based line numbers. */
export type LineHandler = (text: string, line: number) => void;

/**
 * Splits a byte stream into UTF-8 lines and calls `onLine` synchronously for each (no promise
 * per line: 275k lines stay cheap). A line, or an unterminated tail, longer than `maxLineBytes`
 * fails with E_LINE_TOO_LONG before it is buffered further. Stream errors propagate unchanged.
 */
export async function forEachLine(stream: Readable, { maxLineBytes, file }: { maxLineBytes: number; file: string }, onLine: LineHandler): Promise<number> {
  let pending = '';
  let line = 0;
  const emit = (text: string): void => {
    line += 1;
    checkLength(text, line, maxLineBytes, file);
    onLine(text.endsWith('\r') ? text.slice(0, -1) : text, line);
  };
  for await (const chunk of stream.setEncoding('utf8') as AsyncIterable<string>) {
    const text = pending + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      emit(text.slice(start, end));
      start = end + 1;
    }
    pending = text.slice(start);
    checkLength(pending, line + 1, maxLineBytes, file);
  }
  if (pending !== '') emit(pending);
  return line;
}

function checkLength(text: string, line: number, maxLineBytes: number, file: string): void {
  // UTF-16 length <= UTF-8 length, so the byte count is only needed near the limit.
  if (text.length * 3 <= maxLineBytes || Buffer.byteLength(text) <= maxLineBytes) return;
  throw invalidInput(E_LINE_TOO_LONG, `line longer than ${maxLineBytes} bytes`, { file, line });
}
