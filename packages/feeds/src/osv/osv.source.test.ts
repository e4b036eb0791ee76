import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError, type Advisory } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { createOsvFormat, detectOsv, osvFormat } from './osv.source.js';
import { buildZip } from './testing/zip-builder.js';
import { sharedFeed } from './testing/shared-data.js';

const FETCHED_AT = '2026-08-21T08:00:00.000Z';
const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const parse = (path: string, strict = false): Promise<FeedParseResult> => osvFormat.parsePath(path, { fetchedAt: FETCHED_AT, strict });
const byId = (r: FeedParseResult, id: string): Advisory => {
  const found = r.advisories.find((a) => a.id === id);
  assert.ok(found, id);
  return found;
};
const rejectsWith = (code: string, pattern: RegExp) => (e: unknown) => {
  assert.ok(isDomainError(e), String(e));
  assert.equal(e.code, code);
  assert.match(e.message, pattern);
  return true;
};

describe('OSV: Go vulndb all.zip (4,291 records)', () => {
  const zip = sharedFeed('osv/go-vulndb-all.zip');
  let result: FeedParseResult;
  before(async () => {
    if (!zip.skip) result = await parse(zip.path);
  });

  it('reads, validates and maps every record', { skip: zip.skip }, () => {
    assert.equal(result.records, 4291);
    assert.equal(result.advisories.length, 4291);
    assert.deepEqual(result.rejected, []);
    assert.equal(result.advisories.filter((a) => a.withdrawn !== undefined).length, 17);
  });

  const cases = [
    { name: 'GO-2022-0969: stdlib and x/net, SEMVER events as written', id: 'GO-2022-0969', pkg: 'stdlib', events: [{ introduced: '0' }, { fixed: '1.18.6' }, { introduced: '1.19.0-0' }, { fixed: '1.19.1' }] },
    { name: 'GO-2022-0969: the pseudo-version of golang.org/x/net', id: 'GO-2022-0969', pkg: 'golang.org/x/net', events: [{ introduced: '0' }, { fixed: '0.0.0-20220906165146-f3363e06e74c' }] },
    { name: 'GO-2024-2963: stdlib 1.21.12 / 1.22.5', id: 'GO-2024-2963', pkg: 'stdlib', events: [{ introduced: '0' }, { fixed: '1.21.12' }, { introduced: '1.22.0-0' }, { fixed: '1.22.5' }] },
  ];
  for (const c of cases) {
    it(c.name, { skip: zip.skip }, () => {
      const affected = byId(result, c.id).affected.find((a) => a.name === c.pkg);
      assert.ok(affected);
      assert.equal(affected.ecosystem, 'Go');
      assert.equal(affected.packageKind, 'binary');
      assert.deepEqual(affected.ranges, [{ type: 'SEMVER', events: c.events }]);
    });
  }

  it("Go's placeholder time 0001-01-01 is dropped, so there is no data date", { skip: zip.skip }, () => {
    assert.equal(byId(result, 'GO-2024-2963').modified, undefined);
    assert.equal(byId(result, 'GO-2024-2963').published, undefined);
    assert.equal(result.dataDate, undefined);
  });

  it('aliases and provenance', { skip: zip.skip }, () => {
    const a = byId(result, 'GO-2022-0969');
    assert.deepEqual(a.aliases, ['CVE-2022-27664', 'GHSA-69cg-p879-7622']);
    assert.equal(a.provenance.feed, 'osv');
    assert.equal(a.provenance.recordId, 'GO-2022-0969');
    assert.equal(a.provenance.fetchedAt, FETCHED_AT);
    assert.match(a.provenance.contentHash, /^[0-9a-f]{64}$/);
  });
});

