import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { RPM_QA_QUERYFORMAT, parseRpmQa, parseSourceRpm } from './rpm-qa.parser.js';

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)), 'utf8');
const row = (...cols: string[]): string => `${cols.join('\t')}\n`;

describe('RPM_QA_QUERYFORMAT', () => {
  it('asks rpm for six tab-separated tags, escapes left for rpm to expand', () => {
    assert.equal(RPM_QA_QUERYFORMAT, '%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n');
  });
});

describe('parseRpmQa: one line each', () => {
  const ecosystem = 'Red Hat:9';
  const cases: { name: string; text: string; ecosystem?: string; want: InstalledPackage }[] = [
    {
      name: 'no epoch: version-release, source from SOURCERPM',
      text: row('bash', '(none)', '5.1.8', '6.el9_1', 'x86_64', 'bash-5.1.8-6.el9_1.src.rpm'),
      want: { ecosystem, name: 'bash', version: '5.1.8-6.el9_1', sourceName: 'bash', sourceVersion: '5.1.8-6.el9_1', arch: 'x86_64', purl: 'pkg:rpm/redhat/bash@5.1.8-6.el9_1?arch=x86_64&distro=rhel-9' },
    },
    {
      name: 'epoch: epoch:version-release, purl carries epoch as a qualifier',
      text: row('openssl-libs', '1', '3.0.7', '27.el9', 'x86_64', 'openssl-3.0.7-27.el9.src.rpm'),
      want: { ecosystem, name: 'openssl-libs', version: '1:3.0.7-27.el9', sourceName: 'openssl', sourceVersion: '1:3.0.7-27.el9', arch: 'x86_64', purl: 'pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9&epoch=1' },
    },
    {
      name: 'noarch, Rocky Linux vendor',
      ecosystem: 'Rocky Linux:9',
      text: row('tzdata', '(none)', '2024a', '1.el9', 'noarch', 'tzdata-2024a-1.el9.src.rpm'),
      want: { ecosystem: 'Rocky Linux:9', name: 'tzdata', version: '2024a-1.el9', sourceName: 'tzdata', sourceVersion: '2024a-1.el9', arch: 'noarch', purl: 'pkg:rpm/rocky/tzdata@2024a-1.el9?arch=noarch&distro=rocky-9' },
    },
    {
      name: 'gpg-pubkey: (none) arch and sourcerpm -> no arch, no source',
      text: row('gpg-pubkey', '(none)', 'fd431d51', '4ae0493b', '(none)', '(none)'),
      want: { ecosystem, name: 'gpg-pubkey', version: 'fd431d51-4ae0493b', sourceName: undefined, sourceVersion: undefined, arch: undefined, purl: 'pkg:rpm/redhat/gpg-pubkey@fd431d51-4ae0493b?distro=rhel-9' },
    },
    {
      name: 'source differs from binary (gcc), binary name with "+" is percent-encoded in the purl',
      text: row('libstdc++', '(none)', '11.4.1', '2.1.el9', 'x86_64', 'gcc-11.4.1-2.1.el9.src.rpm'),
      want: { ecosystem, name: 'libstdc++', version: '11.4.1-2.1.el9', sourceName: 'gcc', sourceVersion: '11.4.1-2.1.el9', arch: 'x86_64', purl: 'pkg:rpm/redhat/libstdc%2B%2B@11.4.1-2.1.el9?arch=x86_64&distro=rhel-9' },
    },
    {
      name: 'AlmaLinux vendor and nosrc.rpm',
      ecosystem: 'AlmaLinux:9',
      text: row('acme-firmware', '(none)', '1.0', '1.el9', 'noarch', 'acme-firmware-1.0-1.el9.nosrc.rpm'),
      want: { ecosystem: 'AlmaLinux:9', name: 'acme-firmware', version: '1.0-1.el9', sourceName: 'acme-firmware', sourceVersion: '1.0-1.el9', arch: 'noarch', purl: 'pkg:rpm/almalinux/acme-firmware@1.0-1.el9?arch=noarch&distro=almalinux-9' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { packages } = parseRpmQa(c.text, { ecosystem: c.ecosystem ?? ecosystem });
      assert.deepEqual(packages, [c.want]);
    });
  }
});

