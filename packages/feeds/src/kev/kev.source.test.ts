import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDomainError } from '@patchloop/core';
import { readHead } from '../shared/open-input.js';
import { kevFeed } from './kev.source.js';
import { kevDataDate } from './kev.parser.js';

const here = dirname(fileURLToPath(import.meta.url));
const testdata = (name: string): string => resolve(here, 'testdata', name);
const repoRoot = resolve(here, '../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const CURRENT = resolve(shared, 'feeds/kev/known_exploited_vulnerabilities.json');
const OLDER = resolve(shared, 'feeds/kev/known_exploited_vulnerabilities.2026-07-01.json.gz');
const skip = existsSync(CURRENT) && existsSync(OLDER) ? false : `KEV catalogs not found under ${shared}/feeds/kev (set PATCHLOOP_SHARED)`;
if (skip) console.log(`# skipping real KEV catalog tests: ${skip}`);
const FETCHED_AT = '2026-08-08T00:00:00.000Z';

/** The 31 CVEs added between catalogVersion 2026.07.01 and 2026.08.07 (none removed). */
const ADDED_AFTER_2026_07_01 = [
  'CVE-2008-4128', 'CVE-2021-27137', 'CVE-2023-4346', 'CVE-2025-68686', 'CVE-2026-0770', 'CVE-2026-15409', 'CVE-2026-15410',
  'CVE-2026-16232', 'CVE-2026-16812', 'CVE-2026-18556', 'CVE-2026-18577', 'CVE-2026-20316', 'CVE-2026-25089', 'CVE-2026-34486',
  'CVE-2026-39808', 'CVE-2026-46817', 'CVE-2026-48282', 'CVE-2026-48908', 'CVE-2026-48939', 'CVE-2026-50522', 'CVE-2026-55255',
  'CVE-2026-56155', 'CVE-2026-56164', 'CVE-2026-56290', 'CVE-2026-56291', 'CVE-2026-58644', 'CVE-2026-60137', 'CVE-2026-63030',
  'CVE-2026-63077', 'CVE-2026-8037', 'CVE-2026-9198',
];

describe('KEV: the real catalogs', { skip }, () => {
  const cases = [
    { name: '2026-08-07 (plain JSON)', path: CURRENT, records: 1662, dataDate: '2026-08-07T16:45:47.064Z' },
    { name: '2026-07-01 (gzip)', path: OLDER, records: 1631, dataDate: '2026-07-01T19:00:06.901Z' },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.records} entries, all valid, dataDate from dateReleased`, async () => {
      const result = await kevFeed.parsePath(c.path, { fetchedAt: FETCHED_AT, strict: true });
      assert.equal(result.records, c.records);
      assert.equal(result.intel.length, c.records);
      assert.deepEqual(result.rejected, []);
      assert.equal(result.dataDate, c.dataDate);
      assert.equal(new Set(result.intel.map((i) => i.cveId)).size, c.records);
    });
  }

  it('the 31 entries added between the two catalogs, and none removed', async () => {
    const [now, before] = await Promise.all([kevFeed.parsePath(CURRENT, { fetchedAt: FETCHED_AT }), kevFeed.parsePath(OLDER, { fetchedAt: FETCHED_AT })]);
    const beforeIds = new Set(before.intel.map((i) => i.cveId));
    const nowIds = new Set(now.intel.map((i) => i.cveId));
    assert.deepEqual(now.intel.map((i) => i.cveId).filter((id) => !beforeIds.has(id)).sort(), [...ADDED_AFTER_2026_07_01].sort());
    assert.deepEqual([...beforeIds].filter((id) => !nowIds.has(id)), []);
  });

  it('detect() recognizes both files from their decompressed head', async () => {
    for (const path of [CURRENT, OLDER]) assert.equal(kevFeed.detect(await readHead(path), path), true);
  });
});

describe('KEV: CVE-2023-4863 as mapped', () => {
  it('every catalog field, cwes and provenance', async () => {
    const result = await kevFeed.parsePath(testdata('kev-excerpt.2026-08-07.json'), { fetchedAt: FETCHED_AT });
    const webp = result.intel.find((i) => i.cveId === 'CVE-2023-4863');
    assert.ok(webp);
    assert.deepEqual(webp.kev, {
      dateAdded: '2023-09-13',
      dueDate: '2023-10-04',
      knownRansomwareCampaignUse: 'Unknown',
      vendorProject: 'Google',
      product: 'Chromium WebP',
      vulnerabilityName: 'Google Chromium WebP Heap-Based Buffer Overflow Vulnerability',
      requiredAction: 'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.',
      notes: 'https://chromereleases.googleblog.com/2023/09/stable-channel-update-for-desktop_11.html?m=1; https://nvd.nist.gov/vuln/detail/CVE-2023-4863',
    });
    assert.deepEqual(webp.cwes, ['CWE-787']);
    assert.equal(webp.source, 'kev');
    assert.match(webp.description ?? '', /^Google Chromium WebP contains a heap-based buffer overflow/);
    assert.deepEqual({ ...webp.provenance, contentHash: webp.provenance.contentHash.length }, { feed: 'kev', recordId: 'CVE-2023-4863', fetchedAt: FETCHED_AT, contentHash: 64 });
  });

  it('the content hash ignores fetchedAt', async () => {
    const a = await kevFeed.parsePath(testdata('kev-excerpt.2026-08-07.json'), { fetchedAt: FETCHED_AT });
    const b = await kevFeed.parsePath(testdata('kev-excerpt.2026-08-07.json'), { fetchedAt: '2030-01-01T00:00:00.000Z' });
    assert.deepEqual(a.intel.map((i) => i.provenance.contentHash), b.intel.map((i) => i.provenance.contentHash));
  });
});

describe('KEV: schema-invalid entries are rejected values', () => {
  const FILE = testdata('kev-invalid-entries.json');
  const cases = [
    { name: 'dateAdded not a date', recordId: 'CVE-2023-4863', location: 'kev-invalid-entries.json#/vulnerabilities/1', reason: /\/dateAdded must match format "date"/ },
    { name: 'dueDate missing', recordId: 'CVE-2021-44228', location: 'kev-invalid-entries.json#/vulnerabilities/2', reason: /required property 'dueDate'/ },
    { name: 'cwe without the CWE- prefix', recordId: 'CVE-2024-3400', location: 'kev-invalid-entries.json#/vulnerabilities/3', reason: /\/cwes\/0 must match pattern/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await kevFeed.parsePath(FILE, { fetchedAt: FETCHED_AT });
      const rejection = result.rejected.find((r) => r.location === c.location);
      assert.ok(rejection, `no rejection at ${c.location}: ${JSON.stringify(result.rejected)}`);
      assert.equal(rejection.recordId, c.recordId);
      assert.match(rejection.reason, c.reason);
    });
  }

  it('the valid entries still import; records counts all five', async () => {
    const result = await kevFeed.parsePath(FILE, { fetchedAt: FETCHED_AT });
    assert.deepEqual(result.intel.map((i) => i.cveId), ['CVE-2026-8037', 'CVE-2008-4128']);
    assert.equal(result.records, 5);
    assert.equal(result.rejected.length, 3);
  });

  it('strict: E_FEED_STRICT naming the entries, nothing returned', async () => {
    await assert.rejects(kevFeed.parsePath(FILE, { fetchedAt: FETCHED_AT, strict: true }), (e: unknown) => {
      assert.ok(isDomainError(e));
      assert.equal(e.code, 'E_FEED_STRICT');
      assert.match(e.message, /3 invalid record\(s\).*CVE-2023-4863/);
      return true;
    });
  });
});

describe('KEV: broken catalogs are fatal', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-kev-'));
    const excerpt = await readFile(testdata('kev-excerpt.2026-08-07.json'));
    await writeFile(join(dir, 'not-json.json'), excerpt.subarray(0, 500));
    await writeFile(join(dir, 'no-envelope.json'), JSON.stringify({ title: 'CISA Catalog', vulnerabilities: [] }));
    await writeFile(join(dir, 'truncated.json.gz'), gzipSync(excerpt).subarray(0, 300));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cases = [
    { name: 'truncated JSON', file: 'not-json.json', code: 'E_KEV_INVALID', message: /not valid JSON/ },
    { name: 'JSON without catalogVersion/dateReleased/count', file: 'no-envelope.json', code: 'E_KEV_INVALID', message: /required property 'catalogVersion'/ },
    { name: 'truncated gzip', file: 'truncated.json.gz', code: 'E_GZIP_INVALID', message: /truncated/ },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      await assert.rejects(kevFeed.parsePath(join(dir, c.file), { fetchedAt: FETCHED_AT }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.match(e.message, c.message);
        assert.equal(e.location?.file, c.file);
        return true;
      });
    });
  }
});

describe('kevDataDate', () => {
  const cases = [
    { name: 'dateReleased wins', catalog: { dateReleased: '2026-08-07T16:45:47.0648Z', catalogVersion: '2026.08.07' }, expected: '2026-08-07T16:45:47.064Z' },
    { name: 'catalogVersion when dateReleased is unreadable', catalog: { dateReleased: 'yesterday', catalogVersion: '2026.07.01' }, expected: '2026-07-01' },
    { name: 'neither', catalog: { dateReleased: '', catalogVersion: 'v7' }, expected: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.equal(kevDataDate(c.catalog), c.expected));
});

describe('kevFeed.detect', () => {
  const cases = [
    { name: 'KEV head', head: '{\n    "title": "CISA Catalog of Known Exploited Vulnerabilities",\n    "catalogVersion": "2026.08.07",\n    "dateReleased": "2026', expected: true },
    { name: 'NVD page', head: '{"resultsPerPage": 1, "format": "NVD_CVE", "vulnerabilities": [', expected: false },
    { name: 'EPSS CSV', head: '#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z\ncve,epss,percentile\n', expected: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(kevFeed.detect(c.head, 'x.json'), c.expected));
});
