import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDomainError, type Advisory, type AffectedPackage } from '@patchloop/core';
import type { FeedParseResult } from '../feed-format.js';
import { sharedFeed } from '../osv/testing/shared-data.js';
import { createDebianDsaFormat, debianDsaFormat, detectDebianDsa } from './dsa.source.js';
import { isoDateOf } from './dsa.mapper.js';

const FETCHED_AT = '2023-04-02T08:00:00.000Z';
const EXCERPT = fileURLToPath(new URL('./testdata/DSA-list.excerpt', import.meta.url));
const parse = (path: string, strict = false): Promise<FeedParseResult> => debianDsaFormat.parsePath(path, { fetchedAt: FETCHED_AT, strict });
const byId = (r: FeedParseResult, id: string): Advisory => {
  const found = r.advisories.find((a) => a.id === id);
  assert.ok(found, id);
  return found;
};
const fixed = (ecosystem: string, name: string, version: string): AffectedPackage => ({ ecosystem, name, packageKind: 'source', versions: [], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }], status: 'fixed' });

describe('DSA and DLA lists (tracker data to April 2023)', () => {
  const lists = [
    { name: 'DSA-list', records: 5406, newest: '2023-03-29T00:00:00Z', notAffected: 55, notes: 485 },
    { name: 'DLA-list', records: 3534, newest: '2023-04-01T00:00:00Z', notAffected: 0, notes: 3 },
  ];
  for (const l of lists) {
    const file = sharedFeed(`debian/security-tracker-lists-2023/${l.name}`);
    it(`${l.name}: ${l.records} entries, unique ids, nothing rejected`, { skip: file.skip }, async () => {
      const result = await parse(file.path);
      assert.equal(result.records, l.records);
      assert.equal(result.advisories.length, l.records);
      assert.equal(new Set(result.advisories.map((a) => a.id)).size, l.records);
      assert.deepEqual(result.rejected, []);
      assert.equal(result.dataDate, l.newest);
      const affected = result.advisories.flatMap((a) => a.affected);
      assert.equal(affected.filter((p) => p.status === 'not-affected').length, l.notAffected);
      assert.equal(result.advisories.reduce((n, a) => n + (a.details?.split('\n').length ?? 0), 0), l.notes);
    });
  }
});

