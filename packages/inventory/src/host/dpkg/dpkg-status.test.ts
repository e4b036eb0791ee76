import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { createDpkgStatusParser, parseDpkgStatus } from './dpkg-status.parser.js';
import { linesOf, pushTextLines, type PackageDbLineParser } from '../package-db.js';

const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const read = (name: string): string => readFileSync(testdata(name), 'utf8');
const ecosystem = 'Debian:12';
const parseHandmade = () => parseDpkgStatus(read('handmade.status'), { ecosystem, file: 'handmade.status' });
const find = (pkgs: InstalledPackage[], name: string, arch?: string) => pkgs.filter((p) => p.name === name && (arch === undefined || p.arch === arch));

describe('parseDpkgStatus: handmade.status', () => {
  const cases: { name: string; pkg: string; arch?: string; want: InstalledPackage[] }[] = [
    {
      name: 'Source without version: source version is the binary version',
      pkg: 'libssl3',
      want: [{ ecosystem, name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2', arch: 'amd64', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12' }],
    },
    {
      name: 'binNMU: "Source: bash (5.2.15-2)" for binary 5.2.15-2+b2',
      pkg: 'bash',
      want: [{ ecosystem, name: 'bash', version: '5.2.15-2+b2', sourceName: 'bash', sourceVersion: '5.2.15-2', arch: 'amd64', purl: 'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12' }],
    },
    {
      name: 'epoch in the binary version, source version without it',
      pkg: 'bsdutils',
      want: [{ ecosystem, name: 'bsdutils', version: '1:2.38.1-5+b1', sourceName: 'util-linux', sourceVersion: '2.38.1-5', arch: 'amd64', purl: 'pkg:deb/debian/bsdutils@1:2.38.1-5+b1?arch=amd64&distro=debian-12' }],
    },
    {
      name: 'multi-arch: libc6 amd64 and i386 are two entries',
      pkg: 'libc6',
      want: ['amd64', 'i386'].map((arch) => ({ ecosystem, name: 'libc6', version: '2.36-9+deb12u4', sourceName: 'glibc', sourceVersion: '2.36-9+deb12u4', arch, purl: `pkg:deb/debian/libc6@2.36-9+deb12u4?arch=${arch}&distro=debian-12` })),
    },
    {
      name: 'Architecture: all, no Source field: source is the binary itself',
      pkg: 'tzdata',
      want: [{ ecosystem, name: 'tzdata', version: '2024a-0+deb12u1', sourceName: 'tzdata', sourceVersion: '2024a-0+deb12u1', arch: 'all', purl: 'pkg:deb/debian/tzdata@2024a-0+deb12u1?arch=all&distro=debian-12' }],
    },
    {
      name: 'held package (hold ok installed) is installed',
      pkg: 'nginx',
      want: [{ ecosystem, name: 'nginx', version: '1.22.1-9', sourceName: 'nginx', sourceVersion: '1.22.1-9', arch: 'amd64', purl: 'pkg:deb/debian/nginx@1.22.1-9?arch=amd64&distro=debian-12' }],
    },
    { name: 'removed with config-files (rc) is not installed', pkg: 'linux-image-6.1.0-17-amd64', want: [] },
    { name: 'half-configured (iF) is not installed', pkg: 'demo-web', want: [] },
    { name: 'purge ok not-installed without Version is skipped, not an error', pkg: 'demo-gone', want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = find(parseHandmade().packages, c.pkg, c.arch);
      assert.deepEqual(got, c.want);
    });
  }

  it('counts skipped stanzas as values and one warning per reason', () => {
    const { skipped, warnings } = parseHandmade();
    assert.deepEqual(skipped.map((s) => `${s.name}@${s.line}: ${s.reason}`), [
      'linux-image-6.1.0-17-amd64@127: deinstall ok config-files',
      'demo-web@141: install ok half-configured',
      'demo-gone@152: purge ok not-installed',
    ]);
    assert.deepEqual(warnings, [
      'dpkg status: skipped 1 not installed (deinstall ok config-files): linux-image-6.1.0-17-amd64',
      'dpkg status: skipped 1 not installed (install ok half-configured): demo-web',
      'dpkg status: skipped 1 not installed (purge ok not-installed): demo-gone',
    ]);
  });
});

describe('parseDpkgStatus: input shapes', () => {
  const stanza = 'Package: a\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n';
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: 'empty file', text: '', want: [] },
    { name: 'no trailing newline', text: stanza.trimEnd(), want: ['a 1.0-1'] },
    { name: 'CRLF line endings', text: stanza.replaceAll('\n', '\r\n'), want: ['a 1.0-1'] },
    { name: 'several blank lines between stanzas', text: `${stanza}\n\n\n${stanza.replace('a\n', 'b\n')}`, want: ['a 1.0-1', 'b 1.0-1'] },
    { name: 'field names are case-insensitive', text: 'package: a\nSTATUS: install ok installed\nversion: 2\n', want: ['a 2'] },
    { name: 'tab continuation line', text: `Package: a\nDescription: x\n\tmore\nStatus: install ok installed\nVersion: 3\n`, want: ['a 3'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = parseDpkgStatus(c.text, { ecosystem }).packages.map((p) => `${p.name} ${p.version}`);
      assert.deepEqual(got, c.want);
    });
  }
});

