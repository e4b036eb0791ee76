import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory, InstalledPackage } from '@patchloop/core';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import type { Store } from '@patchloop/store';
import { packageNameKey, rematchAdvisoryChanges, rematchAsset, rematchAssetPackages } from './rematch.js';

const T = (d: number) => `2026-11-0${d}T00:00:00.000Z`;

describe('DB-backed re-matching (inventory and advisory changes)', () => {
  let t: TestStore;
  let s: Store;
  const ids: Record<string, string> = {};
  const open = async (asset: string) => (await s.findings.listFindings({ assetId: ids[asset]! })).map((f) => `${f.advisoryId} ${f.package.name} ${f.package.version}`).sort();

  before(async () => {
    t = await openSqliteTestStore();
    s = t.store;
    for (const [name, pkgs] of Object.entries(fleet)) {
      const { asset } = await s.assets.upsertAssetByName({ kind: 'host', name, source: 'test' }, T(1));
      ids[name] = asset.id;
      await s.inventory.recordInventory(asset.id, pkgs, T(1));
    }
  });
  after(async () => t?.cleanup());

  it('an advisory import opens findings on exactly the hosts holding the packages (source-package match)', async () => {
    const v1 = await s.feeds.importVersion(feed('v1', [oval('CVE-2023-0286', 'openssl', '3.0.8-1'), oval('CVE-2022-0001', 'zlib', '1:1.2.13.dfsg-1')]), T(1));
    const r = await rematchAdvisoryChanges(s, v1.changes, T(1));
    assert.equal(r.opened, 3);
    assert.deepEqual(await open('web-1'), ['CVE-2023-0286 libssl3 3.0.7-1', 'CVE-2023-0286 openssl 3.0.7-1']);
    assert.deepEqual(await open('web-2'), []);
    assert.deepEqual(await open('db-1'), ['CVE-2022-0001 zlib1g 1:1.2.11.dfsg-2']);
  });

  it('re-matching only the changed packages: the same findings as re-matching the asset, other packages untouched', async () => {
    await s.inventory.recordInventory(ids['web-1']!, [pkg('openssl', '3.0.7-1'), pkg('libssl3', '3.0.9-1', 'openssl', '3.0.7-1'), pkg('bash', '5.2.15-2+b2')], T(3));
    const keys = new Set([packageNameKey(pkg('libssl3', '3.0.9-1'))]);
    const r = await rematchAssetPackages(s, ids['web-1']!, keys, T(3));
    assert.deepEqual([r.opened, r.resolved, r.changed], [0, 0, 1], 'libssl3 is still vulnerable (its source is 3.0.7-1); its finding moved to 3.0.9-1');
    const partial = await open('web-1');
    await rematchAsset(s, ids['web-1']!, T(3));
    assert.deepEqual(await open('web-1'), partial);
    await s.inventory.recordInventory(ids['web-1']!, [pkg('bash', '5.2.15-2+b2')], T(3));
    const gone = await rematchAssetPackages(s, ids['web-1']!, new Set([packageNameKey(pkg('openssl', '')), packageNameKey(pkg('libssl3', ''))]), T(3));
    assert.deepEqual([gone.resolved, await open('web-1')], [2, []], 'removed packages close their findings');
    await s.inventory.recordInventory(ids['web-1']!, fleet['web-1']!, T(3));
    await rematchAsset(s, ids['web-1']!, T(3));
  });

  it('a changed advisory re-evaluates only its packages: a lower fixed version resolves web-1', async () => {
    const v2 = await s.feeds.importVersion(feed('v2', [oval('CVE-2023-0286', 'openssl', '3.0.7-1'), oval('CVE-2022-0001', 'zlib', '1:1.2.13.dfsg-1')]), T(2));
    assert.deepEqual(v2.changes.changed.map((a) => a.id), ['CVE-2023-0286']);
    const r = await rematchAdvisoryChanges(s, v2.changes, T(2));
    assert.deepEqual([r.resolved, r.opened], [2, 0]);
    assert.deepEqual(await open('web-1'), []);
    const resolved = await s.findings.listFindings({ assetId: ids['web-1']!, state: 'resolved' });
    assert.deepEqual(resolved.map((f) => [f.firstSeen, f.resolvedAt]), [[T(1), T(2)], [T(1), T(2)]]);
  });

  it('an inventory change re-matches the asset: upgrading zlib closes its finding', async () => {
    await s.inventory.recordInventory(ids['db-1']!, [pkg('zlib1g', '1:1.2.13.dfsg-1', 'zlib')], T(3));
    const r = await rematchAsset(s, ids['db-1']!, T(3));
    assert.deepEqual([r.resolved, r.opened], [1, 0]);
    assert.deepEqual(await open('db-1'), []);
  });

  it('a removed advisory resolves its findings', async () => {
    await s.inventory.recordInventory(ids['db-1']!, [pkg('zlib1g', '1:1.2.11.dfsg-2', 'zlib')], T(4));
    await rematchAsset(s, ids['db-1']!, T(4));
    assert.equal((await open('db-1')).length, 1);
    const v3 = await s.feeds.importVersion(feed('v3', [oval('CVE-2023-0286', 'openssl', '3.0.7-1')]), T(5));
    const r = await rematchAdvisoryChanges(s, v3.changes, T(5));
    assert.equal(r.resolved, 1);
    assert.deepEqual(await open('db-1'), []);
  });
});

function pkg(name: string, version: string, sourceName?: string, sourceVersion?: string): InstalledPackage {
  return { ecosystem: 'Debian:12', name, version, arch: 'amd64', ...(sourceName ? { sourceName, sourceVersion: sourceVersion ?? version } : {}) };
}

const fleet: Record<string, InstalledPackage[]> = {
  'web-1': [pkg('openssl', '3.0.7-1'), pkg('libssl3', '3.0.7-1', 'openssl'), pkg('bash', '5.2.15-2+b2')],
  'web-2': [pkg('openssl', '3.0.9-1'), pkg('libssl3', '3.0.9-1', 'openssl')],
  'db-1': [pkg('zlib1g', '1:1.2.11.dfsg-2', 'zlib')],
};

function oval(cve: string, source: string, fixed: string): Advisory {
  return {
    id: cve, aliases: [], source: 'debian-oval',
    affected: [{ ecosystem: 'Debian:12', name: source, packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [], status: 'fixed' }],
    severities: [], references: [], provenance: { feed: 'debian-oval', recordId: `def-${cve}`, fetchedAt: T(1), contentHash: `${cve}-${fixed}` },
  };
}

function feed(inputHash: string, advisories: Advisory[]) {
  return { source: 'debian-oval', inputHash, records: advisories.length, rejected: 0, fetchedAt: T(1), advisories, intel: [] };
}
