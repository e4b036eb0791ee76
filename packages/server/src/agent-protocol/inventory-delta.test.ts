import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError, type InstalledPackage } from '@patchloop/core';
import { applyInventoryDelta, type InventoryDelta } from './inventory-delta.js';

const deb = (name: string, version: string, arch = 'amd64'): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, arch });
const npm = (name: string, version: string): InstalledPackage => ({ ecosystem: 'npm', name, version });
const CURRENT = [deb('openssl', '3.0.9-1'), deb('libc6', '2.36-9', 'amd64'), deb('libc6', '2.36-9', 'i386'), npm('lodash', '4.17.20'), npm('lodash', '4.17.21')];
const none: InventoryDelta = { added: [], removed: [], changed: [] };
const show = (ps: InstalledPackage[]) => ps.map((p) => `${p.name}:${p.arch ?? '-'}=${p.version}`).sort();

describe('applyInventoryDelta', () => {
  const ok: { name: string; delta: Partial<InventoryDelta>; expect: string[] }[] = [
    { name: 'an empty delta keeps the list', delta: {}, expect: show(CURRENT) },
    { name: 'added is appended', delta: { added: [deb('jq', '1.6')] }, expect: show([...CURRENT, deb('jq', '1.6')]) },
    { name: 'adding an installed package again is harmless (a re-sent delta)', delta: { added: [deb('openssl', '3.0.9-1')] }, expect: show(CURRENT) },
    { name: 'changed replaces the one installed version', delta: { changed: [deb('openssl', '3.0.11-1')] }, expect: show([deb('openssl', '3.0.11-1'), ...CURRENT.slice(1)]) },
    { name: 'removed matches the architecture', delta: { removed: [deb('libc6', '2.36-9', 'i386')] }, expect: show(CURRENT.filter((p) => p.arch !== 'i386')) },
    { name: 'one of several versions can be removed', delta: { removed: [npm('lodash', '4.17.20')] }, expect: show(CURRENT.filter((p) => p.version !== '4.17.20')) },
    { name: 'remove then add moves a slot to a new version', delta: { removed: [deb('openssl', '3.0.9-1')], added: [deb('openssl', '3.0.11-1')] }, expect: show([deb('openssl', '3.0.11-1'), ...CURRENT.slice(1)]) },
  ];
  for (const c of ok) it(c.name, () => assert.deepEqual(show(applyInventoryDelta(CURRENT, { ...none, ...c.delta })), c.expect));

  const stale: { name: string; delta: Partial<InventoryDelta>; field: string }[] = [
    { name: 'removing what is not installed', delta: { removed: [deb('curl', '7.88.1')] }, field: 'inventory.removed[0]' },
    { name: 'removing another version', delta: { removed: [deb('openssl', '3.0.8-1')] }, field: 'inventory.removed[0]' },
    { name: 'removing on another architecture', delta: { removed: [deb('openssl', '3.0.9-1', 'arm64')] }, field: 'inventory.removed[0]' },
    { name: 'removing twice', delta: { removed: [deb('openssl', '3.0.9-1'), deb('openssl', '3.0.9-1')] }, field: 'inventory.removed[1]' },
    { name: 'changing what is not installed', delta: { changed: [deb('nginx', '1.22')] }, field: 'inventory.changed[0]' },
    { name: 'changing a slot with several versions', delta: { changed: [npm('lodash', '4.17.22')] }, field: 'inventory.changed[0]' },
  ];
  for (const c of stale) {
    it(`is stale when ${c.name}`, () => {
      assert.throws(() => applyInventoryDelta(CURRENT, { ...none, ...c.delta }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.deepEqual([e.code, e.kind, e.location?.field], ['E_INVENTORY_DELTA_STALE', 'conflict', c.field]);
        return true;
      });
    });
  }
});
