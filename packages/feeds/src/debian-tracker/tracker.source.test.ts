import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDomainError, type AffectedPackage } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { debianTrackerFormat, detectDebianTracker } from './tracker.source.js';

const FETCHED_AT = '2025-08-01T08:00:00.000Z';
const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const parse = (path: string, strict = false): Promise<FeedParseResult> => debianTrackerFormat.parsePath(path, { fetchedAt: FETCHED_AT, strict });
const entry = (ecosystem: string, name: string, rest: Partial<AffectedPackage>): AffectedPackage => ({ ecosystem, name, packageKind: 'source', versions: [], ranges: [], ...rest });
const fixedRange = (version: string) => [{ type: 'ECOSYSTEM' as const, events: [{ introduced: '0' }, { fixed: version }] }];

describe('tracker JSON: every status mapping (synthetic fixture)', () => {
  let result: FeedParseResult;
  before(async () => {
    result = await parse(testdata('tracker-statuses.synthetic.json'));
  });

  const cases: { name: string; ecosystem: string; pkg?: string; expected: Partial<AffectedPackage> }[] = [
    { name: 'resolved + version -> fixed range', ecosystem: 'Debian:12', expected: { status: 'fixed', ranges: fixedRange('3.0.11-1~deb12u1') } },
    { name: 'resolved + "0" -> not-affected', ecosystem: 'Debian:11', expected: { status: 'not-affected' } },
    { name: 'open + urgency end-of-life -> end-of-life', ecosystem: 'Debian:10', expected: { status: 'end-of-life' } },
    { name: 'open + nodsa -> no-dsa, the nodsa text as note', ecosystem: 'Debian:9', expected: { status: 'no-dsa', statusNote: 'Minor issue' } },
    { name: 'open + nodsa_reason postponed -> postponed', ecosystem: 'Debian:8', expected: { status: 'postponed', statusNote: 'Minor issue, revisit when fixed upstream' } },
    { name: 'open + nodsa_reason ignored -> ignored', ecosystem: 'Debian:7', expected: { status: 'ignored', statusNote: 'Not worth it' } },
    { name: 'open -> unfixed', ecosystem: 'Debian:13', expected: { status: 'unfixed' } },
    { name: 'open + urgency unimportant -> unfixed, noted', ecosystem: 'Debian:14', expected: { status: 'unfixed', statusNote: 'urgency: unimportant' } },
    { name: 'the same CVE under a second source package joins the advisory', ecosystem: 'Debian:9', pkg: 'openssl1.0', expected: { status: 'fixed', ranges: fixedRange('1.0.2u-1~deb9u8') } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = result.advisories.find((x) => x.id === 'CVE-2099-0001');
      const found = a?.affected.find((p) => p.ecosystem === c.ecosystem && p.name === (c.pkg ?? 'openssl'));
      assert.deepEqual(found, entry(c.ecosystem, c.pkg ?? 'openssl', c.expected));
    });
  }

  it('sid is not a numbered release: left out', () => {
    const a = result.advisories.find((x) => x.id === 'CVE-2099-0001');
    assert.equal(a?.affected.length, 9);
  });

  it('undetermined -> under-investigation; unknown codename, unknown status, resolved without version -> rejected values', () => {
    const a = result.advisories.find((x) => x.id === 'CVE-2099-0002');
    assert.deepEqual(a?.affected, [entry('Debian:12', 'openssl', { status: 'under-investigation' })]);
    assert.deepEqual(
      result.rejected.map((r) => [r.recordId, r.location, r.reason]),
      [
        ['CVE-2099-0002', 'tracker-statuses.synthetic.json#/openssl/CVE-2099-0002/releases/hamm-lts', 'unknown Debian codename "hamm-lts"'],
        ['CVE-2099-0002', 'tracker-statuses.synthetic.json#/openssl/CVE-2099-0002/releases/bullseye', 'unknown status "frobnicated"'],
        ['CVE-2099-0002', 'tracker-statuses.synthetic.json#/openssl/CVE-2099-0002/releases/buster', 'resolved without a fixed_version'],
      ],
    );
  });

  it('records = (package, issue) entries; references: tracker page and Debian bugs', () => {
    assert.equal(result.records, 3);
    const a = result.advisories.find((x) => x.id === 'CVE-2099-0001');
    assert.deepEqual(a?.references, [
      { type: 'ADVISORY', url: 'https://security-tracker.debian.org/tracker/CVE-2099-0001' },
      { type: 'REPORT', url: 'https://bugs.debian.org/1000001' },
      { type: 'REPORT', url: 'https://bugs.debian.org/1000002' },
    ]);
    assert.equal(a?.provenance.recordId, 'CVE-2099-0001');
    assert.equal(a?.provenance.feed, 'debian-tracker');
  });

  it('strict: the rejections refuse the file', async () => {
    await assert.rejects(parse(testdata('tracker-statuses.synthetic.json'), true), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT' && /hamm-lts/.test(e.message));
  });
});

