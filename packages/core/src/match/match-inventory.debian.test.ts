import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { advisoryOf } from './testing/osv-record.js';
import { debPackage as pkg, debSource as src, match, summarize } from './testing/match-helpers.js';

interface Case {
  name: string;
  advisories: Advisory[];
  packages: InstalledPackage[];
  want: string[];
}

const fixedIn = (name: string, fixed: string, id = 'CVE-2024-0001') => advisoryOf(id, [src(name, [{ introduced: '0' }, { fixed }])]);

const cases: Case[] = [
  {
    name: 'binNMU: binary 1.2-3+b1 of source 1.2-3 is judged on the source version (fixed 1.2-3: not affected)',
    advisories: [fixedIn('foo', '1.2-3')],
    packages: [pkg('libfoo1', '1.2-3+b1', { sourceName: 'foo', sourceVersion: '1.2-3' })],
    want: [],
  },
  {
    name: 'binNMU: binary 1.2-3+b1 of source 1.2-3, fixed 1.2-4: affected',
    advisories: [fixedIn('foo', '1.2-4')],
    packages: [pkg('libfoo1', '1.2-3+b1', { sourceName: 'foo', sourceVersion: '1.2-3' })],
    want: ['libfoo1:amd64 CVE-2024-0001 affected fixed=1.2-4'],
  },
  {
    name: 'binNMU: judged on the source version 1.2-3, not the binary 1.2-3+b1 (fixed 1.2-3+b1~ lies between)',
    advisories: [fixedIn('foo', '1.2-3+b1~')],
    packages: [pkg('libfoo1', '1.2-3+b1', { sourceName: 'foo', sourceVersion: '1.2-3' })],
    want: ['libfoo1:amd64 CVE-2024-0001 affected fixed=1.2-3+b1~'],
  },
  { name: 'backport below the fix is affected: 1.2-3~bpo12+1 < 1.2-3', advisories: [fixedIn('foo', '1.2-3')], packages: [pkg('foo', '1.2-3~bpo12+1')], want: ['foo:amd64 CVE-2024-0001 affected fixed=1.2-3'] },
  { name: 'backport of a later version is fixed: 1.2-4~bpo12+1 > 1.2-3', advisories: [fixedIn('foo', '1.2-3')], packages: [pkg('foo', '1.2-4~bpo12+1')], want: [] },
  { name: 'epoch: 1:1.0-1 > 2.0-1 is fixed', advisories: [fixedIn('foo', '2.0-1')], packages: [pkg('foo', '1:1.0-1')], want: [] },
  { name: 'epoch: 2.0-1 < 1:0.9-1 is affected', advisories: [fixedIn('foo', '1:0.9-1')], packages: [pkg('foo', '2.0-1')], want: ['foo:amd64 CVE-2024-0001 affected fixed=1:0.9-1'] },
  { name: 'security update: 1.2-3 < 1.2-3+deb12u1 is affected', advisories: [fixedIn('foo', '1.2-3+deb12u1')], packages: [pkg('foo', '1.2-3')], want: ['foo:amd64 CVE-2024-0001 affected fixed=1.2-3+deb12u1'] },
  { name: 'security update installed: 1.2-3+deb12u1 is fixed', advisories: [fixedIn('foo', '1.2-3+deb12u1')], packages: [pkg('foo', '1.2-3+deb12u1')], want: [] },
  { name: 'later security update installed: 1.2-3+deb12u2 is fixed', advisories: [fixedIn('foo', '1.2-3+deb12u1')], packages: [pkg('foo', '1.2-3+deb12u2')], want: [] },
  { name: 'installed at exactly the fixed version is not affected', advisories: [fixedIn('foo', '1.2-4')], packages: [pkg('foo', '1.2-4')], want: [] },
  {
    name: 'Debian:11 advisories never match Debian:12 packages',
    advisories: [advisoryOf('CVE-2024-0001', [src('foo', [{ introduced: '0' }, { fixed: '9.9-1' }], { ecosystem: 'Debian:11' })])],
    packages: [pkg('foo', '1.0-1')],
    want: [],
  },
  { name: 'unfixed: every version, status carried, no fixed version', advisories: [advisoryOf('CVE-2024-0002', [src('foo', [], { status: 'unfixed' })])], packages: [pkg('foo', '99:9.9-9')], want: ['foo:amd64 CVE-2024-0002 unfixed'] },
  { name: 'no-dsa: status carried', advisories: [advisoryOf('CVE-2024-0003', [src('foo', [], { status: 'no-dsa', statusNote: 'Minor issue' })])], packages: [pkg('foo', '1.0-1')], want: ['foo:amd64 CVE-2024-0003 no-dsa'] },
  { name: 'end-of-life: status carried', advisories: [advisoryOf('CVE-2024-0004', [src('foo', [], { status: 'end-of-life' })])], packages: [pkg('foo', '1.0-1')], want: ['foo:amd64 CVE-2024-0004 end-of-life'] },
  { name: 'postponed with an open range: status carried', advisories: [advisoryOf('CVE-2024-0005', [src('foo', [{ introduced: '0' }], { status: 'postponed' })])], packages: [pkg('foo', '1.0-1')], want: ['foo:amd64 CVE-2024-0005 postponed'] },
  { name: 'no-dsa whose range has a fix: the fix is honoured', advisories: [advisoryOf('CVE-2024-0006', [src('foo', [{ introduced: '0' }, { fixed: '1.0-2' }], { status: 'no-dsa' })])], packages: [pkg('foo', '1.0-2')], want: [] },
  { name: 'not-affected never matches, whatever its ranges say', advisories: [advisoryOf('CVE-2024-0007', [src('foo', [{ introduced: '0' }], { status: 'not-affected' })])], packages: [pkg('foo', '1.0-1')], want: [] },
  {
    name: 'fixed status uses the ranges',
    advisories: [advisoryOf('CVE-2024-0008', [src('foo', [{ introduced: '0' }, { fixed: '1.0-2' }], { status: 'fixed' })])],
    packages: [pkg('foo', '1.0-1'), pkg('bar', '1.0-1')],
    want: ['foo:amd64 CVE-2024-0008 affected fixed=1.0-2'],
  },
  {
    name: 'every binary of a vulnerable source gets its own finding; other sources none',
    advisories: [fixedIn('openssl', '3.0.13-1~deb12u1')],
    packages: [
      pkg('libssl3', '3.0.11-1~deb12u2', { sourceName: 'openssl' }),
      pkg('openssl', '3.0.11-1~deb12u2'),
      pkg('libssl3', '3.0.11-1~deb12u2', { arch: 'i386', sourceName: 'openssl' }),
      pkg('libssl-dev', '3.0.13-1~deb12u1', { sourceName: 'openssl' }),
      pkg('curl', '7.88.1-10+deb12u5'),
    ],
    want: ['libssl3:amd64 CVE-2024-0001 affected fixed=3.0.13-1~deb12u1', 'libssl3:i386 CVE-2024-0001 affected fixed=3.0.13-1~deb12u1', 'openssl:amd64 CVE-2024-0001 affected fixed=3.0.13-1~deb12u1'],
  },
  {
    name: 'an advisory naming a binary package matches the binary name and version, not the source',
    advisories: [advisoryOf('CVE-2024-0009', [{ ...src('libfoo1', [{ introduced: '0' }, { fixed: '1.2-3+b2' }]), packageKind: 'binary' }])],
    packages: [pkg('libfoo1', '1.2-3+b1', { sourceName: 'foo', sourceVersion: '1.2-3' }), pkg('libfoo1-dev', '1.2-3+b1', { sourceName: 'libfoo1' })],
    want: ['libfoo1:amd64 CVE-2024-0009 affected fixed=1.2-3+b2'],
  },
];

