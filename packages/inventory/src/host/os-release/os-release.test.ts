import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { OsInfo } from '@patchloop/core';
import { ecosystemForOs, parseOsInfo, parseOsRelease } from './os-release.parser.js';

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)), 'utf8');

describe('parseOsInfo + ecosystemForOs: real os-release files', () => {
  const cases: { name: string; fixture: string; os: OsInfo; ecosystem: string | undefined }[] = [
    { name: 'Debian 12 (this machine)', fixture: 'debian-12.os-release', os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12', codename: 'bookworm' }, ecosystem: 'Debian:12' },
    { name: 'Debian testing/sid: no VERSION_ID, release from codename', fixture: 'debian-trixie-sid.os-release', os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: undefined, codename: 'trixie' }, ecosystem: 'Debian:13' },
    { name: 'Ubuntu 22.04', fixture: 'ubuntu-22.04.os-release', os: { family: 'ubuntu', id: 'ubuntu', name: 'Ubuntu', version: '22.04', codename: 'jammy' }, ecosystem: 'Ubuntu:22.04' },
    { name: 'Ubuntu 24.04', fixture: 'ubuntu-24.04.os-release', os: { family: 'ubuntu', id: 'ubuntu', name: 'Ubuntu', version: '24.04', codename: 'noble' }, ecosystem: 'Ubuntu:24.04' },
    { name: 'Alpine 3.19.1 -> v3.19', fixture: 'alpine-3.19.os-release', os: { family: 'alpine', id: 'alpine', name: 'Alpine Linux', version: '3.19.1', codename: undefined }, ecosystem: 'Alpine:v3.19' },
    { name: 'Rocky 9.3: family rhel from ID_LIKE, major only', fixture: 'rocky-9.3.os-release', os: { family: 'rhel', id: 'rocky', name: 'Rocky Linux', version: '9.3', codename: undefined }, ecosystem: 'Rocky Linux:9' },
    { name: 'RHEL 9.4 (blank line, unquoted value)', fixture: 'rhel-9.4.os-release', os: { family: 'rhel', id: 'rhel', name: 'Red Hat Enterprise Linux', version: '9.4', codename: undefined }, ecosystem: 'Red Hat:9' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const os = parseOsInfo(read(c.fixture), { file: c.fixture });
      assert.deepEqual(os, c.os);
      assert.equal(ecosystemForOs(os), c.ecosystem);
    });
  }
});

describe('ecosystemForOs: edge cases', () => {
  const cases: { name: string; os: OsInfo; want: string | undefined }[] = [
    { name: 'AlmaLinux 9.1', os: { family: 'rhel', id: 'almalinux', name: 'AlmaLinux', version: '9.1' }, want: 'AlmaLinux:9' },
    { name: 'Debian without version or known codename', os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', codename: 'nosuch' }, want: undefined },
    { name: 'Ubuntu without VERSION_ID', os: { family: 'ubuntu', id: 'ubuntu', name: 'Ubuntu' }, want: undefined },
    { name: 'Alpine edge (version 3.20.0_alpha) -> v3.20', os: { family: 'alpine', id: 'alpine', name: 'Alpine Linux', version: '3.20.0_alpha20240329' }, want: 'Alpine:v3.20' },
    { name: 'unknown distro (Linux Mint) has no ecosystem', os: { family: 'ubuntu', id: 'linuxmint', name: 'Linux Mint', version: '21.2' }, want: undefined },
    { name: 'no id: family decides', os: { family: 'alpine', name: 'Alpine Linux', version: '3.18.4' }, want: 'Alpine:v3.18' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(ecosystemForOs(c.os), c.want));
});

describe('parseOsRelease: shell-like quoting', () => {
  const cases: { name: string; text: string; want: Record<string, string> }[] = [
    { name: 'comments and blank lines', text: '# comment\n\n  # indented comment\nID=x\n', want: { ID: 'x' } },
    { name: 'double quotes with escapes', text: 'A="say \\"hi\\" \\$HOME \\\\ \\n"\n', want: { A: 'say "hi" $HOME \\ \\n' } },
    { name: 'single quotes are literal', text: "A='a \\\"b\\\" c'\n", want: { A: 'a \\"b\\" c' } },
    { name: 'concatenated parts', text: 'A=ab"c d"\'e\'\n', want: { A: 'abc de' } },
    { name: 'unquoted backslash escape', text: 'A=a\\ b\n', want: { A: 'a b' } },
    { name: 'empty value', text: 'A=\nB=""\n', want: { A: '', B: '' } },
    { name: 'trailing comment after whitespace', text: 'A=x # note\n', want: { A: 'x' } },
    { name: 'later assignment wins', text: 'A=1\nA=2\n', want: { A: '2' } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parseOsRelease(c.text), c.want));

  const errors: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'line without =', text: 'ID=x\nnot an assignment\n', line: 2, message: /expected KEY=value/ },
    { name: 'unterminated double quote', text: 'ID=x\n\nNAME="Debian\n', line: 3, message: /unterminated double quote/ },
    { name: 'unterminated single quote', text: "NAME='x\n", line: 1, message: /unterminated single quote/ },
    { name: 'unquoted whitespace', text: 'NAME=Debian GNU\n', line: 1, message: /unquoted whitespace/ },
  ];
  for (const c of errors) {
    it(`error: ${c.name}`, () => {
      assert.throws(() => parseOsRelease(c.text, { file: '/etc/os-release' }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_OS_RELEASE_INVALID');
        assert.deepEqual(e.location, { file: '/etc/os-release', line: c.line });
        assert.ok(e.message.startsWith(`/etc/os-release, line ${c.line}: `), e.message);
        assert.match(e.message, c.message);
        return true;
      });
    });
  }
});