describe('OSV: GHSA directories', () => {
  const cases = [
    { name: 'ghsa-npm: 81 records, GHSA-cqmj-92xf-r6r9 (empty CVSS score) rejected', dir: 'osv/ghsa-npm', records: 81, rejected: ['GHSA-cqmj-92xf-r6r9'], dataDate: '2024-10-04T20:31:00Z' },
    { name: 'ghsa-pypi: 23 records, all valid', dir: 'osv/ghsa-pypi', records: 23, rejected: [], dataDate: '2024-08-21T14:26:16Z' },
  ];
  for (const c of cases) {
    const dir = sharedFeed(c.dir);
    it(c.name, { skip: dir.skip }, async () => {
      const result = await parse(dir.path);
      assert.equal(result.records, c.records);
      assert.equal(result.advisories.length, c.records - c.rejected.length);
      assert.deepEqual(result.rejected.map((r) => r.recordId), c.rejected);
      assert.equal(result.dataDate, c.dataDate);
    });
  }

  it('the rejection names the file and the JSON pointer', { skip: sharedFeed('osv/ghsa-npm').skip }, async () => {
    const [r] = (await parse(sharedFeed('osv/ghsa-npm').path)).rejected;
    assert.equal(r?.location, 'ghsa-npm/GHSA-cqmj-92xf-r6r9.json#/severity/0/score');
    assert.match(r?.reason ?? '', /does not match the pattern \(value ""\)/);
  });
});

describe('OSV: single records (linter testdata and fixtures)', () => {
  const cases: { file: string; accepted: boolean; reason?: RegExp; kind?: 'source' | 'binary'; ecosystem?: string }[] = [
    { file: 'CVE-2018-5407.json', accepted: true, kind: 'source', ecosystem: 'Alpine:v3.3' },
    { file: 'CVE-2023-41045.json', accepted: true },
    { file: 'GHSA-9v2f-6vcg-3hgv.json', accepted: true, kind: 'binary', ecosystem: 'PyPI' },
    { file: 'GO-2020-0001.json', accepted: true, kind: 'binary', ecosystem: 'Go' },
    { file: 'GO-2024-2963.json', accepted: true, kind: 'binary', ecosystem: 'Go' },
    { file: 'MAL-2024-10238.json', accepted: true, kind: 'binary', ecosystem: 'PyPI' },
    { file: 'PYSEC-2023-74.json', accepted: true, kind: 'binary', ecosystem: 'PyPI' },
    { file: 'RHSA-2022_0216.json', accepted: true },
    { file: 'SUSE-FU-2022_0444-1.json', accepted: true },
    { file: 'DSA-3029-1.json', accepted: true, kind: 'source', ecosystem: 'Debian:7' },
    { file: 'CVE-2022-27449.alpine-osv.json', accepted: true, kind: 'source', ecosystem: 'Alpine:v3.12' },
    { file: 'UBUNTU-CVE-2025-38094.json', accepted: true, kind: 'source', ecosystem: 'Ubuntu:Pro:14.04:LTS' },
    { file: 'nointroduced-CVE-2023-41045.json', accepted: false, reason: /\/affected\/0\/ranges\/0\/events must contain at least 1 valid item.*introduced/ },
    { file: 'nondistinct-CVE-2018-5407.json', accepted: false, reason: /\/affected\/6\/ranges\/1: range events are not distinct/ },
    // The linter rejects it because PyPI has no package "Gradi0": that needs the registry, not the record.
    { file: 'nopackage-GHSA-9v2f-6vcg-3hgv.json', accepted: true, kind: 'binary', ecosystem: 'PyPI' },
  ];
  for (const c of cases) {
    it(`${c.file}: ${c.accepted ? 'accepted' : 'rejected'}`, async () => {
      const result = await parse(testdata(c.file));
      assert.equal(result.records, 1);
      if (!c.accepted) {
        assert.equal(result.advisories.length, 0);
        assert.match(result.rejected[0]?.reason ?? '', c.reason ?? /./);
        assert.match(result.rejected[0]?.location ?? '', new RegExp(`^${c.file.replace(/\./g, '\\.')}#/`));
        return;
      }
      assert.deepEqual(result.rejected, []);
      const [first] = result.advisories[0]?.affected ?? [];
      if (c.kind) assert.equal(first?.packageKind, c.kind);
      if (c.ecosystem) assert.equal(first?.ecosystem, c.ecosystem);
    });
  }

  it('severities keep the CVSS vectors; affected entries without a package (GIT-only) are left out', async () => {
    const a = (await parse(testdata('CVE-2018-5407.json'))).advisories[0];
    assert.ok(a);
    const raw = JSON.parse(await readFile(testdata('CVE-2018-5407.json'), 'utf8')) as { affected: { package?: unknown }[] };
    assert.equal(a.affected.length, raw.affected.filter((x) => x.package !== undefined).length);
    const pysec = (await parse(testdata('PYSEC-2023-74.json'))).advisories[0];
    assert.ok(pysec?.severities.every((s) => /^CVSS_V[234]$/.test(s.type) && /^(CVSS:|AV:)/.test(s.score)));
  });

  it('strict: a rejected record throws E_FEED_STRICT and returns nothing', async () => {
    await assert.rejects(parse(testdata('nointroduced-CVE-2023-41045.json'), true), rejectsWith('E_FEED_STRICT', /nointroduced-CVE-2023-41045\.json/));
  });
});

