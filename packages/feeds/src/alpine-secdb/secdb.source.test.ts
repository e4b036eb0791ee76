import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError, type Advisory } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { sharedFeed } from '../osv/testing/shared-data.js';
import { alpineSecdbFormat, createAlpineSecdbFormat, detectAlpineSecdb } from './secdb.source.js';

const FETCHED_AT = '2024-12-31T08:00:00.000Z';
const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const parse = (path: string, strict = false): Promise<FeedParseResult> => alpineSecdbFormat.parsePath(path, { fetchedAt: FETCHED_AT, strict });
const find = (r: FeedParseResult, id: string, ecosystem: string): Advisory | undefined => r.advisories.find((a) => a.id === id && a.affected[0]?.ecosystem === ecosystem);

describe('Alpine secdb: all 41 files', () => {
  const secdb = sharedFeed('alpine/secdb');
  let result: FeedParseResult;
  before(async () => {
    if (!secdb.skip) result = await parse(secdb.path);
  });

  it('records = 30,152 fixed-version entries; 22 malformed items rejected', { skip: secdb.skip }, () => {
    assert.equal(result.records, 30152);
    assert.equal(result.rejected.length, 22);
    assert.deepEqual([...new Set(result.rejected.map((r) => r.recordId))].sort(), ['CVE-2017-17434-1', 'CVE-2017-17434-2', 'CVE-2021-35940.patch', 'CVE-46838', 'CVE_2019-2426']);
  });

  it('8,000 package entries in the files; 7,999 (release, package) pairs carry an advisory (apr in v3.13 lists only "CVE-2021-35940.patch")', { skip: secdb.skip }, async () => {
    let entries = 0;
    const files = (await readdir(secdb.path, { recursive: true })).filter((f) => f.endsWith('.json'));
    for (const f of files) entries += (JSON.parse(await readFile(join(secdb.path, f), 'utf8')) as { packages: unknown[] }).packages.length;
    assert.equal(files.length, 41);
    assert.equal(entries, 8000);
    const pairs = new Set(result.advisories.flatMap((a) => a.affected.map((p) => `${p.ecosystem} ${p.name}`)));
    assert.equal(pairs.size, 7999);
    assert.equal(pairs.has('Alpine:v3.13 apr'), false);
  });

  it('7,654 distinct CVE ids (the README\'s 7,660 counts the 6 malformed CVE-like tokens too); non-CVE ids kept', { skip: secdb.skip }, () => {
    const ids = new Set(result.advisories.map((a) => a.id));
    assert.equal([...ids].filter((id) => id.startsWith('CVE-')).length, 7654);
    for (const id of ['XSA-207', 'ALPINE-14094', 'ZBX-11023']) assert.ok(ids.has(id), id);
  });

  it('one Advisory per (id, release): ids repeat across releases, never within one', { skip: secdb.skip }, () => {
    const keys = result.advisories.map((a) => a.provenance.recordId);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(result.advisories.length, 72594);
  });

  it('names origin packages as OSV does: CVE-2022-27449 matches the osv.dev Alpine record', { skip: secdb.skip }, async () => {
    const osv = JSON.parse(await readFile(fileURLToPath(new URL('../osv/testdata/CVE-2022-27449.alpine-osv.json', import.meta.url)), 'utf8')) as { affected: { package: { name: string; ecosystem: string }; ranges: { events: unknown[] }[] }[] };
    for (const expected of osv.affected) {
      const a = find(result, 'CVE-2022-27449', expected.package.ecosystem);
      assert.ok(a, expected.package.ecosystem);
      assert.deepEqual(a.affected.map((p) => [p.name, p.packageKind, p.ranges[0]?.events]), [[expected.package.name, 'source', expected.ranges[0]?.events]]);
    }
  });

  it('the "0" key: not-affected, no ranges (317 keys)', { skip: secdb.skip }, () => {
    const notAffected = result.advisories.flatMap((a) => a.affected.filter((p) => p.status === 'not-affected'));
    assert.ok(notAffected.length > 0);
    assert.ok(notAffected.every((p) => p.ranges.length === 0));
  });
});

