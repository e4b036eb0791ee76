import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InstalledPackage } from '@patchloop/core';
import { computeInventoryDelta } from './inventory-delta.js';

const DEB = (name: string, version: string, arch = 'amd64', extra: Partial<InstalledPackage> = {}): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, arch, ...extra });
const names = (ps: { name: string; version: string; arch?: string }[]) => ps.map((p) => `${p.name}${p.arch ? `:${p.arch}` : ''}=${p.version}`).sort();

const cases: { name: string; before: InstalledPackage[]; after: InstalledPackage[]; added: string[]; removed: string[]; changed: string[] }[] = [
  { name: 'nothing changed', before: [DEB('a', '1')], after: [DEB('a', '1')], added: [], removed: [], changed: [] },
  { name: 'a new package', before: [DEB('a', '1')], after: [DEB('a', '1'), DEB('b', '2')], added: ['b:amd64=2'], removed: [], changed: [] },
  { name: 'a removed package', before: [DEB('a', '1'), DEB('b', '2')], after: [DEB('a', '1')], added: [], removed: ['b:amd64=2'], changed: [] },
  { name: 'an upgrade is a change carrying the new version', before: [DEB('openssl', '3.0.9-1')], after: [DEB('openssl', '3.0.11-1')], added: [], removed: [], changed: ['openssl:amd64=3.0.11-1'] },
  { name: 'a downgrade is a change too', before: [DEB('openssl', '3.0.11-1')], after: [DEB('openssl', '3.0.9-1')], added: [], removed: [], changed: ['openssl:amd64=3.0.9-1'] },
  { name: 'the same name on another arch is its own slot', before: [DEB('libc6', '2.36', 'amd64')], after: [DEB('libc6', '2.36', 'amd64'), DEB('libc6', '2.36', 'i386')], added: ['libc6:i386=2.36'], removed: [], changed: [] },
  { name: 'a new source version alone is a change', before: [DEB('x', '1', 'amd64', { sourceName: 'x', sourceVersion: '1' })], after: [DEB('x', '1', 'amd64', { sourceName: 'x', sourceVersion: '1+b1' })], added: [], removed: [], changed: ['x:amd64=1'] },
  { name: 'everything at once', before: [DEB('a', '1'), DEB('b', '1'), DEB('c', '1')], after: [DEB('a', '2'), DEB('c', '1'), DEB('d', '1')], added: ['d:amd64=1'], removed: ['b:amd64=1'], changed: ['a:amd64=2'] },
];

describe('computeInventoryDelta', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = computeInventoryDelta(c.before, c.after);
      assert.equal(d.full, false);
      assert.deepEqual([names(d.added), names(d.removed), names(d.changed)], [c.added, c.removed, c.changed]);
    });
  }

  it('sends only the fields the server accepts', () => {
    const withExtra = { ...DEB('a', '2'), installedSize: 1234 } as InstalledPackage;
    assert.deepEqual(computeInventoryDelta([DEB('a', '1')], [withExtra]).changed, [DEB('a', '2')]);
  });
});