describe('matchInventory: Debian', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(summarize(match(c.advisories, c.packages)), c.want));
  }

  it('explains the source mapping and the comparison', () => {
    const [finding] = match([fixedIn('openssl', '3.0.13-1~deb12u1')], [pkg('libssl3', '3.0.11-1~deb12u2+b1', { sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' })]);
    assert.equal(finding?.explanation.mapping, 'binary libssl3 3.0.11-1~deb12u2+b1 -> source openssl 3.0.11-1~deb12u2 via Source field');
    assert.deepEqual(finding?.explanation.comparisons, ['introduced 0 (every version)', 'installed 3.0.11-1~deb12u2 < fixed 3.0.13-1~deb12u1 (dpkg)']);
    assert.deepEqual(finding?.matchedOn, { ecosystem: 'Debian:12', kind: 'source', name: 'openssl', version: '3.0.11-1~deb12u2' });
    assert.equal(
      finding?.explanation.text,
      'osv CVE-2024-0001 affected[0] Debian:12 source openssl; range 0 (ECOSYSTEM) events [{"introduced":"0"},{"fixed":"3.0.13-1~deb12u1"}]; introduced 0 (every version); installed 3.0.11-1~deb12u2 < fixed 3.0.13-1~deb12u1 (dpkg); binary libssl3 3.0.11-1~deb12u2+b1 -> source openssl 3.0.11-1~deb12u2 via Source field',
    );
  });

  it('explains the distro status rule', () => {
    const [finding] = match([advisoryOf('CVE-2024-0003', [src('foo', [], { status: 'no-dsa' })])], [pkg('foo', '1.0-1')]);
    assert.equal(finding?.explanation.rule, 'distro-status');
    assert.deepEqual(finding?.explanation.comparisons, ['status no-dsa in Debian:12: every version is affected (no fixed version)']);
    assert.equal(finding?.explanation.mapping, 'binary foo 1.0-1 -> source foo 1.0-1 (no Source field: source is the binary name and version)');
  });
});