describe('DSA list excerpt (real entries)', () => {
  let result: FeedParseResult;
  before(async () => {
    result = await parse(EXCERPT);
  });

  const cases: { name: string; id: string; aliases?: string[]; published?: string; summary?: string; affected: AffectedPackage[]; details?: RegExp }[] = [
    { name: 'DSA-5380-1 xorg-server: bullseye (Debian 11), not bookworm', id: 'DSA-5380-1', aliases: ['CVE-2023-1393'], published: '2023-03-29T00:00:00Z', summary: 'xorg-server - security update', affected: [fixed('Debian:11', 'xorg-server', '2:1.20.11-1+deb11u6')] },
    { name: 'regression update without CVEs', id: 'DSA-5356-2', aliases: [], affected: [fixed('Debian:11', 'sox', '14.4.2+git20190427-2+deb11u2')] },
    { name: 'DSA-3029-1 nginx wheezy, as in the osv.dev record', id: 'DSA-3029-1', aliases: ['CVE-2014-3616'], affected: [fixed('Debian:7', 'nginx', '1.2.1-2.2+wheezy3')] },
    {
      name: '<not-affected> (reason) -> not-affected with the reason as note',
      id: 'DSA-2275-1',
      affected: [fixed('Debian:6', 'openoffice.org', '1:3.2.1-11+squeeze3'), { ecosystem: 'Debian:5', name: 'openoffice.org', packageKind: 'source', versions: [], ranges: [], status: 'not-affected', statusNote: 'Vulnerable code not present' }],
    },
    { name: '<end-of-life> -> end-of-life', id: 'DSA-3699-1', affected: [{ ecosystem: 'Debian:8', name: 'virtualbox', packageKind: 'source', versions: [], ranges: [], status: 'end-of-life' }] },
    {
      name: '<unfixed> in woody (3.0), fixed in sarge (3.1); NOTE in details',
      id: 'DSA-880-1',
      affected: [{ ecosystem: 'Debian:3.0', name: 'phpmyadmin', packageKind: 'source', versions: [], ranges: [], status: 'unfixed' }, fixed('Debian:3.1', 'phpmyadmin', '4:2.6.2-3sarge1')],
      details: /^fixed in testing at time of DSA$/,
    },
    { name: 'announcement without packages: NOTE only, space-indented', id: 'DSA-4205-1', summary: 'jessie end-of-life', affected: [], details: /^end of security support for jessie$/ },
    { name: 'header without " - title"', id: 'DSA-2114-1', summary: 'git-core', affected: [fixed('Debian:5', 'git-core', '1:1.5.6.5-3+lenny3.1')] },
    { name: 'header with doubled spaces', id: 'DSA-2092-1', summary: 'lxr-cvs - cross-site scripting', affected: [fixed('Debian:5', 'lxr-cvs', '0.9.5+cvs20071020-1+lenny1')] },
    { name: 'space-indented CVE and NOTE lines; a NOTE that mentions <unfixed> is only a note', id: 'DSA-1605-1', aliases: ['CVE-2008-1447'], affected: [], details: /^<unfixed> \(backport too complicated/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = byId(result, c.id);
      assert.deepEqual(a.affected, c.affected);
      if (c.aliases) assert.deepEqual(a.aliases, c.aliases);
      if (c.published) assert.equal(a.published, c.published);
      if (c.summary) assert.equal(a.summary, c.summary);
      if (c.details) assert.match(a.details ?? '', c.details);
      assert.deepEqual(a.references, [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${c.id}` }]);
      assert.equal(a.provenance.recordId, c.id);
    });
  }

  it('gzip input gives the same result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'patchloop-dsa-gz-'));
    try {
      const gz = join(dir, 'list.gz');
      await writeFile(gz, gzipSync(await readFile(EXCERPT)));
      assert.deepEqual(await debianDsaFormat.parsePath(gz, { fetchedAt: FETCHED_AT, displayName: 'DSA-list.excerpt' }), result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('DSA list problems', () => {
  let dir: string;
  const write = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-dsa-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const valueCases = [
    { name: 'unknown codename -> that line rejected, the rest kept', text: '[01 Apr 2023] DSA-9999-1 foo - security update\n\t{CVE-2023-0001}\n\t[hamm-lts] - foo 1.0-1\n\t[bullseye] - foo 1.0-1+deb11u1\n', location: 'list:3', reason: /unknown Debian codename "hamm-lts"/, kept: 1 },
    { name: 'unknown tag -> that line rejected', text: '[01 Apr 2023] DSA-9999-1 foo - security update\n\t[bullseye] - foo <frobnicated>\n', location: 'list:2', reason: /unknown tag <frobnicated>/, kept: 0 },
    { name: 'impossible date -> the entry rejected', text: '[31 Feb 2023] DSA-9999-1 foo - security update\n\t[bullseye] - foo 1.0\n', location: 'list:1', reason: /unreadable date "31 Feb 2023"/, kept: undefined },
    { name: 'unrecognized continuation line -> the entry rejected', text: '[01 Apr 2023] DSA-9999-1 foo - security update\n\tbullseye: foo 1.0\n', location: 'list:2', reason: /unrecognized line/, kept: undefined },
  ];
  for (const c of valueCases) {
    it(c.name, async () => {
      const result = await parse(await write('list', c.text));
      assert.equal(result.records, 1);
      assert.equal(result.rejected.length, 1);
      assert.equal(result.rejected[0]?.recordId, 'DSA-9999-1');
      assert.equal(result.rejected[0]?.location, c.location);
      assert.match(result.rejected[0]?.reason ?? '', c.reason);
      assert.equal(result.advisories[0]?.affected.length, c.kept);
      await assert.rejects(parse(await write('list', c.text), true), (e: unknown) => isDomainError(e) && e.code === 'E_FEED_STRICT');
    });
  }

  const fatalCases = [
    { name: 'an absurdly long line -> E_LINE_TOO_LONG naming it', text: () => `[01 Apr 2023] DSA-9999-1 foo - x\n\t{${'CVE-2023-0001 '.repeat(100_000)}}\n`, code: 'E_LINE_TOO_LONG', line: 2 },
    { name: 'a long last line without newline -> E_LINE_TOO_LONG', text: () => `[01 Apr 2023] DSA-9999-1 foo - x\n${'x'.repeat(2_000_000)}`, code: 'E_LINE_TOO_LONG', line: 2 },
    { name: 'a continuation before any header -> E_DSA_LIST_INVALID', text: () => '\t[bullseye] - foo 1.0\n', code: 'E_DSA_LIST_INVALID', line: 1 },
    { name: 'an unindented line that is no header -> E_DSA_LIST_INVALID', text: () => '[01 Apr 2023] DSA-9999-1 foo - x\nhello\n', code: 'E_DSA_LIST_INVALID', line: 2 },
  ];
  for (const c of fatalCases) {
    it(c.name, async () => {
      const path = await write('bad-list', c.text());
      await assert.rejects(createDebianDsaFormat().parsePath(path, { fetchedAt: FETCHED_AT }), (e: unknown) => {
        assert.ok(isDomainError(e), String(e));
        assert.equal(e.code, c.code);
        assert.deepEqual([e.location?.file, e.location?.line], ['bad-list', c.line]);
        return true;
      });
    });
  }
});

describe('isoDateOf and detectDebianDsa', () => {
  const dates: [string, string | undefined][] = [
    ['29 Mar 2023', '2023-03-29T00:00:00Z'],
    ['1 Jan 2002', '2002-01-01T00:00:00Z'],
    ['29 Feb 2023', undefined],
    ['29 Foo 2023', undefined],
  ];
  for (const [input, expected] of dates) it(`isoDateOf("${input}") -> ${expected}`, () => assert.equal(isoDateOf(input), expected));

  const heads: [string, string, boolean][] = [
    ['a DSA list', '[29 Mar 2023] DSA-5380-1 xorg-server - security update\n\t{CVE-2023-1393}\n', true],
    ['a DLA list', '[01 Apr 2023] DLA-3380-1 firmware-nonfree - security update\n', true],
    ['an OSV record', '{"id": "DSA-3029-1", "modified": "2024-01-01T00:00:00Z"}', false],
    ['a CSV', 'cve,epss,percentile\n', false],
  ];
  for (const [name, head, expected] of heads) it(`detect ${name} -> ${expected}`, () => assert.equal(detectDebianDsa(head, 'list'), expected));
});
