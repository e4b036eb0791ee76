import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '@patchloop/core';
import { E_LINE_TOO_LONG } from './dsa.errors.js';

/**
 * The lines of a stream (without "\n" / "\r\n"), numbered from 1. A line longer than
 * `maxLineBytes` fails with E_LINE_TOO_LONG naming the file and line, before it is buffered whole.
 */
export async function* readLines(input: Readable, file: string, maxLineBytes: number): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let partialBytes = 0;
  let line = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const parts = decoder.write(chunk).split('\n');
    const last = parts.pop() ?? '';
    for (const part of parts) {
      line += 1;
      if (partialBytes + Buffer.byteLength(part) > maxLineBytes) throw tooLong(file, line, maxLineBytes);
      yield { text: stripCr(partial + part), line };
      partial = '';
      partialBytes = 0;
    }
    partial += last;
    partialBytes += Buffer.byteLength(last);
    if (partialBytes > maxLineBytes) throw tooLong(file, line + 1, maxLineBytes);
  }
  partial += decoder.end();
  if (partial !== '') yield { text: stripCr(partial), line: line + 1 };
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function tooLong(file: string, line: number, max: number): DomainError {
  return new DomainError(E_LINE_TOO_LONG, 'too_large', `line longer than ${max} bytes: refusing the file`, { location: { file, line } });
}
