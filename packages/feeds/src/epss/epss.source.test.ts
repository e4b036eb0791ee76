import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDomainError } from '@patchloop/core';
import { readHead } from '../shared/open-input.js';
import { epssFeed } from './epss.source.js';
import { parseEpssCsv } from './epss.parser.js';
import { parseEpssHeaderLine } from './epss.header.js';

const here = dirname(fileURLToPath(import.meta.url));
const testdata = (name: string): string => resolve(here, 'testdata', name);
const repoRoot = resolve(here, '../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const FETCHED_AT = '2025-04-16T00:00:00.000Z';
const HEADER = '#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z\ncve,epss,percentile\n';

describe('EPSS: the real daily files', () => {
  // Scores taken from the files with zcat | grep, hard-coded here.
  const cases = [
    {
      name: '2025-04-15', file: 'epss_scores-2025-04-15.csv.gz', records: 274855, dataDate: '2025-04-15T12:55:00Z',
      spot: { 'CVE-2021-44228': [0.94482, 0.99996], 'CVE-2023-4863': [0.93991, 0.99874], 'CVE-2024-3094': [0.90746, 0.99578] },
    },
    {
      name: '2025-04-14', file: 'epss_scores-2025-04-14.csv.gz', records: 274774, dataDate: '2025-04-14T12:55:00Z',
      spot: { 'CVE-2021-44228': [0.94381, 0.99964], 'CVE-2023-4863': [0.79395, 0.9903], 'CVE-2024-3094': [0.91333, 0.99646] },
    },
  ];
  for (const c of cases) {
    const path = resolve(shared, 'feeds/epss', c.file);
    const skip = existsSync(path) ? false : `${path} not found (set PATCHLOOP_SHARED)`;
    if (skip) console.log(`# skipping EPSS ${c.name}: ${skip}`);
    it(`${c.name}: ${c.records} rows, no rejection, three scores spot-checked`, { skip }, async () => {
      const t0 = performance.now();
      const result = await epssFeed.parsePath(path, { fetchedAt: FETCHED_AT, strict: true });
      const ms = performance.now() - t0;
      console.log(`# EPSS ${c.name}: ${result.records} rows parsed and mapped in ${(ms / 1000).toFixed(2)} s, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
      assert.equal(result.records, c.records);
      assert.equal(result.intel.length, c.records);
      assert.equal(result.dataDate, c.dataDate);
      const byId = new Map(result.intel.map((i) => [i.cveId, i]));
      for (const [cve, [score, percentile]] of Object.entries(c.spot)) {
        assert.deepEqual(byId.get(cve)?.epss, { score, percentile, date: c.name, modelVersion: 'v2025.03.14' }, cve);
      }
      assert.equal(epssFeed.detect(await readHead(path), c.file), true);
    });
  }
});

describe('EPSS: the excerpt, plain and gzip', () => {
  const cases = [
    { name: 'plain CSV', file: 'epss-excerpt.2025-04-15.csv' },
    { name: 'gzip', file: 'epss-excerpt.2025-04-15.csv.gz' },
  ];
  for (const c of cases) {
    it(`${c.name}: 23 rows with provenance`, async () => {
      const result = await epssFeed.parsePath(testdata(c.file), { fetchedAt: FETCHED_AT });
      assert.equal(result.records, 23);
      assert.deepEqual(result.rejected, []);
      const first = result.intel[0]!;
      assert.deepEqual(first, {
        cveId: 'CVE-1999-0001',
        source: 'epss',
        cvss: [],
        cwes: [],
        references: [],
        epss: { score: 0.01297, percentile: 0.7854, date: '2025-04-15', modelVersion: 'v2025.03.14' },
        provenance: { feed: 'epss', recordId: 'CVE-1999-0001', fetchedAt: FETCHED_AT, contentHash: '65b81431736ce833' },
      });
    });
  }
});

describe('parseEpssHeaderLine', () => {
  const cases = [
    { name: 'the FIRST header', line: '#model_version:v2025.03.14,score_date:2025-04-15T12:55:00Z', expected: { modelVersion: 'v2025.03.14', scoreDate: '2025-04-15T12:55:00Z' } },
    { name: 'keys in the other order', line: '#score_date:2023-03-07T00:00:00+0000,model_version:v2023.03.01', expected: { modelVersion: 'v2023.03.01', scoreDate: '2023-03-07T00:00:00+0000' } },
    { name: 'CRLF already stripped, spaces after the comma', line: '#model_version:v1, score_date:2022-02-04', expected: { modelVersion: 'v1', scoreDate: '2022-02-04' } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parseEpssHeaderLine(c.line, 'x.csv'), c.expected));
});

describe('EPSS: bad rows are rejected values with their line', () => {
  const cases = [
    { line: 4, name: 'score not a number', reason: /epss "abc" is not a number/ },
    { line: 5, name: 'score above 1', reason: /epss "1.89923"/ },
    { line: 6, name: 'CVE id with a two-digit year', reason: /invalid CVE id "CVE-99-0004"/ },
    { line: 8, name: 'negative score', reason: /epss "-0.1"/ },
    { line: 9, name: 'empty percentile', reason: /percentile ""/ },
    { line: 10, name: 'a fourth column', reason: /percentile "0.5,extra"/ },
    { line: 11, name: 'only the CVE', reason: /epss ""/ },
    { line: 13, name: 'empty score', reason: /epss ""/ },
    { line: 14, name: 'hex score', reason: /epss "0x1"/ },
  ];
  for (const c of cases) {
    it(`line ${c.line}: ${c.name}`, async () => {
      const result = await epssFeed.parsePath(testdata('epss-bad-rows.csv'), { fetchedAt: FETCHED_AT });
      const rejection = result.rejected.find((r) => r.location === `epss-bad-rows.csv:${c.line}`);
      assert.ok(rejection, `line ${c.line} not rejected: ${JSON.stringify(result.rejected)}`);
      assert.match(rejection.reason, new RegExp(`^line ${c.line}: `));
      assert.match(rejection.reason, c.reason);
    });
  }

  it('the good rows import (lower-case id upper-cased, 1e-05 read), the blank line is no record', async () => {
    const result = await epssFeed.parsePath(testdata('epss-bad-rows.csv'), { fetchedAt: FETCHED_AT });
    assert.deepEqual(result.intel.map((i) => [i.cveId, i.epss?.score]), [['CVE-1999-0001', 0.01297], ['CVE-2021-44228', 0.94482], ['CVE-1999-0011', 0.00001]]);
    assert.equal(result.rejected.length, cases.length);
    assert.equal(result.records, 12);
  });

  it('strict → E_FEED_STRICT', async () => {
    await assert.rejects(epssFeed.parsePath(testdata('epss-bad-rows.csv'), { fetchedAt: FETCHED_AT, strict: true }), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT' && /9 invalid record/.test(e.message));
  });
});

describe('EPSS: fatal input problems', () => {
  let dir: string;
  const row = 'CVE-1999-0001,0.01297,0.7854\n';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-epss-'));
    const gz = await readFile(testdata('epss-excerpt.2025-04-15.csv.gz'));
    await writeFile(join(dir, 'truncated.csv.gz'), gz.subarray(0, gz.length - 40));
    const real = await readFile(testdata('epss-excerpt.2025-04-15.csv'));
    await writeFile(join(dir, 'cut-gzip-member.csv.gz'), gzipSync(real).subarray(0, 200));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const textCases = [
    { name: 'empty file', text: '', code: 'E_EPSS_INVALID', line: 1 },
    { name: 'no comment line (header first)', text: `cve,epss,percentile\n${row}`, code: 'E_EPSS_INVALID', line: 1 },
    { name: 'comment without score_date', text: `#model_version:v2025.03.14\ncve,epss,percentile\n${row}`, code: 'E_EPSS_INVALID', line: 1 },
    { name: 'score_date not a date', text: `#model_version:v1,score_date:tomorrow\ncve,epss,percentile\n${row}`, code: 'E_EPSS_INVALID', line: 1 },
    { name: 'column header missing', text: `#model_version:v1,score_date:2025-04-15T12:55:00Z\n${row}`, code: 'E_EPSS_INVALID', line: 2 },
    { name: 'column header garbled', text: `#model_version:v1,score_date:2025-04-15T12:55:00Z\ncve;epss;percentile\n${row}`, code: 'E_EPSS_INVALID', line: 2 },
    { name: 'comment only', text: '#model_version:v1,score_date:2025-04-15T12:55:00Z\n', code: 'E_EPSS_INVALID', line: 2 },
    { name: 'a 1 MiB + 1 line', text: `${HEADER}${row}CVE-1999-0002,${'9'.repeat(1024 * 1024)},0.5\n`, code: 'E_LINE_TOO_LONG', line: 4 },
    { name: 'an unterminated 1 MiB + 1 tail', text: `${HEADER}${'x'.repeat(1024 * 1024 + 1)}`, code: 'E_LINE_TOO_LONG', line: 3 },
  ];
  for (const c of textCases) {
    it(`${c.name} → ${c.code} at line ${c.line}`, async () => {
      const path = join(dir, 'case.csv');
      await writeFile(path, c.text);
      await assert.rejects(epssFeed.parsePath(path, { fetchedAt: FETCHED_AT }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.deepEqual(e.location, { file: 'case.csv', line: c.line });
        return true;
      });
    });
  }

  it('a lower maxLineBytes limit applies to parseEpssCsv', async () => {
    await assert.rejects(parseEpssCsv(Readable.from([HEADER, row]), { fetchedAt: FETCHED_AT, file: 'x.csv', maxLineBytes: 20 }), (e: unknown) => isDomainError(e) && e.code === 'E_LINE_TOO_LONG' && e.location?.line === 1);
  });

  const gzipCases = [
    { name: 'gzip missing its last 40 bytes', file: 'truncated.csv.gz' },
    { name: 'gzip cut after 200 bytes', file: 'cut-gzip-member.csv.gz' },
  ];
  for (const c of gzipCases) {
    it(`${c.name} → E_GZIP_INVALID`, async () => {
      await assert.rejects(epssFeed.parsePath(join(dir, c.file), { fetchedAt: FETCHED_AT }), (e: unknown) => isDomainError(e) && e.code === 'E_GZIP_INVALID' && e.location?.file === c.file);
    });
  }
});

describe('epssFeed.detect', () => {
  const cases = [
    { name: 'FIRST comment line', head: HEADER, expected: true },
    { name: 'KEV JSON', head: '{\n "catalogVersion": "2026.08.07",', expected: false },
    { name: 'some other CSV', head: 'id,score\nA,1\n', expected: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(epssFeed.detect(c.head, 'x.csv'), c.expected));
});
