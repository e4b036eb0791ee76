import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { isDomainError } from '@patchloop/core';
import { readDebianOvalFile, type Bzip2Decompressor } from './oval.source.js';

const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const PLAIN = testdata('oval-bookworm-excerpt.xml');
const BZ2 = testdata('oval-bookworm-excerpt.xml.bz2');
const FETCHED_AT = '2023-07-14T08:00:00.000Z';
const hasBzip2Cli = spawnSync('bzip2', ['--help'], { stdio: 'ignore' }).error === undefined;

const decompressors: { decompressor: Bzip2Decompressor; skip: string | false }[] = [
  { decompressor: 'js', skip: false },
  { decompressor: 'bzip2-cli', skip: hasBzip2Cli ? false : 'no bzip2 on PATH' },
];

describe('readDebianOvalFile', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-oval-'));
    const bz2 = await readFile(BZ2);
    await copyFile(BZ2, join(dir, 'really-bz2.xml'));
    await copyFile(PLAIN, join(dir, 'really-plain.xml.bz2'));
    const corrupt = Buffer.from(bz2);
    for (let i = 200; i < 260; i++) corrupt[i] = (corrupt[i] ?? 0) ^ 0x5a;
    await writeFile(join(dir, 'corrupt.xml.bz2'), corrupt);
    await writeFile(join(dir, 'truncated.xml.bz2'), bz2.subarray(0, Math.floor(bz2.length / 2)));
    const plain = await readFile(PLAIN);
    const cut = spawnSync('bzip2', ['-c'], { input: plain.subarray(0, plain.length - 400) });
    if (cut.status === 0) await writeFile(join(dir, 'cut-xml.xml.bz2'), cut.stdout);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plain XML: advisories, counts and the data date', async () => {
    const result = await readDebianOvalFile(PLAIN, { fetchedAt: FETCHED_AT });
    assert.equal(result.advisories.length, 11);
    assert.deepEqual(result.counts, { definitions: 11, vulnerability: 8, patch: 3, tests: 11, objects: 11, states: 11 });
    assert.equal(result.dataDate, '2023-07-14T03:39:10.188-04:00');
  });

  for (const { decompressor, skip } of decompressors) {
    describe(`bzip2 with ${decompressor}`, { skip }, () => {
      const cases = [
        { name: 'a .bz2 file gives the same advisories as the plain file', file: () => BZ2 },
        { name: 'detected by magic bytes: bz2 content named .xml', file: () => join(dir, 'really-bz2.xml') },
        { name: 'detected by magic bytes: plain content named .xml.bz2', file: () => join(dir, 'really-plain.xml.bz2') },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const expected = await readDebianOvalFile(PLAIN, { fetchedAt: FETCHED_AT });
          assert.deepEqual(await readDebianOvalFile(c.file(), { fetchedAt: FETCHED_AT, decompressor }), expected);
        });
      }

      const bad = [
        { name: 'corrupt bz2 (bytes flipped inside the first block)', file: () => join(dir, 'corrupt.xml.bz2') },
        { name: 'truncated bz2', file: () => join(dir, 'truncated.xml.bz2') },
      ];
      it('valid bz2 around truncated XML → E_OVAL_INVALID (the parse error, not the container)', { skip: hasBzip2Cli ? false : 'no bzip2 on PATH to build the fixture' }, async () => {
        await assert.rejects(readDebianOvalFile(join(dir, 'cut-xml.xml.bz2'), { fetchedAt: FETCHED_AT, decompressor }), (e: unknown) => isDomainError(e) && e.code === 'E_OVAL_INVALID');
      });

      for (const c of bad) {
        it(`${c.name} → E_BZ2_INVALID`, async () => {
          await assert.rejects(readDebianOvalFile(c.file(), { fetchedAt: FETCHED_AT, decompressor }), (e: unknown) => {
            assert.ok(isDomainError(e), String(e));
            assert.equal(e.code, 'E_BZ2_INVALID');
            assert.match(e.location?.file ?? '', /\.xml\.bz2$/);
            return true;
          });
        });
      }
    });
  }

  it('fetchedAt defaults to the file modification time', async () => {
    const result = await readDebianOvalFile(PLAIN);
    assert.match(result.advisories[0]?.provenance.fetchedAt ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
