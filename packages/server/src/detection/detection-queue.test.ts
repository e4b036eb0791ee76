import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory, InstalledPackage } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { DetectionQueue } from './detection-queue.js';
import { packageNameKey } from './rematch.js';

const T1 = '2026-11-27T01:00:00.000Z';
const T2 = '2026-11-27T02:00:00.000Z';
const clock = { nowIso: () => T2 };
const deb = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, arch: 'amd64', sourceName: name, sourceVersion: version });
const advisory: Advisory = {
  id: 'CVE-2099-0007', aliases: [], source: 'debian-oval',
  affected: [{ ecosystem: 'Debian:12', name: 'jq', packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.7-1' }] }], versions: [], status: 'fixed' }],
  severities: [], references: [], provenance: { feed: 'debian-oval', recordId: 'def-jq', fetchedAt: T1, contentHash: 'jq-1.7-1' },
};

describe('DetectionQueue (re-matching after the answer)', () => {
  let t: TestStore;
  let s: Store;
  before(async () => {
    t = await openSqliteTestStore();
    s = t.store;
    await s.feeds.importVersion({ source: 'debian-oval', inputHash: 'h', records: 1, rejected: 0, fetchedAt: T1, advisories: [advisory], intel: [] }, T1);
  });
  after(async () => t?.cleanup());

  /** An asset whose software changed at T1 (inventory and stale mark stored, as a check-in does). */
  async function changedAsset(name: string, packages: InstalledPackage[]): Promise<string> {
    const asset = await s.assets.createAsset({ kind: 'host', name, source: 'api' }, T1);
    await s.inventory.recordInventory(asset.id, packages, T1);
    await s.assets.markFindingsStale(asset.id, T1);
    return asset.id;
  }
  const openFindings = async (assetId: string) => (await s.findings.listFindings({ assetId })).map((f) => `${f.advisoryId} ${f.package.name}`);
  const stale = async (assetId: string) => (await s.assets.listStaleAssets(100)).some((a) => a.id === assetId);

  it('a queued asset is re-matched (only its changed packages) and its mark cleared', async () => {
    const id = await changedAsset('dq-1', [deb('jq', '1.6-2'), deb('curl', '7.88.1-10')]);
    const q = new DetectionQueue(s, { clock, pollMs: 0, onError: (e) => assert.fail(String(e)) });
    q.enqueue(id, T1, new Set([packageNameKey(deb('jq', ''))]));
    await q.whenIdle();
    assert.deepEqual([await openFindings(id), await stale(id)], [['CVE-2099-0007 jq'], false]);
    await q.close();
  });

  it('marks left by a previous process are picked up at start and re-matched whole', async () => {
    const id = await changedAsset('dq-2', [deb('jq', '1.6-2')]);
    const q = new DetectionQueue(s, { clock, pollMs: 0, onError: (e) => assert.fail(String(e)) });
    q.start();
    await new Promise((r) => setTimeout(r, 50));
    await q.whenIdle();
    assert.deepEqual([await openFindings(id), await stale(id)], [['CVE-2099-0007 jq'], false]);
    await q.close();
  });

  it('a newer change keeps the mark: clearing only removes the mark it re-matched for', async () => {
    const id = await changedAsset('dq-3', [deb('jq', '1.6-2')]);
    await s.assets.markFindingsStale(id, T2);
    assert.equal(await s.assets.clearFindingsStale(id, T1), false);
    assert.equal(await stale(id), true);
    assert.equal(await s.assets.clearFindingsStale(id, T2), true);
  });

  it('a failing re-match is reported and leaves the mark for a retry', async () => {
    const id = await changedAsset('dq-4', [deb('jq', '1.6-2')]);
    const broken = { ...s, inventory: { ...s.inventory, listSoftware: async () => { throw new Error('disk I/O error'); } } } as Store;
    const errors: string[] = [];
    const q = new DetectionQueue(broken, { clock, pollMs: 0, onError: (_e, assetId) => errors.push(assetId) });
    q.enqueue(id, T1, 'all');
    await q.whenIdle();
    assert.deepEqual([errors, await stale(id)], [[id], true]);
    await q.close();
  });
});
