import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffSoftware } from './software-diff.js';
import type { InstalledPackage } from './asset.js';

const pkg = (name: string, version: string, arch = 'amd64'): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, arch });

const cases: { name: string; before: InstalledPackage[]; after: InstalledPackage[]; want: string[] }[] = [
  { name: 'nothing changed', before: [pkg('bash', '5.2.15-2+b2')], after: [pkg('bash', '5.2.15-2+b2')], want: [] },
  { name: 'version changed', before: [pkg('openssl', '3.0.9-1')], after: [pkg('openssl', '3.0.11-1~deb12u2')], want: ['changed openssl 3.0.9-1 -> 3.0.11-1~deb12u2'] },
  { name: 'added and removed', before: [pkg('a', '1')], after: [pkg('b', '1')], want: ['removed a 1', 'added b 1'] },
  { name: 'same name other arch is another slot', before: [pkg('libc6', '2.36-9', 'amd64')], after: [pkg('libc6', '2.36-9', 'amd64'), pkg('libc6', '2.36-9', 'i386')], want: ['added libc6 2.36-9'] },
  {
    name: 'lockfile with two versions of one name: one bumped',
    before: [{ ecosystem: 'npm', name: 'lodash', version: '3.10.1' }, { ecosystem: 'npm', name: 'lodash', version: '4.17.20' }],
    after: [{ ecosystem: 'npm', name: 'lodash', version: '3.10.1' }, { ecosystem: 'npm', name: 'lodash', version: '4.17.21' }],
    want: ['changed lodash 4.17.20 -> 4.17.21'],
  },
];

describe('diffSoftware', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = diffSoftware(c.before, c.after).map((ch) =>
        ch.kind === 'changed' ? `changed ${ch.before!.name} ${ch.before!.version} -> ${ch.after!.version}` : `${ch.kind} ${(ch.before ?? ch.after)!.name} ${(ch.before ?? ch.after)!.version}`,
      );
      assert.deepEqual(got, c.want);
    });
  }
});