describe('Alpine secdb: v3.9 files (testdata)', () => {
  let result: FeedParseResult;
  before(async () => {
    result = await parse(testdata('v3.9'));
  });

  const cases: { name: string; id: string; affected: Partial<Advisory['affected'][number]>[]; aliases?: string[] }[] = [
    {
      name: 'fixed versions -> introduced 0, fixed; one Advisory lists both packages of the release',
      id: 'CVE-2019-2422',
      affected: [
        { name: 'openjdk7', status: 'fixed', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '7.211.2.6.17-r0' }] }] },
        { name: 'openjdk8', status: 'fixed', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '8.201.08-r0' }] }] },
      ],
    },
    { name: 'two tokens: the TALOS id is an alias', id: 'CVE-2017-12122', aliases: ['TALOS-2017-0488'], affected: [{ name: 'sdl2_image' }] },
    { name: '"CVE N/A ZBX-11023": the Zabbix id is the id', id: 'ZBX-11023', affected: [{ name: 'zabbix', statusNote: 'CVE N/A' }] },
    { name: 'XSA ids are kept as advisory ids', id: 'XSA-248', affected: [{ name: 'xen' }] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = find(result, c.id, 'Alpine:v3.9');
      assert.ok(a, c.id);
      if (c.aliases) assert.deepEqual(a.aliases, c.aliases);
      c.affected.forEach((expected, i) => {
        const actual = a.affected[i];
        assert.ok(actual);
        assert.equal(actual.ecosystem, 'Alpine:v3.9');
        assert.equal(actual.packageKind, 'source');
        for (const [k, v] of Object.entries(expected)) assert.deepEqual(actual[k as keyof typeof actual], v, k);
      });
    });
  }

  it('the malformed id CVE_2019-2426 is rejected as a value naming file and key; its siblings import', () => {
    assert.deepEqual(result.rejected.map((r) => r.recordId), ['CVE_2019-2426', 'CVE-2017-17434-1', 'CVE-2017-17434-2']);
    assert.match(result.rejected[0]?.location ?? '', /^v3\.9\/community\.json#\/packages\/\d+\/pkg\/secfixes\/7\.211\.2\.6\.17-r0$/);
    assert.ok(find(result, 'CVE-2018-11212', 'Alpine:v3.9'));
  });

  it('strict: the malformed id refuses the input', async () => {
    await assert.rejects(parse(testdata('v3.9'), true), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT' && /CVE_2019-2426/.test(e.message));
  });

  it('provenance: recordId "<release>/<id>", hash over the record', () => {
    const a = find(result, 'CVE-2019-2422', 'Alpine:v3.9');
    assert.equal(a?.provenance.recordId, 'v3.9/CVE-2019-2422');
    assert.equal(a?.provenance.feed, 'alpine-secdb');
    assert.match(a?.provenance.contentHash ?? '', /^[0-9a-f]{64}$/);
  });
});

describe('Alpine secdb: synthetic edge cases', () => {
  let dir: string;
  const write = async (name: string, body: unknown): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, typeof body === 'string' ? body : JSON.stringify(body, null, 1));
    return path;
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-secdb-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('"0" and a fixed version for the same id and package: fixed wins; two fixed versions: two ranges', async () => {
    const path = await write('main.json', { distroversion: 'v3.20', packages: [{ pkg: { name: 'x', secfixes: { '0': ['CVE-2024-0001'], '1.2-r0': ['CVE-2024-0001', 'CVE-2024-0002'], '1.5-r0': ['CVE-2024-0002'] } } }] });
    const { advisories } = await parse(path);
    const [one, two] = advisories;
    assert.deepEqual(one?.affected[0]?.status, 'fixed');
    assert.deepEqual(two?.affected[0]?.ranges.map((r) => r.events[1]), [{ fixed: '1.2-r0' }, { fixed: '1.5-r0' }]);
  });

  const fatal = [
    { name: 'not JSON', body: '{"distroversion": "v3.20",', code: 'E_SECDB_INVALID' },
    { name: 'no distroversion', body: { packages: [] }, code: 'E_SECDB_INVALID' },
    { name: 'no packages', body: { distroversion: 'v3.20' }, code: 'E_SECDB_INVALID' },
  ];
  for (const c of fatal) {
    it(`${c.name} -> ${c.code}`, async () => {
      await assert.rejects(parse(await write('bad.json', c.body)), (e: unknown) => isDomainError(e) && e.code === c.code && e.location?.file === 'bad.json');
    });
  }

  it('an absurdly long line -> E_LINE_TOO_LONG naming the line', async () => {
    const path = await write('long.json', `{"distroversion": "v3.20",\n"packages": [{"pkg": {"name": "x", "secfixes": {"1-r0": ["${'CVE-2024-0001 '.repeat(2000)}"]}}}]}`);
    await assert.rejects(createAlpineSecdbFormat({ limits: { maxLineBytes: 10_000 } }).parsePath(path, { fetchedAt: FETCHED_AT }), (e: unknown) => isDomainError(e) && e.code === 'E_LINE_TOO_LONG' && e.location?.line === 2);
  });
});

describe('detectAlpineSecdb', () => {
  const cases: [string, string, boolean][] = [
    ['a secdb file', '{\n\t"apkurl": "{{urlprefix}}/{{distroversion}}",\n\t"archs": ["x86_64"],\n\t"reponame": "main",\n\t"distroversion": "v3.20",', true],
    ['an OSV record', '{"id": "GO-2020-0001", "modified": "2024-01-01T00:00:00Z"}', false],
    ['the tracker JSON', '{"openssl": {"CVE-2099-0001": {"releases": {}}}}', false],
  ];
  for (const [name, head, expected] of cases) it(`${name} -> ${expected}`, () => assert.equal(detectAlpineSecdb(head, 'main.json'), expected));
});