describe('parseSourceRpm', () => {
  const cases: { name: string; sourceRpm: string; want: { name: string; version: string } | undefined }[] = [
    { name: 'plain', sourceRpm: 'openssl-3.0.7-27.el9.src.rpm', want: { name: 'openssl', version: '3.0.7-27.el9' } },
    { name: 'dashes in the name', sourceRpm: 'python-pip-21.3.1-1.el9.src.rpm', want: { name: 'python-pip', version: '21.3.1-1.el9' } },
    { name: 'not NVR', sourceRpm: 'openssl.src.rpm', want: undefined },
    { name: 'not a source rpm', sourceRpm: 'openssl-3.0.7-27.el9.x86_64.rpm', want: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parseSourceRpm(c.sourceRpm), c.want));
});

describe('parseRpmQa: fixtures', () => {
  it('real rpm output (rpmdb built here): agrees with rpm\'s own %{EVR} rendering', () => {
    const got = parseRpmQa(read('rpmdb-built-here.qa.tsv'), { ecosystem: 'Red Hat:9', file: 'rpmdb-built-here.qa.tsv' }).packages;
    const evr = read('rpmdb-built-here.evr.tsv').trimEnd().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(
      got.map((p) => [p.name, p.version, p.arch ?? '(none)']),
      evr,
    );
    assert.equal(got.length, 9);
  });

  it('hand-checked RHEL 9 host sample: counts, multilib glibc, sources', () => {
    const { packages } = parseRpmQa(read('rhel9-host.handchecked.qa.tsv'), { ecosystem: 'Red Hat:9' });
    assert.equal(packages.length, 18);
    assert.deepEqual(packages.filter((p) => p.name === 'glibc').map((p) => p.arch), ['x86_64', 'i686']);
    assert.deepEqual(packages.find((p) => p.name === 'python3-libs')?.sourceName, 'python3.9');
    assert.deepEqual(packages.find((p) => p.name === 'vim-minimal')?.sourceVersion, '2:8.2.2637-20.el9_1');
    assert.equal(packages.filter((p) => p.sourceName === undefined).length, 2, 'the two gpg-pubkeys');
  });
});

describe('parseRpmQa: malformed input names the file and line', () => {
  const ok = row('bash', '(none)', '5.1.8', '6.el9_1', 'x86_64', 'bash-5.1.8-6.el9_1.src.rpm');
  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'wrong column count (space-separated output)', text: `${ok}bash (none) 5.1.8 6.el9_1 x86_64 bash-5.1.8-6.el9_1.src.rpm\n`, line: 2, message: /expected 6 tab-separated columns/ },
    { name: 'non-numeric epoch', text: `${ok}\n${row('a', 'x', '1', '1', 'noarch', 'a-1-1.src.rpm')}`, line: 3, message: /EPOCH must be a number/ },
    { name: 'empty version', text: row('a', '(none)', '', '1', 'noarch', 'a-1-1.src.rpm'), line: 1, message: /VERSION is empty/ },
    { name: 'SOURCERPM not NVR.src.rpm', text: row('a', '(none)', '1', '1', 'noarch', 'garbage'), line: 1, message: /SOURCERPM must look like/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => parseRpmQa(c.text, { ecosystem: 'Red Hat:9', file: 'rpm-qa.txt' }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_RPM_QA_INVALID');
        assert.deepEqual(e.location, { file: 'rpm-qa.txt', line: c.line });
        assert.match(e.message, new RegExp(`^rpm-qa\\.txt, line ${c.line}: `));
        assert.match(e.message, c.message);
        return true;
      });
    });
  }
});
