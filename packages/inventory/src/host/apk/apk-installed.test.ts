import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { parseApkInstalled } from './apk-installed.parser.js';

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)), 'utf8');
const ecosystem = 'Alpine:v3.19';

describe('parseApkInstalled: real installed db (syft multiple-1, Alpine 3.19 packages)', () => {
  const { packages } = parseApkInstalled(read('syft-multiple-1.installed'), { ecosystem, file: 'syft-multiple-1.installed' });
  const cases: { name: string; pkg: string; want: InstalledPackage }[] = [
    {
      name: 'origin equals name',
      pkg: 'bash',
      want: { ecosystem, name: 'bash', version: '5.2.21-r0', sourceName: 'bash', sourceVersion: '5.2.21-r0', arch: 'x86_64', purl: 'pkg:apk/alpine/bash@5.2.21-r0?arch=x86_64&distro=alpine-3.19' },
    },
    {
      name: 'subpackage: origin is the source package',
      pkg: 'busybox-binsh',
      want: { ecosystem, name: 'busybox-binsh', version: '1.36.1-r15', sourceName: 'busybox', sourceVersion: '1.36.1-r15', arch: 'x86_64', purl: 'pkg:apk/alpine/busybox-binsh@1.36.1-r15?arch=x86_64&distro=alpine-3.19' },
    },
    {
      name: 'version with _git suffix',
      pkg: 'musl',
      want: { ecosystem, name: 'musl', version: '1.2.4_git20230717-r4', sourceName: 'musl', sourceVersion: '1.2.4_git20230717-r4', arch: 'x86_64', purl: 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19' },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(packages.find((p) => p.name === c.pkg), c.want));
  it('reads every block, in order', () => assert.deepEqual(packages.map((p) => p.name), ['bash', 'busybox-binsh', 'musl', 'readline']));
});

describe('parseApkInstalled: input shapes', () => {
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: 'empty file', text: '', want: [] },
    { name: 'no origin: source is the package itself', text: 'P:a\nV:1-r0\n', want: ['a 1-r0 src=a arch=-'] },
    { name: 'other letters ignored, even unknown ones', text: 'C:Q1x=\nP:a\nV:1-r0\nA:aarch64\nk:100\nq:1\nX:future\no:b\n', want: ['a 1-r0 src=b arch=aarch64'] },
    { name: 'no trailing newline, CRLF', text: 'P:a\r\nV:1-r0\r\n\r\nP:c\r\nV:2-r1', want: ['a 1-r0 src=a arch=-', 'c 2-r1 src=c arch=-'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = parseApkInstalled(c.text, { ecosystem }).packages.map((p) => `${p.name} ${p.version} src=${p.sourceName} arch=${p.arch ?? '-'}`);
      assert.deepEqual(got, c.want);
    });
  }
});

describe('parseApkInstalled: malformed input names the file and line', () => {
  const cases: { name: string; text: string; file: string; line: number; message: RegExp }[] = [
    { name: 'real trivy fixture with a block lacking V:', text: read('trivy-apk.installed'), file: 'trivy-apk.installed', line: 23, message: /invalidPackageWithoutAVersion has no "V:"/ },
    { name: 'line without a letter and colon', text: 'P:a\nV:1-r0\nnot a field\n', file: 'installed', line: 3, message: /expected "X:value"/ },
    { name: 'block without P:', text: 'P:a\nV:1-r0\n\nV:2-r0\nA:x86_64\n', file: 'installed', line: 4, message: /no "P:"/ },
    { name: 'duplicate V: in a block', text: 'P:a\nV:1-r0\nV:2-r0\n', file: 'installed', line: 3, message: /duplicate "V:"/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => parseApkInstalled(c.text, { ecosystem, file: c.file }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_APK_INSTALLED_INVALID');
        assert.deepEqual(e.location, { file: c.file, line: c.line });
        assert.ok(e.message.startsWith(`${c.file}, line ${c.line}: `), e.message);
        assert.match(e.message, c.message);
        return true;
      });
    });
  }
});

describe('parseApkInstalled: trivy fixture without its bad block', () => {
  it('origins differ from names (libcrypto1.0 <- openssl, scanelf <- pax-utils)', () => {
    const text = read('trivy-apk.installed').replace('P:invalidPackageWithoutAVersion\n\n', '');
    const { packages } = parseApkInstalled(text, { ecosystem: 'Alpine:v3.4' });
    assert.equal(packages.length, 15);
    assert.deepEqual(
      packages.filter((p) => p.sourceName !== p.name).map((p) => `${p.name}<-${p.sourceName}`),
      ['libcrypto1.0<-openssl', 'libssl1.0<-openssl', 'scanelf<-pax-utils', 'musl-utils<-musl', 'libc-utils<-libc-dev', 'sqlite-libs<-sqlite', 'test<-test-parent', 'ada-libs<-ada'],
    );
  });
});