describe('OSV: archive safety', () => {
  let dir: string;
  const record = (id: string): string => JSON.stringify({ id, modified: '2024-01-02T03:04:05Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] });
  const write = async (name: string, bytes: Buffer): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-osv-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const fatal = [
    {
      name: 'a few MB of zeros in one entry: ratio over the limit -> E_ARCHIVE_BOMB naming the entry',
      zip: () => buildZip([{ name: 'GHSA-aaaa-bbbb-cccc.json', data: record('GHSA-aaaa-bbbb-cccc') }, { name: 'BOMB-1.json', data: Buffer.alloc(5 * 1024 * 1024) }]),
      limits: {},
      code: 'E_ARCHIVE_BOMB',
      message: /bomb\.zip: entry BOMB-1\.json: expands .* \(ratio \d+, limit 200\)/,
    },
    {
      name: 'the same entry with a low size limit (ratio allowed) -> E_INPUT_TOO_LARGE',
      zip: () => buildZip([{ name: 'BOMB-1.json', data: Buffer.alloc(3 * 1024 * 1024) }]),
      limits: { maxExpandedBytes: 1024 * 1024, maxRatio: 100_000 },
      code: 'E_INPUT_TOO_LARGE',
      message: /bomb\.zip: entry BOMB-1\.json: expands to 3145728 bytes, more than the limit of 1048576 per entry/,
    },
    {
      name: 'entries over the total size limit -> E_INPUT_TOO_LARGE at the entry that crosses it',
      zip: () => buildZip(['GO-2099-0001', 'GO-2099-0002', 'GO-2099-0003'].map((id) => ({ name: `${id}.json`, data: record(id).padEnd(4000, ' '), store: true }))),
      limits: { maxExpandedBytes: 10_000 },
      code: 'E_INPUT_TOO_LARGE',
      message: /entry GO-2099-0003\.json: the archive expands past 10000 bytes in total/,
    },
    {
      name: 'too many entries -> E_ARCHIVE_BOMB before anything is inflated',
      zip: () => buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `GO-2099-${i}.json`, data: record(`GO-2099-${i}`) }))),
      limits: { maxEntries: 10 },
      code: 'E_ARCHIVE_BOMB',
      message: /bomb\.zip: 11 entries, more than the limit of 10/,
    },
  ];
  for (const c of fatal) {
    it(c.name, async () => {
      const path = await write('bomb.zip', c.zip());
      await assert.rejects(createOsvFormat({ limits: c.limits }).parsePath(path, { fetchedAt: FETCHED_AT }), rejectsWith(c.code, c.message));
    });
  }

  const corrupt = [
    { name: 'truncated (first half of the Go zip)', bytes: async () => (await readFile(sharedFeed('osv/go-vulndb-all.zip').path)).subarray(0, 1_500_000), skip: sharedFeed('osv/go-vulndb-all.zip').skip },
    { name: 'the last 10 bytes cut off (no end-of-central-directory record)', bytes: async () => buildZip([{ name: 'GO-2099-0001.json', data: record('GO-2099-0001') }]).subarray(0, -10), skip: false },
    {
      name: 'deflate data overwritten',
      bytes: async () => {
        const z = buildZip([{ name: 'GO-2099-0001.json', data: record('GO-2099-0001').repeat(20) }]);
        z.fill(0xff, 40, 80);
        return z;
      },
      skip: false,
    },
  ];
  for (const c of corrupt) {
    it(`${c.name} -> E_ZIP_INVALID, nothing returned`, { skip: c.skip }, async () => {
      const path = await write('broken.zip', await c.bytes());
      await assert.rejects(parse(path), rejectsWith('E_ZIP_INVALID', /broken\.zip/));
    });
  }

  it('one entry that is not JSON: a rejected value; strict -> E_FEED_STRICT', async () => {
    const path = await write('all.zip', buildZip([{ name: 'GO-2099-0001.json', data: record('GO-2099-0001') }, { name: 'GO-2099-0002.json', data: '{"id": "GO-2099-0002", "modified": ' }, { name: 'GO-2099-0003.json', data: record('GO-2099-0003') }]));
    const result = await parse(path);
    assert.equal(result.records, 3);
    assert.deepEqual(result.advisories.map((a) => a.id), ['GO-2099-0001', 'GO-2099-0003']);
    assert.equal(result.rejected.length, 1);
    assert.equal(result.rejected[0]?.location, 'all.zip!GO-2099-0002.json');
    assert.match(result.rejected[0]?.reason ?? '', /not valid JSON/);
    assert.equal(result.dataDate, '2024-01-02T03:04:05Z');
    await assert.rejects(parse(path, true), rejectsWith('E_FEED_STRICT', /all\.zip!GO-2099-0002\.json: not valid JSON/));
  });
});