describe('tracker JSON: real samples', () => {
  it('vunnel fixture: 7 entries; end-of-life; "releases": [] gives an advisory without packages', async () => {
    const result = await parse(testdata('tracker-json.vunnel-fixture.json'));
    assert.equal(result.records, 7);
    assert.deepEqual(result.rejected, []);
    const chromium = result.advisories.find((a) => a.id === 'CVE-2022-0456');
    assert.deepEqual(chromium?.affected.map((p) => [p.ecosystem, p.status]), [['Debian:12', 'fixed'], ['Debian:11', 'fixed'], ['Debian:10', 'end-of-life'], ['Debian:9', 'end-of-life']]);
    assert.deepEqual(chromium?.affected[1]?.ranges, fixedRange('98.0.4758.80-1~deb11u1'));
    assert.deepEqual(result.advisories.find((a) => a.id === 'CVE-2007-2383')?.affected.map((p) => p.status), ['not-affected', 'not-affected', 'not-affected']);
    assert.deepEqual(result.advisories.find((a) => a.id === 'CVE-2022-0358')?.affected, []);
    assert.match(result.advisories.find((a) => a.id === 'CVE-2008-7220')?.details ?? '', /^Unspecified vulnerability in Prototype/);
  });

  it('vulnerablecode fixture: 6 entries; no-dsa with its text; TEMP- ids kept', async () => {
    const result = await parse(testdata('tracker-json.vulnerablecode-fixture.json'));
    assert.equal(result.records, 6);
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(result.advisories.find((a) => a.id === 'CVE-2014-8242')?.affected, [
      entry('Debian:8', 'librsync', { status: 'no-dsa', statusNote: 'Minor issue, too instrusive to backport' }),
      entry('Debian:10', 'librsync', { status: 'no-dsa', statusNote: 'Minor issue, too instrusive to backport' }),
    ]);
    assert.ok(result.advisories.some((a) => a.id === 'TEMP-0000000-A2EB44'));
  });
});

describe('tracker JSON: input handling', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-tracker-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gzip input gives the same result', async () => {
    const gz = join(dir, 'json.gz');
    await writeFile(gz, gzipSync(await readFile(testdata('tracker-json.vunnel-fixture.json'))));
    const plain = await parse(testdata('tracker-json.vunnel-fixture.json'));
    assert.deepEqual(await debianTrackerFormat.parsePath(gz, { fetchedAt: FETCHED_AT, displayName: 'tracker-json.vunnel-fixture.json' }), plain);
  });

  const broken = [
    { name: 'truncated JSON', text: '{"openssl": {"CVE-2099-0001": {"releases": {"bookworm": {"status": "open"' },
    { name: 'not an object at the top', text: '[1, 2, 3]' },
  ];
  for (const c of broken) {
    it(`${c.name} -> E_TRACKER_INVALID`, async () => {
      const path = join(dir, 'bad.json');
      await writeFile(path, c.text);
      await assert.rejects(parse(path), (e: unknown) => isDomainError(e) && e.code === 'E_TRACKER_INVALID' && e.location?.file === 'bad.json');
    });
  }

  it('a package that is not an object -> rejected value', async () => {
    const path = join(dir, 'odd.json');
    await writeFile(path, '{"openssl": 3, "zlib": {"CVE-2099-0003": {"releases": {"bookworm": {"status": "open"}}}}}');
    const result = await parse(path);
    assert.deepEqual(result.rejected, [{ location: 'odd.json#/openssl', reason: 'package value is not an object' }]);
    assert.equal(result.advisories.length, 1);
  });
});

describe('detectDebianTracker', () => {
  const cases: [string, string, boolean][] = [
    ['the tracker JSON', '{\n  "prototypejs": {\n    "CVE-2008-7220": {\n      "scope": "remote",', true],
    ['a TEMP id first', '{"mimetex": {"TEMP-0000000-A2EB44": {"releases": {}}}}', true],
    ['an OSV record', '{"id": "CVE-2022-27449", "modified": "2022-10-07T18:59:00Z"}', false],
    ['an Alpine secdb file', '{"apkurl": "x", "distroversion": "v3.20", "packages": []}', false],
  ];
  for (const [name, head, expected] of cases) it(`${name} -> ${expected}`, () => assert.equal(detectDebianTracker(head, 'json'), expected));
});
