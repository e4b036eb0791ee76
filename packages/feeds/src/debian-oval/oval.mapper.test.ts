import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { isDomainError, type Advisory, type AffectedPackage } from '@patchloop/core';
import { parseDebianOval } from './oval.parser.js';
import { ovalEvrToVersion, ovalToAdvisories, type OvalMappingResult } from './oval.mapper.js';
import { debianReleaseFromName, debianReleaseFromPlatform } from './debian-release.js';
import type { OvalDocument } from './oval.types.js';

const FETCHED_AT = '2023-07-14T08:00:00.000Z';
const parseFixture = (name: string): Promise<OvalDocument> =>
  parseDebianOval(Readable.from([readFileSync(fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)))]), { file: name });

const fixed = (name: string, version: string, ecosystem = 'Debian:12'): AffectedPackage => ({
  ecosystem, name, packageKind: 'source', versions: [], status: 'fixed',
  ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }],
});
const unfixed = (name: string, ecosystem = 'Debian:12'): AffectedPackage => ({
  ecosystem, name, packageKind: 'source', versions: [], status: 'unfixed',
  ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
});
const cveUrl = (id: string) => ({ type: 'WEB', url: `https://cve.mitre.org/cgi-bin/cvename.cgi?name=${id}` });

function findBy(result: OvalMappingResult, id: string, pkg?: string): Advisory {
  const found = result.advisories.find((a) => a.id === id && (pkg === undefined || a.affected[0]?.name === pkg));
  assert.ok(found, `${id} ${pkg ?? ''}`);
  return found;
}

