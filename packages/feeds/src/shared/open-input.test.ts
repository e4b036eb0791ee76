import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { detectCompression, openInput } from './open-input.js';

async function readAll(path: string, limits?: Parameters<typeof openInput>[1]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of (await openInput(path, limits)) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

describe('openInput', () => {
  let dir: string;
  const file = (name: string, data: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-open-input-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const detectCases: [string, Buffer, string][] = [
    ['gzip magic', gzipSync('x'), 'gzip'],
    ['bzip2 magic', Buffer.from('BZh91AY&SY'), 'bzip2'],
    ['zip magic', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'zip'],
    ['plain text, misleading .gz name', Buffer.from('cve,epss'), 'none'],
  ];
  for (const [name, data, want] of detectCases) {
    it(`detects ${name}`, async () => assert.equal(await detectCompression(file(`d-${want}.gz`, data)), want));
  }

  it('passes plain files through and inflates gzip', async () => {
    assert.equal(await readAll(file('plain.txt', 'hello')), 'hello');
    assert.equal(await readAll(file('hello.gz', gzipSync('hello gzip'))), 'hello gzip');
  });

  it('refuses a gzip bomb past the ratio limit with E_INPUT_TOO_LARGE', async () => {
    const bomb = file('bomb.gz', gzipSync(Buffer.alloc(20 * 1024 * 1024)));
    await assert.rejects(readAll(bomb, { limits: { maxRatio: 100 } }), { code: 'E_INPUT_TOO_LARGE', message: /bomb\.gz/ });
  });

  it('refuses a truncated gzip with E_GZIP_INVALID', async () => {
    const full = gzipSync(Buffer.from('x'.repeat(100_000) + 'y'.repeat(100_000)));
    await assert.rejects(readAll(file('trunc.gz', full.subarray(0, full.length - 20))), { code: 'E_GZIP_INVALID', message: /trunc\.gz/ });
  });

  it('refuses to stream a zip archive (archives are read entry by entry elsewhere)', async () => {
    await assert.rejects(openInput(file('a.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))), { code: 'E_INPUT_IS_ARCHIVE' });
  });
});
