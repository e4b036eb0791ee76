import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { forEachLine, forEachLineOfText, LineSplitter } from './line-splitter.js';

const cases: { name: string; chunks: string[] }[] = [
  { name: 'empty input', chunks: [] },
  { name: 'one line without ending', chunks: ['Package: a'] },
  { name: 'LF endings and a blank line', chunks: ['a\n\nb\n'] },
  { name: 'CRLF endings', chunks: ['a\r\nb\r\n'] },
  { name: 'a lone CR ends a line', chunks: ['a\rb\n'] },
  { name: 'CRLF split across chunks', chunks: ['a\r', '\nb'] },
  { name: 'CR at the very end', chunks: ['a\r'] },
  { name: 'CR, CR', chunks: ['a\r\r\nb'] },
  { name: 'a line spread over three chunks', chunks: ['Pack', 'age: ', 'a\nVersion: 1\n'] },
  { name: 'trailing blank lines', chunks: ['a\n\n\n'] },
];

/** What node:readline (crlfDelay Infinity) makes of the chunks: the behaviour LineSplitter keeps. */
async function readlineLines(chunks: string[]): Promise<string[]> {
  const rl = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  const out: string[] = [];
  rl.on('line', (l) => out.push(l));
  await once(rl, 'close');
  return out;
}

describe('LineSplitter', () => {
  for (const c of cases) {
    it(`splits like readline: ${c.name}`, async () => {
      const splitter = new LineSplitter();
      const got = [...c.chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
      assert.deepEqual(got, await readlineLines(c.chunks));
    });
  }

  it(`forEachLineOfText on the whole text splits like readline: ${cases.length} cases and a mixed text`, async () => {
    for (const chunks of [...cases.map((c) => c.chunks), ['a\n\r\nb\r\rc\n\nd']]) {
      const got: string[] = [];
      forEachLineOfText(chunks.join(''), (l) => got.push(l));
      assert.deepEqual(got, await readlineLines(chunks), JSON.stringify(chunks));
    }
  });

  it('decodes UTF-8 split inside a character (forEachLine)', async () => {
    const bytes = Buffer.from('Maintainer: Jürgen\nb\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1;
    const got: string[] = [];
    await forEachLine(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), (l) => got.push(l));
    assert.deepEqual(got, ['Maintainer: Jürgen', 'b']);
  });
});