describe('ovalToAdvisories: bookworm excerpt', () => {
  let result: OvalMappingResult;
  before(async () => {
    result = ovalToAdvisories(await parseFixture('oval-bookworm-excerpt.xml'), { fetchedAt: FETCHED_AT });
  });

  const cases: { name: string; id: string; pkg?: string; aliases: string[]; affected: AffectedPackage[]; summary: string; references?: { type: string; url: string }[]; published?: string }[] = [
    { name: 'fixed: glibc CVE-1999-0199 "earlier than 2.2-1" (state 0:2.2-1)', id: 'CVE-1999-0199', aliases: [], affected: [fixed('glibc', '2.2-1')], summary: 'CVE-1999-0199 glibc', references: [cveUrl('CVE-1999-0199')] },
    { name: 'fixed: openssl CVE-2023-0286 in 3.0.8-1', id: 'CVE-2023-0286', aliases: [], affected: [fixed('openssl', '3.0.8-1')], summary: 'CVE-2023-0286 openssl' },
    { name: 'fixed: sudo CVE-2021-3156 (Baron Samedit) in 1.9.5p1-1.1', id: 'CVE-2021-3156', aliases: [], affected: [fixed('sudo', '1.9.5p1-1.1')], summary: 'CVE-2021-3156 sudo' },
    { name: 'unfixed: tar CVE-2005-2541 "earlier than 0" (state 0:0)', id: 'CVE-2005-2541', aliases: [], affected: [unfixed('tar')], summary: 'CVE-2005-2541 tar' },
    { name: 'one CVE, several packages: libgd2 fixed', id: 'CVE-2007-3476', pkg: 'libgd2', aliases: [], affected: [fixed('libgd2', '2.0.35.dfsg-1')], summary: 'CVE-2007-3476 libgd2' },
    { name: 'one CVE, several packages: libwmf unfixed', id: 'CVE-2007-3476', pkg: 'libwmf', aliases: [], affected: [unfixed('libwmf')], summary: 'CVE-2007-3476 libwmf' },
    { name: 'one CVE, several packages: racket fixed', id: 'CVE-2007-3476', pkg: 'racket', aliases: [], affected: [fixed('racket', '5.0.2-1')], summary: 'CVE-2007-3476 racket' },
    {
      name: 'vulnerability with a <dsa>: the DSA becomes an ADVISORY reference', id: 'CVE-2022-47184', aliases: [], affected: [fixed('trafficserver', '9.2.0+ds-2+deb12u1')], summary: 'CVE-2022-47184 trafficserver',
      references: [cveUrl('CVE-2022-47184'), { type: 'ADVISORY', url: 'https://security-tracker.debian.org/tracker/DSA-5435' }],
    },
    { name: 'patch: DSA-5425-1 php8.2 without CVE refs keeps the title id', id: 'DSA-5425-1', aliases: [], affected: [fixed('php8.2', '8.2.7-1~deb12u1')], summary: 'DSA-5425-1 php8.2', published: '2023-06-13T00:00:00Z' },
    { name: 'patch: DSA-5433-1 libx11 keeps a non-zero epoch (state 2:1.8.4-2+deb12u1)', id: 'DSA-5433-1', aliases: ['CVE-2023-3138'], affected: [fixed('libx11', '2:1.8.4-2+deb12u1')], summary: 'DSA-5433-1 libx11' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = findBy(result, c.id, c.pkg);
      assert.deepEqual(a.aliases, c.aliases);
      assert.deepEqual(a.affected, c.affected);
      assert.equal(a.summary, c.summary);
      assert.equal(a.source, 'debian-oval');
      assert.deepEqual(a.severities, []);
      if (c.references) assert.deepEqual(a.references, c.references);
      if (c.published) assert.equal(a.published, c.published);
    });
  }

  it('patch: DSA-5418-1 chromium carries its 13 CVEs as aliases', () => {
    const a = findBy(result, 'DSA-5418-1');
    assert.equal(a.aliases.length, 13);
    assert.equal(a.aliases[0], 'CVE-2023-2929');
    assert.equal(a.published, '2023-06-03T00:00:00Z');
    assert.match(a.details ?? '', /^security update\n\nMultiple security issues/);
  });

  it('maps every definition, rejects none, and keys provenance by definition id', () => {
    assert.equal(result.advisories.length, 11);
    assert.deepEqual(result.rejected, []);
    const glibc = findBy(result, 'CVE-1999-0199');
    assert.equal(glibc.provenance.feed, 'debian-oval');
    assert.equal(glibc.provenance.recordId, 'oval:org.debian:def:302398480618719661759273474285073383836');
    assert.equal(glibc.provenance.fetchedAt, FETCHED_AT);
    assert.match(glibc.provenance.contentHash, /^[0-9a-f]{64}$/);
  });

  it('content hash ignores fetchedAt and changes with the content', async () => {
    const doc = await parseFixture('oval-bookworm-excerpt.xml');
    const later = ovalToAdvisories(doc, { fetchedAt: '2024-01-01T00:00:00Z' });
    assert.equal(findBy(later, 'CVE-1999-0199').provenance.contentHash, findBy(result, 'CVE-1999-0199').provenance.contentHash);
    const state = [...doc.states.values()].find((s) => s.entities[0]?.value === '0:2.2-1')!;
    state.entities[0]!.value = '0:2.2-2';
    const changed = ovalToAdvisories(doc, { fetchedAt: FETCHED_AT });
    assert.notEqual(findBy(changed, 'CVE-1999-0199').provenance.contentHash, findBy(result, 'CVE-1999-0199').provenance.contentHash);
  });
});

describe('ovalToAdvisories: vulnerablecode sample (Debian 7, old generator)', () => {
  it('takes the id from the title when there is no reference, the release from the platform, and undoubles "0:1:"', async () => {
    const result = ovalToAdvisories(await parseFixture('oval-definitions.vulnerablecode-fixture.xml'), { fetchedAt: FETCHED_AT });
    const a2ps = findBy(result, 'CVE-2001-1593');
    assert.deepEqual(a2ps.affected, [fixed('a2ps', '1:4.14-1.1+deb7u1', 'Debian:7')]);
    assert.equal(a2ps.published, '2014-03-31T00:00:00Z');
    assert.deepEqual(a2ps.references, []);
    assert.deepEqual(findBy(result, 'CVE-2002-2443').affected, [fixed('krb5', '1.10.1+dfsg-5+deb7u1', 'Debian:7')]);
  });
});

