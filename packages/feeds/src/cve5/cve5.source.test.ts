import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError, type VulnerabilityIntel } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { readHead } from '../shared/open-input.js';
import { cve5Feed } from './cve5.source.js';

const here = dirname(fileURLToPath(import.meta.url));
const testdata = (name: string): string => resolve(here, 'testdata', name);
const repoRoot = resolve(here, '../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const SUBSET = resolve(shared, 'feeds/cve5/vulnrichment-kev-subset');
const FETCHED_AT = '2024-10-25T00:00:00.000Z';
const parse = (path: string, strict = false): Promise<FeedParseResult> => cve5Feed.parsePath(path, { fetchedAt: FETCHED_AT, strict });
const one = async (name: string): Promise<VulnerabilityIntel> => {
  const [intel] = (await parse(testdata(name))).intel;
  assert.ok(intel, `${name} produced no intel`);
  return intel;
};

const skip = existsSync(SUBSET) ? false : `${SUBSET} not found (set PATCHLOOP_SHARED)`;
if (skip) console.log(`# skipping the vulnrichment subset: ${skip}`);

describe('CVE 5: the 263 vulnrichment KEV records', { skip }, () => {
  let result: FeedParseResult;
  before(async () => {
    const t0 = performance.now();
    result = await parse(SUBSET, true);
    console.log(`# CVE 5: ${result.records} records in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  });
  const cases = [
    { name: 'records, all PUBLISHED and readable', count: (r: FeedParseResult) => r.intel.length, expected: 263 },
    { name: 'SSVC from CISA ADP (every record has it, all three points)', count: (r: FeedParseResult) => r.intel.filter((i) => i.ssvc?.exploitation && i.ssvc.automatable && i.ssvc.technicalImpact).length, expected: 263 },
    { name: 'KEV from CISA ADP', count: (r: FeedParseResult) => r.intel.filter((i) => i.kev).length, expected: 222 },
    { name: 'CISA ADP CVSS 3.1', count: (r: FeedParseResult) => r.intel.filter((i) => i.cvss.some((m) => m.kind === 'adp' && m.scorer === 'CISA-ADP')).length, expected: 82 },
    { name: 'CNA CVSS (any version)', count: (r: FeedParseResult) => r.intel.filter((i) => i.cvss.some((m) => m.kind === 'cna')).length, expected: 168 },
    { name: 'exploitation "active"', count: (r: FeedParseResult) => r.intel.filter((i) => i.ssvc?.exploitation === 'active').length, expected: 210 },
  ];
  for (const c of cases) it(`${c.name}: ${c.expected}`, () => assert.equal(c.count(result), c.expected));

  it('records, rejections and data date', () => {
    assert.equal(result.records, 263);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.dataDate, '2024-10-24T17:40:59.135Z');
  });
});

describe('CVE 5: single records', () => {
  it('CVE-2011-0611: CISA ADP CVSS, SSVC, KEV date and CWE; CNA description and references', async () => {
    const intel = await one('CVE-2011-0611.json');
    assert.deepEqual(intel.cvss, [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', baseScore: 8.8, scorer: 'CISA-ADP', kind: 'adp' }]);
    assert.deepEqual(intel.ssvc, { exploitation: 'active', automatable: 'no', technicalImpact: 'total', timestamp: '2024-02-02T14:05:34.031Z', scorer: 'CISA-ADP' });
    assert.deepEqual(intel.kev, { dateAdded: '2022-03-03' });
    assert.deepEqual(intel.cwes, ['CWE-843']);
    assert.equal(intel.published, '2011-04-13T14:00:00.000Z');
    assert.match(intel.description ?? '', /^Adobe Flash Player before 10\.2\.154\.27/);
    assert.deepEqual(intel.provenance.recordId, 'CVE-2011-0611');
  });

  const cases = [
    { name: 'CNA CVSS 3.1 and its two CWEs', file: 'CVE-2024-3400.json', pick: (i: VulnerabilityIntel) => [i.cvss, i.cwes, i.kev], expected: [[{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', baseScore: 10, scorer: 'palo_alto', kind: 'cna' }], ['CWE-77', 'CWE-20'], { dateAdded: '2024-04-12' }] },
    { name: 'capitalized SSVC values lower-cased', file: 'CVE-2021-44529.json', pick: (i: VulnerabilityIntel) => [i.ssvc?.exploitation, i.ssvc?.automatable, i.ssvc?.technicalImpact], expected: ['active', 'yes', 'total'] },
    { name: 'CNA CVSS 4.0', file: 'CVE-2024-7262.json', pick: (i: VulnerabilityIntel) => i.cvss, expected: [{ version: '4.0', vector: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/AU:N/RE:L', baseScore: 9.3, scorer: 'ESET', kind: 'cna' }] },
    { name: 'SSVC without a KEV entry', file: 'CVE-2024-27443.json', pick: (i: VulnerabilityIntel) => [i.kev, i.ssvc !== undefined], expected: [undefined, true] },
  ];
  for (const c of cases) it(`${c.file}: ${c.name}`, async () => assert.deepEqual(c.pick(await one(c.file)), c.expected));

  it('detect() on a real record', async () => {
    assert.equal(cve5Feed.detect(await readHead(testdata('CVE-2011-0611.json')), 'CVE-2011-0611.json'), true);
  });
});

describe('CVE 5: records that are not imported', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-cve5-'));
    const real = JSON.parse(await readFile(testdata('CVE-2024-3400.json'), 'utf8')) as { dataType: string; cveMetadata: { cveId: string; state: string }; containers: Record<string, unknown> };
    const variants: Record<string, unknown> = {
      'CVE-2024-0001.json': { ...real, dataType: 'CVE_RECORD_LIST' },
      'CVE-2024-0002.json': { ...real, cveMetadata: { ...real.cveMetadata, cveId: 'CVE-24-3400' } },
      'CVE-2024-0003.json': { ...real, cveMetadata: { ...real.cveMetadata, state: 'RESERVED' } },
      'CVE-2024-0004.json': { ...real, containers: {} },
      'CVE-2024-0005.json': { ...real, cveMetadata: { ...real.cveMetadata, cveId: 'cve-2024-3400' } },
      'delta.json': { new: [] },
    };
    for (const [name, json] of Object.entries(variants)) await writeFile(join(dir, name), JSON.stringify(json));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('a REJECTED record (synthetic, made from CVE-2024-27443) → rejected value with the reason', async () => {
    const result = await parse(testdata('rejected/CVE-2024-27443.json'));
    assert.deepEqual(result.intel, []);
    assert.equal(result.records, 1);
    assert.deepEqual(result.rejected, [{ recordId: 'CVE-2024-27443', location: 'CVE-2024-27443.json', reason: 'CVE record state REJECTED: DO NOT USE THIS CANDIDATE NUMBER. Synthetic test record made from CVE-2024-27443.' }]);
  });

  const cases = [
    { file: 'CVE-2024-0001.json', name: 'wrong dataType', reason: /\/dataType must be equal to constant/ },
    { file: 'CVE-2024-0002.json', name: 'malformed CVE id', reason: /invalid CVE id "CVE-24-3400"/ },
    { file: 'CVE-2024-0003.json', name: 'unknown state', reason: /\/cveMetadata\/state must be equal to one of the allowed values/ },
    { file: 'CVE-2024-0004.json', name: 'no CNA container', reason: /\/containers must have required property 'cna'/ },
  ];
  for (const c of cases) {
    it(`${c.name} → rejected value`, async () => {
      const result = await parse(dir);
      const rejection = result.rejected.find((r) => r.location === c.file);
      assert.ok(rejection, JSON.stringify(result.rejected));
      assert.match(rejection.reason, c.reason);
    });
  }

  it('the directory: 5 CVE-*.json records (delta.json skipped), a lower-case id upper-cased', async () => {
    const result = await parse(dir);
    assert.equal(result.records, 5);
    assert.deepEqual(result.intel.map((i) => i.cveId), ['CVE-2024-3400']);
    assert.equal(result.rejected.length, 4);
  });

  it('strict → E_FEED_STRICT', async () => {
    await assert.rejects(parse(dir, true), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT');
  });

  it('a record file that is not JSON → E_CVE5_INVALID', async () => {
    await writeFile(join(dir, 'CVE-2024-0009.json'), '{"dataType": "CVE_RECORD", "cveMeta');
    await assert.rejects(parse(join(dir, 'CVE-2024-0009.json')), (e: unknown) => isDomainError(e) && e.code === 'E_CVE5_INVALID' && e.location?.file === 'CVE-2024-0009.json');
  });
});

describe('cve5Feed.detect', () => {
  const cases = [
    { name: 'CVE 5 head', head: '{\n  "dataType": "CVE_RECORD",\n  "containers": {', expected: true },
    { name: 'NVD page', head: '{"resultsPerPage": 1, "format": "NVD_CVE"', expected: false },
    { name: 'OSV record', head: '{"id": "GHSA-xxxx", "schema_version": "1.6.0"', expected: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(cve5Feed.detect(c.head, 'x.json'), c.expected));
});
