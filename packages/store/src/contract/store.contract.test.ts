import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, InstalledPackage } from '@patchloop/core';
import { testEngines, type TestStore } from '../testing/test-stores.js';
import type { Store } from '../store.js';

// One contract, every engine: SQLite always, PostgreSQL when reachable (CI requires it).
const engines = await testEngines();
for (const engine of engines) {
  describe(`store contract on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestStore;
    let s: Store;
    before(async () => {
      t = await engine.open();
      s = t.store;
    });
    after(async () => t?.cleanup());

    it('migrating twice applies nothing the second time', async () => {
      assert.deepEqual((await s.migrate()).applied, []);
    });

    it('creates, finds and updates an asset, keeping fields not in the patch', async () => {
      const a = await s.assets.createAsset({ kind: 'host', name: 'web-1', source: 'api', environment: 'prod', criticality: 5, exposure: 'internet', tags: ['pci'], groups: ['web'], os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12', codename: 'bookworm' }, kernel: { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64', '6.1.0-20-amd64'] }, rebootRequired: true }, T1);
      assert.equal((await s.assets.findAssetById(a.id))?.name, 'web-1');
      const u = await s.assets.updateAsset(a.id, { owner: 'ops@example.org', criticality: 4 }, T2);
      assert.equal(u.owner, 'ops@example.org');
      assert.equal(u.criticality, 4);
      assert.equal(u.environment, 'prod');
      assert.deepEqual(u.tags, ['pci']);
      assert.deepEqual(u.kernel, { running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64', '6.1.0-20-amd64'] });
      assert.equal(u.rebootRequired, true);
      assert.equal(u.os?.codename, 'bookworm');
      assert.equal(u.firstSeen, T1);
    });

    it('refuses a duplicate name within a kind with E_ASSET_EXISTS, allows it in another kind', async () => {
      await assert.rejects(s.assets.createAsset({ kind: 'host', name: 'web-1', source: 'api' }, T1), { code: 'E_ASSET_EXISTS' });
      await s.assets.createAsset({ kind: 'application', name: 'web-1', source: 'api' }, T1);
    });

    it('updating a missing asset is E_ASSET_NOT_FOUND', async () => {
      await assert.rejects(s.assets.updateAsset('00000000-0000-7000-8000-000000000000', { owner: 'x' }, T1), { code: 'E_ASSET_NOT_FOUND' });
    });

    it('lists with filters and cursor pagination', async () => {
      for (let i = 0; i < 7; i++) {
        await s.assets.createAsset({ kind: 'host', name: `db-${i}`, source: 'api', environment: i % 2 ? 'prod' : 'staging', tags: i < 3 ? ['db', 'x'] : ['db'], groups: ['databases'] }, T1);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.assets.listAssets({ nameContains: 'DB-' }, { limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.name));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen.sort(), ['db-0', 'db-1', 'db-2', 'db-3', 'db-4', 'db-5', 'db-6']);
      assert.equal((await s.assets.listAssets({ tag: 'x' }, { limit: 50 })).items.length, 3);
      assert.equal((await s.assets.listAssets({ group: 'databases', environment: 'prod' }, { limit: 50 })).items.length, 3);
      assert.equal((await s.assets.listAssets({ kind: 'application' }, { limit: 50 })).items.length, 1);
      await assert.rejects(s.assets.listAssets({}, { limit: 5, cursor: 'not-a-cursor' }), { code: 'E_CURSOR_INVALID' });
    });

    it('keeps inventory history: software at any past time and every change with its time', async () => {
      const { asset } = await s.assets.upsertAssetByName({ kind: 'host', name: 'hist-1', source: 'collector:dpkg' }, T1);
      const r1 = await s.inventory.recordInventory(asset.id, [pkg('openssl', '3.0.9-1'), pkg('bash', '5.2.15-2+b2'), pkg('curl', '7.88.1-10')], T1);
      assert.deepEqual([r1.added, r1.removed, r1.changed], [3, 0, 0]);
      const r2 = await s.inventory.recordInventory(asset.id, [pkg('openssl', '3.0.11-1~deb12u2'), pkg('bash', '5.2.15-2+b2'), pkg('zlib1g', '1:1.2.13.dfsg-1')], T2);
      assert.deepEqual([r2.added, r2.removed, r2.changed, r2.unchanged], [1, 1, 1, 1]);
      const r3 = await s.inventory.recordInventory(asset.id, [pkg('openssl', '3.0.11-1~deb12u2'), pkg('bash', '5.2.15-2+b2'), pkg('zlib1g', '1:1.2.13.dfsg-1')], T3);
      assert.deepEqual([r3.added, r3.removed, r3.changed, r3.unchanged], [0, 0, 0, 3]);

      const names = (list: InstalledPackage[]) => list.map((p) => `${p.name}=${p.version}`);
      assert.deepEqual(names(await s.inventory.listSoftware(asset.id, T1)), ['bash=5.2.15-2+b2', 'curl=7.88.1-10', 'openssl=3.0.9-1']);
      assert.deepEqual(names(await s.inventory.listSoftware(asset.id, BETWEEN_1_2)), ['bash=5.2.15-2+b2', 'curl=7.88.1-10', 'openssl=3.0.9-1']);
      assert.deepEqual(names(await s.inventory.listSoftware(asset.id, T2)), ['bash=5.2.15-2+b2', 'openssl=3.0.11-1~deb12u2', 'zlib1g=1:1.2.13.dfsg-1']);
      assert.deepEqual(names(await s.inventory.listSoftware(asset.id)), names(await s.inventory.listSoftware(asset.id, T2)));
      assert.deepEqual(await s.inventory.listSoftware(asset.id, BEFORE), []);

      const events = (await s.inventory.listSoftwareChanges(asset.id, { since: T2 })).map((e) => `${e.at} ${e.kind} ${(e.after ?? e.before)!.name}`);
      assert.deepEqual(events.sort(), [`${T2} added zlib1g`, `${T2} changed openssl`, `${T2} removed curl`]);
      assert.equal((await s.inventory.listSoftwareChanges(asset.id)).length, 6);
    });

    it('keeps optional package fields (source, arch, purl) round-trip', async () => {
      const { asset } = await s.assets.upsertAssetByName({ kind: 'host', name: 'src-1', source: 'collector:dpkg' }, T1);
      const p: InstalledPackage = { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2', arch: 'amd64', purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64' };
      await s.inventory.recordInventory(asset.id, [p, { ecosystem: 'npm', name: 'lodash', version: '4.17.21' }], T1);
      assert.deepEqual(await s.inventory.listSoftware(asset.id), [p, { ecosystem: 'npm', name: 'lodash', version: '4.17.21' }]);
    });

    it('recording inventory for a missing asset is E_ASSET_NOT_FOUND and writes nothing', async () => {
      await assert.rejects(s.inventory.recordInventory('00000000-0000-7000-8000-000000000001', [pkg('a', '1')], T1), { code: 'E_ASSET_NOT_FOUND' });
    });

    it('a failing transaction leaves neither the asset nor its software behind', async () => {
      await assert.rejects(
        s.transaction(async (tx) => {
          const { asset } = await tx.assets.upsertAssetByName({ kind: 'image', name: 'tx-rollback', source: 'sbom' }, T1);
          await tx.inventory.recordInventory(asset.id, [pkg('a', '1')], T1);
          throw new Error('boom after writes');
        }),
        /boom/,
      );
      assert.equal(await s.assets.findAssetByName('image', 'tx-rollback'), undefined);
      const left = await s.db.selectFrom('asset_software').select('id').where('name', '=', 'a').execute();
      assert.equal(left.length, 0);
    });

    it('tracks a finding through opened, seen, changed, resolved and reopened', async () => {
      const { asset } = await s.assets.upsertAssetByName({ kind: 'host', name: 'find-1', source: 'agent' }, T1);
      const f = finding(asset.id, '3.0.9-1');
      const open1 = await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: [f], closed: [], changed: [] }], T1);
      assert.deepEqual(open1, { opened: 1, reopened: 0, changed: 0, resolved: 0 });
      const reported = await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: [f], closed: [], changed: [] }], T1);
      assert.deepEqual(reported, { opened: 0, reopened: 0, changed: 1, resolved: 0 }, 'an open finding reported again is refreshed, not reopened');
      await s.findings.touchOpenFindings(asset.id, BETWEEN_1_2);
      const moved = finding(asset.id, '3.0.10-1');
      await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: [], closed: [], changed: [moved] }], T2);
      let [row] = await s.findings.listFindings({ assetId: asset.id });
      assert.deepEqual([row!.firstSeen, row!.lastSeen, row!.package.version, row!.resolvedAt], [T1, T2, '3.0.10-1', undefined]);
      assert.deepEqual(row!.vulnerabilityIds, ['CVE-2023-0001']);
      assert.equal(row!.explanation.text, 'installed 3.0.10-1 < fixed 3.0.11-1 (dpkg)');
      await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: [], closed: [moved], changed: [] }], T3);
      assert.equal((await s.findings.listFindings({ assetId: asset.id })).length, 0);
      [row] = await s.findings.listFindings({ assetId: asset.id, state: 'resolved' });
      assert.equal(row!.resolvedAt, T3);
      const again = await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: [finding(asset.id, '3.0.9-1')], closed: [], changed: [] }], T4);
      assert.deepEqual(again, { opened: 0, reopened: 1, changed: 0, resolved: 0 });
      [row] = await s.findings.listFindings({ assetId: asset.id });
      assert.deepEqual([row!.firstSeen, row!.resolvedAt, row!.reopenedCount], [T1, undefined, 1]);
    });

    it('lists findings by package name, in chunks past 500 names', async () => {
      const { asset } = await s.assets.upsertAssetByName({ kind: 'host', name: 'find-by-name', source: 'agent' }, T1);
      const onPackage = (name: string): Finding => {
        const f = finding(asset.id, '3.0.9-1');
        return { ...f, key: JSON.stringify([asset.id, 'debian-oval', 'CVE-2023-0001', 'Debian:12', name, 'amd64']), package: { ...f.package, name } };
      };
      await s.findings.applyFindingDeltas([{ assetId: asset.id, opened: ['libssl3', 'openssl', 'curl'].map(onPackage), closed: [], changed: [] }], T1);
      const names = async (packageNames: string[]) => (await s.findings.listFindings({ assetId: asset.id, packageNames })).map((f) => f.package.name).sort();
      assert.deepEqual(await names(['openssl', 'curl', 'bash']), ['curl', 'openssl']);
      assert.deepEqual(await names([]), []);
      const many = Array.from({ length: 1200 }, (_, i) => `pkg-${i}`);
      assert.deepEqual(await names([...many, 'libssl3', ...many.map((n) => `${n}-x`), 'curl']), ['curl', 'libssl3']);
    });

    it('stores risk acceptances and replaces VEX documents', async () => {
      const a = await s.policy.requestAcceptance({ vulnerabilityId: 'CVE-2023-0286', scope: { kind: 'group', group: 'web' }, reason: 'not reachable', requestedBy: 'alice', requestedAt: T1, expiresAt: T4 });
      const approved = await s.policy.approveAcceptance(a.id, 'bob', T2);
      assert.deepEqual([approved.approvedBy, approved.approvedAt, approved.scope], ['bob', T2, { kind: 'group', group: 'web' }]);
      assert.equal((await s.policy.revokeAcceptance(a.id, T3)).revokedAt, T3);
      assert.equal((await s.policy.listAcceptances()).length, 1);
      const st = { vulnerabilityId: 'CVE-1', aliases: [], products: [{ purl: 'pkg:npm/a@1' }], status: 'not_affected' as const, provenance: { format: 'openvex' as const, documentId: 'doc-1', file: 'a.json' } };
      await s.policy.replaceVexDocument('doc-1', [st, { ...st, vulnerabilityId: 'CVE-2' }], T1);
      await s.policy.replaceVexDocument('doc-1', [{ ...st, vulnerabilityId: 'CVE-3' }], T2);
      assert.deepEqual((await s.policy.listVexStatements()).map((x) => x.vulnerabilityId), ['CVE-3']);
    });

    it('stores only the hash of an API token and verifies it until revoked', async () => {
      const { token, record } = await s.tokens.createToken('admin', 'admin', T1);
      const row = await s.db.selectFrom('api_tokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(token.slice(4)), 'plaintext must not be stored');
      assert.equal((await s.tokens.verifyToken(token, T2))?.role, 'admin');
      assert.equal(await s.tokens.verifyToken(`${token}x`, T2), undefined);
      assert.equal(await s.tokens.revokeToken(record.id, T2), true);
      assert.equal(await s.tokens.verifyToken(token, T3), undefined);
    });
  });
}

const BEFORE = '2026-01-01T00:00:00.000Z';
const T1 = '2026-11-01T10:00:00.000Z';
const BETWEEN_1_2 = '2026-11-01T12:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';
const T4 = '2026-11-04T10:00:00.000Z';

function finding(assetId: string, version: string): Finding {
  const text = `installed ${version} < fixed 3.0.11-1 (dpkg)`;
  return {
    key: JSON.stringify([assetId, 'debian-oval', 'CVE-2023-0001', 'Debian:12', 'libssl3', 'amd64']),
    assetId,
    advisoryId: 'CVE-2023-0001',
    advisorySource: 'debian-oval',
    vulnerabilityIds: ['CVE-2023-0001'],
    package: { ecosystem: 'Debian:12', name: 'libssl3', version, arch: 'amd64', sourceName: 'openssl', sourceVersion: version },
    matchedOn: { ecosystem: 'Debian:12', kind: 'source', name: 'openssl', version },
    fixedVersion: '3.0.11-1',
    status: 'affected',
    explanation: { advisory: { id: 'CVE-2023-0001', source: 'debian-oval' }, affected: { index: 0, ecosystem: 'Debian:12', name: 'openssl', kind: 'source' }, rule: 'range', events: [{ introduced: '0' }, { fixed: '3.0.11-1' }], comparisons: [text], mapping: 'binary libssl3 -> source openssl', text },
  };
}

function pkg(name: string, version: string): InstalledPackage {
  return { ecosystem: 'Debian:12', name, version, arch: 'amd64' };
}