describe('ovalToAdvisories: synthetic layouts (multi-package, arch section, var_ref, rejections)', () => {
  let result: OvalMappingResult;
  before(async () => {
    result = ovalToAdvisories(await parseFixture('oval-synthetic-layouts.xml'), { fetchedAt: FETCHED_AT });
  });

  it('a "Packages section" with two packages and an i386 section gives three affected entries', () => {
    const a = findBy(result, 'CVE-2099-0001');
    assert.deepEqual(a.affected, [
      fixed('foo', '1.2-3', 'Debian:11'),
      unfixed('bar', 'Debian:11'),
      { ...fixed('baz', '1:2.0-1', 'Debian:11'), statusNote: 'OVAL architecture section: i686' },
    ]);
    assert.equal(a.details, 'Café & <friends>');
  });

  it('an object whose name is a var_ref to a constant_variable yields one entry per value; codename platform', () => {
    assert.deepEqual(findBy(result, 'CVE-2099-0002').affected, [fixed('qux', '3.0-1', 'Debian:11'), fixed('quux', '3.0-1', 'Debian:11')]);
  });

  it('inventory definitions and "greater than" checks are rejected as values, not thrown', () => {
    assert.deepEqual(
      result.rejected.map((r) => [r.recordId, r.code]),
      [['oval:test:def:3', 'E_OVAL_CLASS_UNSUPPORTED'], ['oval:test:def:4', 'E_OVAL_UNSUPPORTED_CHECK']],
    );
    assert.equal(result.advisories.length, 2);
  });

  it('a forced release overrides the platform; an unknown one throws E_OVAL_RELEASE_UNKNOWN', async () => {
    const doc = await parseFixture('oval-synthetic-layouts.xml');
    assert.equal(findBy(ovalToAdvisories(doc, { fetchedAt: FETCHED_AT, release: 'bookworm' }), 'CVE-2099-0001').affected[0]?.ecosystem, 'Debian:12');
    assert.throws(() => ovalToAdvisories(doc, { fetchedAt: FETCHED_AT, release: 'hurd' }), (e: unknown) => isDomainError(e) && e.code === 'E_OVAL_RELEASE_UNKNOWN');
  });
});

describe('ovalEvrToVersion', () => {
  const cases = [
    { name: 'drops the zero epoch', evr: '0:2.2-1', version: '2.2-1' },
    { name: 'keeps a real epoch', evr: '8:6.9.9.34+dfsg-3', version: '8:6.9.9.34+dfsg-3' },
    { name: 'undoubles the old generator\'s "0:1:"', evr: '0:1:4.14-1.1+deb7u1', version: '1:4.14-1.1+deb7u1' },
    { name: 'the unfixed marker 0:0 is "0"', evr: '0:0', version: '0' },
    { name: 'a bare 0 stays 0', evr: '0', version: '0' },
    { name: 'no epoch at all', evr: '1.10.1+dfsg-5', version: '1.10.1+dfsg-5' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(ovalEvrToVersion(c.evr), c.version));
});

describe('Debian release names', () => {
  const cases = [
    { name: 'bookworm platform', input: 'Debian GNU/Linux 12', platform: true, release: '12' },
    { name: 'old dotted platform', input: 'Debian GNU/Linux 9.0', platform: true, release: '9' },
    { name: 'codename platform', input: 'Debian GNU/Linux bullseye', platform: true, release: '11' },
    { name: 'not Debian', input: 'Ubuntu 22.04', platform: true, release: undefined },
    { name: 'codename', input: 'bookworm', platform: false, release: '12' },
    { name: 'trixie', input: 'trixie', platform: false, release: '13' },
    { name: 'sarge keeps its minor', input: 'sarge', platform: false, release: '3.1' },
    { name: 'number', input: '12', platform: false, release: '12' },
    { name: 'nonsense', input: 'hurd', platform: false, release: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(c.platform ? debianReleaseFromPlatform(c.input) : debianReleaseFromName(c.input), c.release));
  }
});
