import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { importFeedPath } from './feed-import.service.js';

// Bad feed input at the pipeline level: a clear error, the error recorded on the source, and the
// store exactly as it was (the previous version stays active).
const SHARED = process.env.PATCHLOOP_SHARED ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared');
const KEV = join(SHARED, 'feeds/kev/known_exploited_vulnerabilities.json');
const haveShared = (() => {
  try {
    readFileSync(KEV);
    return true;
  } catch {
    return false;
  }
})();

describe('importFeedPath with bad input changes nothing', { skip: haveShared ? false : `shared feed data not found at ${SHARED} (set PATCHLOOP_SHARED)` }, () => {
  let t: TestStore;
  let dir: string;
  const file = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  before(async () => {
    t = await openSqliteTestStore();
    dir = mkdtempSync(join(tmpdir(), 'pl-feed-bad-'));
    const ok = await importFeedPath(t.store, KEV, { source: 'kev', at: '2026-11-01T00:00:00.000Z' });
    assert.equal(ok.records, 1662);
  });
  after(async () => {
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const kevText = () => readFileSync(KEV, 'utf8');
  const cases: { name: string; make: () => string; source: string; code: RegExp; strict?: boolean }[] = [
    { name: 'a truncated gzip', make: () => { const gz = gzipSync(kevText()); return file('kev.json.gz', gz.subarray(0, gz.length >> 1)); }, source: 'kev', code: /E_GZIP_INVALID/ },
    { name: 'truncated JSON', make: () => file('kev-trunc.json', kevText().slice(0, 50_000)), source: 'kev', code: /E_KEV_INVALID|E_JSON/ },
    { name: 'XML with a DTD and entity expansion', make: () => file('bomb.xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"><generator/>&lol2;</oval_definitions>'), source: 'debian-oval', code: /E_XML_DTD_FORBIDDEN/ },
    { name: 'an absurdly long CSV line', make: () => file('epss.csv', `#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z\ncve,epss,percentile\nCVE-2024-0001,0.1,${'9'.repeat(3 * 1024 * 1024)}\n`), source: 'epss', code: /E_LINE_TOO_LONG/ },
    { name: '--strict with one schema-invalid KEV entry', make: () => { const doc = JSON.parse(kevText()); doc.vulnerabilities[3].dateAdded = 'yesterday'; return file('kev-one-bad.json', JSON.stringify(doc)); }, source: 'kev', code: /E_FEED_STRICT/, strict: true },
  ];
  for (const c of cases) {
    it(`${c.name}: clear error, error recorded, store unchanged`, async () => {
      const before = await t.store.feeds.listSourceStatus();
      await assert.rejects(importFeedPath(t.store, c.make(), { source: c.source, strict: c.strict ?? false, at: '2026-11-02T00:00:00.000Z' }), (e: Error & { code?: string }) => c.code.test(`${e.code} ${e.message}`));
      const after = await t.store.feeds.listSourceStatus();
      const kevBefore = before.find((s) => s.source === 'kev')!;
      const kevAfter = after.find((s) => s.source === 'kev')!;
      assert.deepEqual([kevAfter.activeVersionId, kevAfter.records], [kevBefore.activeVersionId, kevBefore.records]);
      assert.match(after.find((s) => s.source === c.source)!.lastError ?? '', c.code);
      assert.equal((await t.store.feeds.listIntel(['CVE-2023-4863'])).length, 1, 'the active KEV data is still served');
    });
  }

  it('without --strict, the invalid entry is skipped and listed, the valid ones import', async () => {
    const doc = JSON.parse(kevText());
    doc.vulnerabilities[3].dateAdded = 'yesterday';
    const r = await importFeedPath(t.store, file('kev-lenient.json', JSON.stringify(doc)), { source: 'kev', at: '2026-11-03T00:00:00.000Z' });
    assert.equal(r.rejected.length, 1);
    assert.equal(r.intel, 1661);
    assert.match(r.rejected[0]!.reason, /dateAdded/);
  });
});
