import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDomainError } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { generatorTimestampToIso, ubuntuOvalFormat } from './ubuntu-oval.format.js';
import { EXCERPT, FETCHED_AT, realNobleFile, testdata } from './ubuntu-oval.test-helpers.js';

describe('ubuntuOvalFormat.detect', () => {
  const cases = [
    { name: 'the noble file head', head: '<?xml version="1.0" encoding="UTF-8"?>\n<oval_definitions xmlns="…">\n\t<generator>\n\t\t<oval:product_name>Canonical USN OVAL Generator</oval:product_name>', want: true },
    { name: 'Canonical ids without the generator name', head: '<oval_definitions><definitions><definition id="oval:com.ubuntu.jammy:def:100"', want: true },
    { name: 'Debian OVAL', head: '<oval_definitions><definitions><definition id="oval:org.debian:def:1"', want: false },
    { name: 'CSAF JSON', head: '{"document":{"csaf_version":"2.0"', want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(ubuntuOvalFormat.detect(c.head, 'x.xml'), c.want));
});

describe('Ubuntu 24.04 USN OVAL, the real file (3.9 MB XML, bzip2)', () => {
  const real = realNobleFile();
  let r: FeedParseResult;
  before(async () => {
    if (real.skip) return;
    const t0 = performance.now();
    r = await ubuntuOvalFormat.parsePath(real.path, { fetchedAt: FETCHED_AT });
    console.log(`# noble USN OVAL: ${Math.round(performance.now() - t0)} ms (bunzip2 + sax + map)`);
  });

  it('261 definitions: 207 USNs mapped, 48 kernel USNs and 5 Livepatch notices rejected, 1 inventory check', { skip: real.skip }, () => {
    assert.equal(r.records, 261);
    assert.equal(r.advisories.length, 207);
    const codes = r.rejected.map((x) => x.reason.split(':')[0]);
    assert.equal(codes.filter((c) => c === 'E_OVAL_KERNEL_CHECK').length, 48);
    assert.equal(codes.filter((c) => c === 'E_OVAL_NO_PACKAGE').length, 5);
    assert.equal(r.rejected.length, 53);
    assert.equal(r.advisories.reduce((n, a) => n + a.affected.length, 0), 2479);
    assert.equal(r.dataDate, '2024-12-24T07:42:06.000Z');
  });

  it('every mapped USN has exactly the binaries and versions its own "Update Instructions" list', { skip: real.skip }, () => {
    const mismatched: string[] = [];
    for (const a of r.advisories) {
      const listed = (a.details ?? '').split('following package versions:')[1] ?? '';
      const fromText = new Set([...listed.matchAll(/(\S+) - (\S+)/g)].map((m) => `${m[1]} ${m[2]}`));
      const fromChecks = new Set(a.affected.map((x) => `${x.name} ${x.ranges[0]?.events.map((e) => ('fixed' in e ? e.fixed : '')).join('')}`));
      if (fromText.size === 0 || fromText.size !== fromChecks.size || [...fromText].some((p) => !fromChecks.has(p))) mismatched.push(a.id);
    }
    assert.deepEqual(mismatched, []);
  });

  it('every affected entry: Ubuntu:24.04:LTS, binary, fixed, ids unique', { skip: real.skip }, () => {
    const entries = r.advisories.flatMap((a) => a.affected);
    assert.ok(entries.every((e) => e.ecosystem === 'Ubuntu:24.04:LTS' && e.packageKind === 'binary' && e.status === 'fixed'));
    assert.equal(new Set(r.advisories.map((a) => a.id)).size, 207);
  });

  it('strict: the kernel and Livepatch rejections refuse the file with E_FEED_STRICT', { skip: real.skip }, async () => {
    await assert.rejects(ubuntuOvalFormat.parsePath(real.path, { fetchedAt: FETCHED_AT, strict: true }), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT' && /53 invalid record/.test(e.message));
  });
});

describe('ubuntuOvalFormat.parsePath: compressed and broken files', () => {
  const hasBzip2 = spawnSync('bzip2', ['--help'], { stdio: 'ignore' }).error === undefined;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-ubuntu-oval-'));
    const bz2 = await readFile(testdata('noble-usn-excerpt.xml.bz2'));
    await copyFile(testdata('noble-usn-excerpt.xml.bz2'), join(dir, 'really-bz2.xml'));
    await writeFile(join(dir, 'truncated.xml.bz2'), bz2.subarray(0, Math.floor(bz2.length / 2)));
    await writeFile(join(dir, 'garbage.xml'), 'garbage\n');
    const plain = await readFile(EXCERPT);
    const cut = spawnSync('bzip2', ['-c'], { input: plain.subarray(0, plain.length - 500) });
    if (cut.status === 0) await writeFile(join(dir, 'cut-xml.xml.bz2'), cut.stdout);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('bzip2 (by magic bytes, whatever the name) gives what the plain file gives', async () => {
    const plain = await ubuntuOvalFormat.parsePath(EXCERPT, { fetchedAt: FETCHED_AT, displayName: 'x' });
    const bz2 = await ubuntuOvalFormat.parsePath(join(dir, 'really-bz2.xml'), { fetchedAt: FETCHED_AT, displayName: 'x' });
    assert.deepEqual(bz2, plain);
    assert.equal(plain.records, 7);
  });

  const bad = [
    { name: 'truncated bzip2', file: 'truncated.xml.bz2', code: 'E_BZ2_INVALID', skip: false },
    { name: 'valid bzip2 around truncated XML', file: 'cut-xml.xml.bz2', code: 'E_OVAL_INVALID', skip: hasBzip2 ? false : 'no bzip2 to build the fixture' },
    { name: 'garbage', file: 'garbage.xml', code: 'E_OVAL_INVALID', skip: false },
  ];
  for (const c of bad) {
    it(`${c.name} → ${c.code} naming the file`, { skip: c.skip }, async () => {
      await assert.rejects(ubuntuOvalFormat.parsePath(join(dir, c.file), { fetchedAt: FETCHED_AT }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.equal(e.location?.file, c.file);
        return true;
      });
    });
  }
});

describe('generatorTimestampToIso', () => {
  const cases = [
    { name: 'Canonical: no zone, read as UTC', ts: '2024-12-24T07:42:06', want: '2024-12-24T07:42:06.000Z' },
    { name: 'Debian: with an offset', ts: '2023-07-14T03:39:10.188-04:00', want: '2023-07-14T07:39:10.188Z' },
    { name: 'missing', ts: undefined, want: undefined },
    { name: 'not a date', ts: 'yesterday', want: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.equal(generatorTimestampToIso(c.ts), c.want));
});
