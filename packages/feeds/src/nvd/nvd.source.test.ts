import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { readHead } from '../shared/open-input.js';
import { nvdFeed } from './nvd.source.js';

const here = dirname(fileURLToPath(import.meta.url));
const testdata = (name: string): string => resolve(here, 'testdata', name);
const repoRoot = resolve(here, '../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const CVE_DIR = resolve(shared, 'feeds/nvd/cve-2.0');
const FETCHED_AT = '2026-07-08T00:00:00.000Z';
const parse = (path: string, strict = false): Promise<FeedParseResult> => nvdFeed.parsePath(path, { fetchedAt: FETCHED_AT, strict });

const dirSkip = existsSync(CVE_DIR) ? false : `${CVE_DIR} not found (set PATCHLOOP_SHARED)`;
if (dirSkip) console.log(`# skipping the NVD directory test: ${dirSkip}`);

describe('NVD: the real files', () => {
  it('the 23 single-CVE responses as a directory', { skip: dirSkip }, async () => {
    const result = await parse(CVE_DIR, true);
    assert.equal(result.records, 23);
    assert.equal(result.intel.length, 23);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.intel.filter((i) => i.kev).map((i) => i.cveId).join(), 'CVE-2023-4863');
    assert.equal(result.dataDate, '2026-07-07T03:28:20.959Z');
  });

  const files = [
    { name: 'page of 13 CVEs (envelope inconsistent as published)', file: 'osv-dev-vulnfeeds-test.json', records: 13, rejected: [/resultsPerPage 1 but 13 vulnerabilities; startIndex 0 \+ 13 vulnerabilities exceeds totalResults 1/] },
    { name: 'legacy 1.1 feed (gzip)', file: 'nvdcve-1.1-test-data.json.gz', records: 669, rejected: [/CVE_data_numberOfCVEs "660" but 669 CVE_Items/] },
    { name: 'synthetic page at index 2000 of 2000', file: 'nvd-page-inconsistent-total.json', records: 1, rejected: [/startIndex 2000 \+ 1 vulnerabilities exceeds totalResults 2000; startIndex 2000 is past totalResults 2000/] },
    { name: 'consistent single response', file: 'CVE-2023-4863.json', records: 1, rejected: [] },
  ];
  for (const c of files) {
    it(`${c.name}: ${c.records} CVEs, envelope problems as rejected values`, async () => {
      const result = await parse(testdata(c.file));
      assert.equal(result.records, c.records);
      assert.equal(result.intel.length, c.records);
      assert.equal(result.rejected.length, c.rejected.length);
      c.rejected.forEach((re, n) => assert.match(result.rejected[n]!.reason, re));
      assert.equal(nvdFeed.detect(await readHead(testdata(c.file)), c.file), true);
    });
  }

  it('strict refuses an inconsistent envelope', async () => {
    await assert.rejects(parse(testdata('nvd-page-inconsistent-total.json'), true), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT');
  });
});

describe('NVD: CVE-2023-4863 (KEV fields from the NVD)', () => {
  it('maps every field', async () => {
    const [webp] = (await parse(testdata('CVE-2023-4863.json'))).intel;
    assert.ok(webp);
    assert.equal(webp.cveId, 'CVE-2023-4863');
    assert.equal(webp.published, '2023-09-12T15:15:24.327Z');
    assert.equal(webp.modified, '2023-10-28T19:15:38.643Z');
    assert.match(webp.description ?? '', /^Heap buffer overflow in libwebp in Google Chrome prior to 116\.0\.5845\.187/);
    assert.deepEqual(webp.kev, {
      dateAdded: '2023-09-13',
      dueDate: '2023-10-04',
      requiredAction: 'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.',
      vulnerabilityName: 'Google Chromium WebP Heap-Based Buffer Overflow Vulnerability',
    });
    assert.deepEqual(webp.cvss, [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', baseScore: 8.8, scorer: 'nvd@nist.gov', kind: 'Primary' }]);
    assert.deepEqual(webp.cwes, ['CWE-787']);
    assert.ok(webp.references.includes('https://blog.isosceles.com/the-webp-0day/'), webp.references.join('\n'));
    assert.ok(Array.isArray(webp.cpeConfigurations));
    assert.deepEqual({ ...webp.provenance, contentHash: typeof webp.provenance.contentHash }, { feed: 'nvd', recordId: 'CVE-2023-4863', fetchedAt: FETCHED_AT, contentHash: 'string' });
  });
});

describe('NVD: CVE-2024-3094 (xz)', () => {
  it('two 3.1 scorers, CWE-506, SSVC from ssvcV203, no KEV', async () => {
    const [xz] = (await parse(testdata('CVE-2024-3094.json'))).intel;
    assert.ok(xz);
    assert.deepEqual(xz.cvss.map((m) => [m.version, m.scorer, m.kind, m.baseScore]), [['3.1', 'secalert@redhat.com', 'Secondary', 10], ['3.1', 'nvd@nist.gov', 'Primary', 10]]);
    assert.deepEqual(xz.cwes, ['CWE-506']);
    assert.deepEqual(xz.ssvc, { exploitation: 'none', automatable: 'yes', technicalImpact: 'total', timestamp: '2024-04-02T04:00:23.138Z', scorer: '134c704f-9b21-4f2e-91b3-4a467353bcc0' });
    assert.equal(xz.kev, undefined);
    assert.equal(xz.references.length, 55, 'distinct URLs (59 references, 4 repeated)');
  });
});

describe('NVD: CVSS versions present in the data', () => {
  const cases = [
    { name: '2.0 only', file: 'CVE-2014-1424.json', cve: 'CVE-2014-1424', expected: [{ version: '2.0', vector: 'AV:N/AC:L/Au:N/C:N/I:P/A:P', baseScore: 6.4, scorer: 'nvd@nist.gov', kind: 'Primary' }] },
    {
      name: '4.0 and 3.1 (page)', file: 'osv-dev-vulnfeeds-test.json', cve: 'CVE-2025-4565', expected: [
        { version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X', baseScore: 8.2, scorer: 'cve-coordination@google.com', kind: 'Secondary' },
        { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', baseScore: 5.3, scorer: 'nvd@nist.gov', kind: 'Primary' },
      ],
    },
    {
      name: '3.0 and 2.0 (page)', file: 'osv-dev-vulnfeeds-test.json', cve: 'CVE-2018-14618', expected: [
        { version: '3.0', vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H', baseScore: 7.5, scorer: 'secalert@redhat.com', kind: 'Secondary' },
        { version: '3.0', vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, scorer: 'nvd@nist.gov', kind: 'Primary' },
        { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:C/I:C/A:C', baseScore: 10, scorer: 'nvd@nist.gov', kind: 'Primary' },
      ],
    },
    {
      name: 'legacy 1.1: baseMetricV3 (3.1) and baseMetricV2', file: 'nvdcve-1.1-test-data.json.gz', cve: 'CVE-2022-0090', expected: [
        { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N', baseScore: 6.5, scorer: 'nvd@nist.gov', kind: 'Primary' },
        { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:N/I:P/A:N', baseScore: 5, scorer: 'nvd@nist.gov', kind: 'Primary' },
      ],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.cve}`, async () => {
      const intel = (await parse(testdata(c.file))).intel.find((i) => i.cveId === c.cve);
      assert.deepEqual(intel?.cvss, c.expected);
    });
  }
});

describe('NVD: broken documents are fatal', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-nvd-'));
    const page = JSON.parse(await readFile(testdata('CVE-2023-4863.json'), 'utf8')) as Record<string, unknown>;
    const variants: Record<string, unknown> = {
      'wrong-format.json': { ...page, format: 'NVD_CPE' },
      'wrong-version.json': { ...page, version: '1.1' },
      'total-not-a-count.json': { ...page, totalResults: '1' },
      'no-vulnerabilities.json': { ...page, vulnerabilities: undefined },
    };
    for (const [name, json] of Object.entries(variants)) await writeFile(join(dir, name), JSON.stringify(json));
    await writeFile(join(dir, 'truncated.json'), (await readFile(testdata('CVE-2023-4863.json'))).subarray(0, 1000));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cases = [
    { file: 'wrong-format.json', message: /format "NVD_CPE", expected "NVD_CVE"/ },
    { file: 'wrong-version.json', message: /version "1.1", expected "2.0"/ },
    { file: 'total-not-a-count.json', message: /totalResults "1" is not a count/ },
    { file: 'no-vulnerabilities.json', message: /no vulnerabilities array/ },
    { file: 'truncated.json', message: /not valid JSON/ },
  ];
  for (const c of cases) {
    it(`${c.file} → E_NVD_INVALID`, async () => {
      await assert.rejects(parse(join(dir, c.file)), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, 'E_NVD_INVALID');
        assert.match(e.message, c.message);
        return true;
      });
    });
  }
});

describe('NVD: a malformed CVE inside a page is a rejected value', () => {
  it('bad id and a missing cve object, the rest imports', async () => {
    const page = JSON.parse(await readFile(testdata('osv-dev-vulnfeeds-test.json'), 'utf8')) as { vulnerabilities: { cve: { id: string } }[] };
    page.vulnerabilities[0]!.cve.id = 'CVE-26-20912';
    page.vulnerabilities[1] = {} as { cve: { id: string } };
    const dir = await mkdtemp(join(tmpdir(), 'patchloop-nvd-'));
    try {
      await writeFile(join(dir, 'page.json'), JSON.stringify(page));
      const result = await parse(join(dir, 'page.json'));
      assert.equal(result.intel.length, 11);
      assert.deepEqual(result.rejected.slice(1).map((r) => [r.location, r.recordId]), [['page.json#/vulnerabilities/0', 'CVE-26-20912'], ['page.json#/vulnerabilities/1', undefined]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('nvdFeed.detect', () => {
  const cases = [
    { name: 'API 2.0 head', head: '{\n  "resultsPerPage": 1,\n  "startIndex": 0,\n  "totalResults": 1,\n  "format": "NVD_CVE",', expected: true },
    { name: '1.1 feed head', head: '{\n  "CVE_data_type" : "CVE",\n  "CVE_data_format" : "MITRE",\n  "CVE_data_version" : "4.0",\n  "CVE_data_numberOfCVEs" : "660",\n  "CVE_data_timestamp" : "2022-08-31T05:00Z",\n  "CVE_Items" : [', expected: true },
    { name: 'CVE 5 record', head: '{"dataType": "CVE_RECORD", "dataVersion": "5.1"', expected: false },
    { name: 'KEV catalog', head: '{"catalogVersion": "2026.08.07", "vulnerabilities": [', expected: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(nvdFeed.detect(c.head, 'x.json'), c.expected));
});