describe('parseDpkgStatus: malformed input names the file and line', () => {
  const ok = 'Package: ok\nStatus: install ok installed\nVersion: 1\n\n';
  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'line that is neither a field nor a continuation', text: `${ok}Package: a\nthis is not a field\n`, line: 6, message: /expected "Field: value"/ },
    { name: 'stanza missing Version', text: `${ok}Package: a\nStatus: install ok installed\nArchitecture: amd64\n`, line: 5, message: /no Version field/ },
    { name: 'stanza missing Package', text: `${ok}Status: install ok installed\nVersion: 1\n`, line: 5, message: /no Package field/ },
    { name: 'stanza missing Status', text: `Package: a\nVersion: 1\n`, line: 1, message: /no Status field/ },
    { name: 'invalid Status triple', text: `${ok}Package: a\nVersion: 1\nStatus: install fine installed\n`, line: 7, message: /Status must be/ },
    { name: 'Status with two words', text: `Package: a\nStatus: install installed\nVersion: 1\n`, line: 2, message: /Status must be/ },
    { name: 'continuation as first line of a stanza', text: `${ok} dangling\nPackage: a\n`, line: 5, message: /continuation line without a field/ },
    { name: 'malformed Source', text: `Package: a\nStatus: install ok installed\nVersion: 1\nSource: b (1) extra\n`, line: 4, message: /Source must be/ },
    { name: 'duplicate field', text: `Package: a\nVersion: 1\nVersion: 2\nStatus: install ok installed\n`, line: 3, message: /duplicate field/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => parseDpkgStatus(c.text, { ecosystem, file: 'bad.status' }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_DPKG_STATUS_INVALID');
        assert.deepEqual(e.location, { file: 'bad.status', line: c.line });
        assert.match(e.message, new RegExp(`^bad\\.status, line ${c.line}: `));
        assert.match(e.message, c.message);
        return true;
      });
    });
  }

  it('nothing partial: the push parser throws before finish() can return earlier stanzas', () => {
    const parser = createDpkgStatusParser({ ecosystem });
    for (const line of ok.split('\n')) parser.pushLine(line);
    assert.throws(() => parser.pushLine('garbage'), /E_DPKG_STATUS_INVALID|expected "Field: value"/);
  });
});

describe('createDpkgStatusParser: lines read in place (pushLineOf) and cut out (pushLine) agree', () => {
  /** Everything a parse gives, or the error it throws (code, message, location). */
  function outcome(push: (parser: PackageDbLineParser, text: string) => void, text: string): unknown {
    const parser = createDpkgStatusParser({ ecosystem, file: 'f' });
    try {
      push(parser, text);
      return parser.finish();
    } catch (e) {
      return isDomainError(e) ? { code: e.code, message: e.message, location: e.location } : String(e);
    }
  }
  const byLine = (parser: PackageDbLineParser, text: string) => {
    for (const line of linesOf(text)) parser.pushLine(line);
  };
  const inPlace = (parser: PackageDbLineParser, text: string) => pushTextLines(parser, text);
  const ok = 'Package: a\nStatus: install ok installed\nVersion: 1\n';
  const cases: { name: string; text: string }[] = [
    { name: 'debian12-host.status', text: read('debian12-host.status') },
    { name: 'handmade.status', text: read('handmade.status') },
    { name: 'whitespace-only lines separate stanzas', text: `${ok} \t\n\u00a0\n${ok.replace('a\n', 'b\n')}` },
    { name: 'a line separator inside a value is an error', text: `${ok}Description: x\u2028y\n` },
    { name: 'name with characters outside printable ASCII', text: `${ok}F\u00e9ld: 1\n` },
    { name: 'same field in two cases is a duplicate', text: `${ok}package: b\n` },
    { name: 'comment line', text: `#c: d\n${ok}` },
    { name: 'continuation first', text: ` x\n${ok}` },
    { name: 'no final newline, Source with version', text: `${ok}Source: s (0.9)` },
    { name: 'non-ASCII values', text: `Package: p\u00e4\nStatus: install ok installed\nVersion: 1\u00e9\nArchitecture: amd64\n` },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(outcome(inPlace, c.text), outcome(byLine, c.text)));
});

describe('parseDpkgStatus: oracle against dpkg-query', () => {
  const dpkgQuery = spawnSync('dpkg-query', ['--version'], { encoding: 'utf8' });
  const fixtures = ['debian12-host.status', 'handmade.status'];
  for (const fixture of fixtures) {
    it(`same (name, version, arch, source name, source version) as dpkg-query on ${fixture}`, (t) => {
      if (dpkgQuery.error || dpkgQuery.status !== 0) {
        t.skip(`dpkg-query not runnable here: ${dpkgQuery.error?.message ?? `exit ${dpkgQuery.status}`}`);
        return;
      }
      const want = queryInstalledWithDpkg(testdata(fixture));
      const got = parseDpkgStatus(read(fixture), { ecosystem, file: fixture }).packages.map((p) =>
        [p.name, p.version, p.arch ?? '', p.sourceName ?? '', p.sourceVersion ?? ''].join('\t'),
      );
      assert.ok(want.length > 0, 'dpkg-query listed no installed packages');
      assert.deepEqual([...got].sort(), want);
    });
  }
});

/** Installed rows (state "i", no error flag: ii, hi, ri, pi) as dpkg-query prints them, sorted. */
function queryInstalledWithDpkg(statusFile: string): string[] {
  const admindir = mkdtempSync(join(tmpdir(), 'patchloop-dpkg-oracle-'));
  try {
    mkdirSync(join(admindir, 'info'));
    mkdirSync(join(admindir, 'updates'));
    copyFileSync(statusFile, join(admindir, 'status'));
    const format = '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\t${db:Status-Abbrev}\n';
    const res = spawnSync('dpkg-query', [`--admindir=${admindir}`, '-W', '-f', format], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(res.status, 0, res.stderr);
    return res.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t'))
      .filter((cols) => /^.i $/.test(cols[5] ?? ''))
      .map((cols) => cols.slice(0, 5).join('\t'))
      .sort();
  } finally {
    rmSync(admindir, { recursive: true, force: true });
  }
}
