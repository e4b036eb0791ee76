import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory, VulnerabilityIntel } from '@patchloop/core';
import { testEngines, type TestStore } from '../testing/test-stores.js';
import type { Store } from '../store.js';
import type { FeedVersionInput } from '../feeds/feed.types.js';
import type { Kysely } from 'kysely';
import { backfill as backfillMatchDocs, type BackfillTables } from '../migrations/20261127T0200-advisory-match-docs.js';

// The feed store on every engine: versioned, atomic, idempotent imports.
const engines = await testEngines();
for (const engine of engines) {
  describe(`feed store contract on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestStore;
    let s: Store;
    before(async () => {
      t = await engine.open();
      s = t.store;
    });
    after(async () => t?.cleanup());

    it('imports a version, serves it, and reports the changes of the next one', async () => {
      const v1 = await s.feeds.importVersion(input('h1', [adv('CVE-1', 'openssl', '1.0-2'), adv('CVE-2', 'curl', '7.0-1')], [intel('CVE-1', 0.5)]), T1);
      assert.deepEqual([v1.unchanged, v1.changes.added.length], [false, 2]);
      assert.deepEqual((await s.feeds.listAdvisoriesForGroups([{ ecosystem: 'Debian:12', kind: 'source', name: 'openssl' }])).map((a) => a.id), ['CVE-1']);
      assert.equal((await s.feeds.listIntel(['CVE-1']))[0]?.epss?.score, 0.5);

      const v2 = await s.feeds.importVersion(input('h2', [adv('CVE-1', 'openssl', '1.0-3'), adv('CVE-3', 'zlib', '1.2-1')], [intel('CVE-1', 0.7)]), T2);
      assert.deepEqual(v2.changes.added.map((a) => a.id), ['CVE-3']);
      assert.deepEqual(v2.changes.changed.map((a) => a.id), ['CVE-1']);
      assert.deepEqual(v2.changes.removed.map((a) => a.id), ['CVE-2']);
      assert.deepEqual(v2.changes.previous.map((a) => a.id).sort(), ['CVE-1', 'CVE-2']);
      assert.deepEqual((await s.feeds.listActiveAdvisories()).map((a) => a.id).sort(), ['CVE-1', 'CVE-3']);
      assert.equal((await s.feeds.listIntel(['CVE-1']))[0]?.epss?.score, 0.7);
      const leftovers = await s.db.selectFrom('advisories').select('record_id').where('version_id', '=', v1.versionId).execute();
      assert.equal(leftovers.length, 0, 'the old version records are dropped');
    });

    it('re-importing identical content is a no-op that keeps the active version', async () => {
      const before = await s.feeds.listSourceStatus();
      const again = await s.feeds.importVersion(input('h3-same-content', [adv('CVE-1', 'openssl', '1.0-3'), adv('CVE-3', 'zlib', '1.2-1')], [intel('CVE-1', 0.7)]), T3);
      assert.equal(again.unchanged, true);
      assert.equal(again.versionId, before[0]!.activeVersionId);
      assert.equal(await s.feeds.isActiveInput('test-feed', 'h3-same-content'), true);
    });

    it('a failing import leaves the previous version active and writes nothing', async () => {
      const bad = adv('CVE-9', 'bash', '5.0-1');
      (bad as unknown as { bomb: bigint }).bomb = 1n; // JSON.stringify throws mid-import
      await assert.rejects(s.feeds.importVersion(input('h4', [adv('CVE-8', 'tar', '1.0-1'), bad], []), T3));
      assert.deepEqual((await s.feeds.listActiveAdvisories()).map((a) => a.id).sort(), ['CVE-1', 'CVE-3']);
      const versions = await s.db.selectFrom('feed_versions').select('id').where('input_hash', '=', 'h4').execute();
      assert.equal(versions.length, 0);
    });

    it('records attempts and errors per source, and lists status', async () => {
      await s.feeds.recordAttempt('test-feed', T4, { error: 'HTTP 500 from mirror', etag: '"abc"' });
      const [st] = await s.feeds.listSourceStatus();
      assert.deepEqual([st!.source, st!.records, st!.lastError, st!.etag, st!.lastSuccessAt], ['test-feed', 3, 'HTTP 500 from mirror', '"abc"', T3]);
    });

    it('intel records round-trip exactly (compact storage)', async () => {
      const full: VulnerabilityIntel = {
        cveId: 'CVE-2023-4863', source: 'rt-feed', published: '2023-09-12T15:15:24.327Z', description: 'heap overflow in libwebp',
        cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', baseScore: 8.8, scorer: 'nvd@nist.gov', kind: 'Primary' }],
        cwes: ['CWE-787'], references: ['https://example.org/advisory'],
        kev: { dateAdded: '2023-09-13', dueDate: '2023-10-04', knownRansomwareCampaignUse: 'Unknown' },
        provenance: { feed: 'rt-feed', recordId: 'kev-entry-17', fetchedAt: T1, contentHash: 'abc123' },
      };
      const sparse = intel('CVE-2023-9999', 0.25);
      await s.feeds.importVersion({ ...input('rt', [], [full, { ...sparse, source: 'rt-feed', provenance: { ...sparse.provenance, feed: 'rt-feed' } }]), source: 'rt-feed' }, T4);
      const got = await s.feeds.listIntel(['CVE-2023-4863', 'CVE-2023-9999']);
      assert.deepEqual(got.find((i) => i.cveId === 'CVE-2023-4863'), full);
      assert.deepEqual(got.find((i) => i.cveId === 'CVE-2023-9999'), { ...sparse, source: 'rt-feed', provenance: { ...sparse.provenance, feed: 'rt-feed' } });
    });

    it('bulk-imports many records (the engine-specific fast path)', async () => {
      const many = Array.from({ length: 12_345 }, (_, i) => intel(`CVE-2024-${10000 + i}`, i / 20000));
      const r = await s.feeds.importVersion({ ...input('bulk', [], many), source: 'bulk-feed' }, T4);
      assert.equal(r.intelRecords, 12_345);
      const n = await s.db.selectFrom('vuln_intel').select((eb) => eb.fn.countAll<number>().as('n')).where('version_id', '=', r.versionId).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 12_345);
    });

    it('match documents: the advisories without their prose; skip leaves ruled-out rows unread, not their id-mates', async () => {
      const rec = (a: Advisory, recordId: string): Advisory => ({ ...a, source: 'match-feed', summary: 'prose', details: 'more prose', references: [{ type: 'WEB', url: 'https://example.org' }], provenance: { ...a.provenance, feed: 'match-feed', recordId } });
      const old = rec(adv('CVE-7', 'libmatch', '1.0-2'), 'def-1');
      const current = rec(adv('CVE-8', 'libmatch', '3.0-9'), 'def-2');
      const sameIdAsCurrent = rec(adv('CVE-8', 'libmate', '1.0-1'), 'def-3');
      const unfixed = rec({ ...adv('CVE-9', 'libmatch', 'x'), affected: [{ ecosystem: 'Debian:12', name: 'libmatch', packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], versions: [], status: 'unfixed' }] }, 'def-4');
      await s.feeds.importVersion({ ...input('match', [old, current, sameIdAsCurrent, unfixed], []), source: 'match-feed' }, T4);
      const groups = [{ ecosystem: 'Debian:12', kind: 'source' as const, name: 'libmatch' }, { ecosystem: 'Debian:12', kind: 'source' as const, name: 'libmate' }];
      const all = await s.feeds.listMatchAdvisoriesForGroups(groups);
      const { summary: _s, details: _d, ...bare } = old;
      assert.deepEqual(all.find((a) => a.provenance.recordId === 'def-1'), { ...bare, references: [] });
      assert.deepEqual(all.map((a) => a.provenance.recordId).sort(), ['def-1', 'def-2', 'def-3', 'def-4']);
      const asked: string[] = [];
      // "installed" at 2.0: def-1 (fixed 1.0-2) and def-3 (libmate, fixed 1.0-1) are ruled out; def-3 shares CVE-8 with def-2.
      const kept = await s.feeds.listMatchAdvisoriesForGroups(groups, { skip: (row) => (asked.push(`${row.name} ${row.fixedBelow}`), row.fixedBelow < '2.0') });
      assert.deepEqual(kept.map((a) => a.provenance.recordId).sort(), ['def-2', 'def-3', 'def-4']);
      assert.deepEqual(asked.sort(), ['libmatch 1.0-2', 'libmatch 3.0-9', 'libmate 1.0-1']);
    });

    it('migration 20261127T0200 backfills the match documents of advisories imported before it', async () => {
      const groups = [{ ecosystem: 'Debian:12', kind: 'source' as const, name: 'libmatch' }, { ecosystem: 'Debian:12', kind: 'source' as const, name: 'openssl' }];
      const before = await s.feeds.listMatchAdvisoriesForGroups(groups);
      await s.db.deleteFrom('advisory_match_groups').execute();
      await s.db.deleteFrom('advisory_match_docs').execute();
      assert.deepEqual(await s.feeds.listMatchAdvisoriesForGroups(groups), []);
      await backfillMatchDocs(s.db as unknown as Kysely<BackfillTables>);
      assert.deepEqual(await s.feeds.listMatchAdvisoriesForGroups(groups), before);
    });
  });
}

const T1 = '2026-11-01T00:00:00.000Z';
const T2 = '2026-11-02T00:00:00.000Z';
const T3 = '2026-11-03T00:00:00.000Z';
const T4 = '2026-11-04T00:00:00.000Z';

function input(inputHash: string, advisories: Advisory[], intelRecords: VulnerabilityIntel[]): FeedVersionInput {
  return { source: 'test-feed', inputHash, records: advisories.length + intelRecords.length, rejected: 0, fetchedAt: T1, dataDate: T1, origin: 'test', advisories, intel: intelRecords };
}

function adv(id: string, pkg: string, fixed: string): Advisory {
  return {
    id, aliases: [], source: 'test-feed', affected: [{ ecosystem: 'Debian:12', name: pkg, packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [] }],
    severities: [], references: [], provenance: { feed: 'test-feed', recordId: `rec-${id}`, fetchedAt: T1, contentHash: `${id}-${pkg}-${fixed}` },
  };
}

function intel(cveId: string, score: number): VulnerabilityIntel {
  return { cveId, source: 'test-feed', cvss: [], cwes: [], references: [], epss: { score, percentile: score, date: '2025-04-15' }, provenance: { feed: 'test-feed', recordId: cveId, fetchedAt: T1, contentHash: `${cveId}-${score}` } };
}