describe('detectOsv', () => {
  const zipHead = (names: string[]): string => buildZip(names.map((name) => ({ name, data: '{}' }))).subarray(0, 8192).toString('latin1');
  const goZip = sharedFeed('osv/go-vulndb-all.zip');
  const cases: { name: string; head: () => Promise<string> | string; file: string; expected: boolean; skip?: string | false }[] = [
    { name: 'an OSV record', head: () => readFile(testdata('GO-2020-0001.json'), 'utf8'), file: 'GO-2020-0001.json', expected: true },
    { name: 'a zip whose first entry is <ID>.json', head: () => zipHead(['GO-2020-0001.json']), file: 'go.zip', expected: true },
    { name: 'the Go zip, first 8 KiB decoded as UTF-8', head: async () => (await readFile(goZip.path)).subarray(0, 8192).toString('utf8'), file: 'go-vulndb-all.zip', expected: true, skip: goZip.skip },
    { name: 'a zip whose first entry is a GHSA record', head: () => zipHead(['GHSA-aaaa-bbbb-cccc.json']), file: 'x.zip', expected: true },
    { name: 'a zip of something else', head: () => zipHead(['README.txt']), file: 'x.zip', expected: false },
    { name: 'a zip of something else named all.zip', head: () => zipHead(['README.txt']), file: 'all.zip', expected: true },
    { name: 'a DSA list', head: () => '[29 Mar 2023] DSA-5380-1 xorg-server - security update\n', file: 'list', expected: false },
    { name: 'an Alpine secdb file', head: () => '{"apkurl": "x", "distroversion": "v3.20", "packages": []}', file: 'main.json', expected: false },
    { name: 'the tracker JSON', head: () => '{"openssl": {"CVE-2099-0001": {"releases": {}}}}', file: 'json', expected: false },
    { name: 'a KEV catalog', head: () => '{"title": "CISA", "catalogVersion": "1", "vulnerabilities": [{"cveID": "x"}]}', file: 'kev.json', expected: false },
  ];
  for (const c of cases) {
    it(`${c.name} -> ${c.expected}`, { skip: c.skip ?? false }, async () => {
      assert.equal(detectOsv(await c.head(), c.file), c.expected);
    });
  }
});
