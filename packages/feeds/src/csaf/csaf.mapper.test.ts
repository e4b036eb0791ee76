import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AffectedPackage } from '@patchloop/core';
import { csafToAdvisories } from './csaf.mapper.js';
import type { CsafDocument } from './csaf.types.js';
import { FETCHED_AT, readJson, sharedFeedFile, testdata } from './csaf.test-helpers.js';

interface OsvRecord {
  affected: { package: { ecosystem: string; name: string; purl: string }; ranges: { events: Record<string, string>[] }[] }[];
}

const fixedOf = (a: AffectedPackage): string | undefined => {
  const event = a.ranges[0]?.events.find((e) => 'fixed' in e);
  return event && 'fixed' in event ? event.fixed : undefined;
};

/**
 * Against OSV's Red Hat converter (ossf/osv-schema tools/redhat) on the same CSAF file: the same
 * (ecosystem, name, fixed version) triples and purls. Principled differences, not compared here:
 * - OSV merges the src rpm into the binary of the same name; we keep it as packageKind 'source'
 *   (git-lfs src and git-lfs x86_64 are two entries), so source-key matching can use it.
 * - OSV's id is the RHSA with the CVE in `upstream`; ours is the CVE with the RHSA in `aliases`.
 * - We keep the module context of modular rpms in statusNote ("RHEL module python39:3.9"); OSV drops it.
 */
describe('CSAF → advisories agrees with OSV’s Red Hat converter', () => {
  const rhsa6220 = sharedFeedFile('csaf/redhat-rhsa/rhsa-2024_6220.json');
  const osv6220 = sharedFeedFile('osv/redhat/RHSA-2024_6220.json');
  const cases = [
    { name: 'RHSA-2024:4546 (git-lfs, testdata)', csaf: testdata('rhsa-2024_4546.json'), osv: testdata('osv-RHSA-2024_4546.json'), triples: 9, skip: false as const },
    { name: 'RHSA-2024:6220 (python39 module, shared)', csaf: rhsa6220.path, osv: osv6220.path, triples: 228, skip: rhsa6220.skip || osv6220.skip },
  ];
  for (const c of cases) {
    it(c.name, { skip: c.skip }, () => {
      const { advisories, rejected } = csafToAdvisories(readJson(c.csaf), { fetchedAt: FETCHED_AT });
      assert.deepEqual(rejected, []);
      const ours = advisories.flatMap((a) => a.affected);
      const osv = readJson<OsvRecord>(c.osv).affected;
      const triple = (ecosystem: string, name: string, fixed: string | undefined) => `${ecosystem} | ${name} | ${fixed}`;
      const ourTriples = new Set(ours.map((a) => triple(a.ecosystem, a.name, fixedOf(a))));
      const osvTriples = new Set(osv.map((a) => triple(a.package.ecosystem, a.package.name, a.ranges[0]?.events.find((e) => e.fixed)?.fixed)));
      assert.deepEqual([...ourTriples].sort(), [...osvTriples].sort());
      assert.equal(ourTriples.size, c.triples);
      const osvPurls = new Map(osv.map((a) => [a.package.name, a.package.purl]));
      for (const a of ours) assert.equal(a.purl, osvPurls.get(a.name), a.name);
    });
  }
});

describe('RHSA-2024:4546 (git-lfs, CVE-2023-45288): hand-checked', () => {
  const [advisory] = csafToAdvisories(readJson(testdata('rhsa-2024_4546.json')), { fetchedAt: FETCHED_AT }).advisories;

  it('one advisory per CVE, the RHSA as alias, tracking dates, CVSS and impact', () => {
    assert.ok(advisory);
    assert.equal(advisory.id, 'CVE-2023-45288');
    assert.deepEqual(advisory.aliases, ['RHSA-2024:4546']);
    assert.equal(advisory.source, 'csaf');
    assert.equal(advisory.published, '2024-07-15T16:12:25.000Z');
    assert.equal(advisory.modified, '2024-07-16T13:38:03.000Z');
    assert.equal(advisory.summary, 'golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS');
    assert.deepEqual(advisory.severities, [
      { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', source: 'Red Hat Product Security' },
      { type: 'vendor', score: 'Important', source: 'Red Hat Product Security' },
    ]);
    assert.ok(advisory.references.some((r) => r.type === 'ADVISORY' && r.url === 'https://access.redhat.com/errata/RHSA-2024:4546'));
    assert.ok(advisory.references.some((r) => r.type === 'REPORT' && r.url === 'https://bugzilla.redhat.com/show_bug.cgi?id=2268273'));
  });

  it('3 platforms × (git-lfs src + git-lfs, -debuginfo, -debugsource binaries), arches collapsed, fixed 0:2.13.3-3.el8_6.1', () => {
    assert.ok(advisory);
    assert.equal(advisory.affected.length, 12);
    const e4s = advisory.affected.filter((a) => a.ecosystem === 'Red Hat:rhel_e4s:8.6::appstream').map((a) => `${a.packageKind} ${a.name} ${fixedOf(a)} ${a.status}`);
    assert.deepEqual(e4s.sort(), [
      'binary git-lfs 0:2.13.3-3.el8_6.1 fixed',
      'binary git-lfs-debuginfo 0:2.13.3-3.el8_6.1 fixed',
      'binary git-lfs-debugsource 0:2.13.3-3.el8_6.1 fixed',
      'source git-lfs 0:2.13.3-3.el8_6.1 fixed',
    ]);
  });

  it('provenance: record id RHSA/CVE, fetchedAt outside the content hash', () => {
    const again = csafToAdvisories(readJson(testdata('rhsa-2024_4546.json')), { fetchedAt: '2030-01-01T00:00:00.000Z' }).advisories[0];
    assert.equal(advisory?.provenance.recordId, 'RHSA-2024:4546/CVE-2023-45288');
    assert.equal(advisory?.provenance.feed, 'csaf');
    assert.match(advisory?.provenance.contentHash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(again?.provenance.contentHash, advisory?.provenance.contentHash);
  });
});

/** Variants of the real RHSA-2024:4546 with its product ids moved between product_status lists. */
function rhsaWithStatus(edit: (status: NonNullable<NonNullable<CsafDocument['vulnerabilities']>[number]['product_status']>, ids: string[]) => void): CsafDocument {
  const doc = readJson(testdata('rhsa-2024_4546.json'));
  const status = doc.vulnerabilities?.[0]?.product_status;
  assert.ok(status?.fixed);
  const ids = status.fixed;
  delete status.fixed;
  edit(status, ids);
  return doc;
}

const AUS_BINARY = 'AppStream-8.6.0.Z.AUS:git-lfs-0:2.13.3-3.el8_6.1.x86_64';
const E4S_X86 = 'AppStream-8.6.0.Z.E4S:git-lfs-0:2.13.3-3.el8_6.1.x86_64';

describe('product_status lists → distro status', () => {
  const cases: { name: string; doc: () => CsafDocument; expect: Partial<AffectedPackage>[]; rejected?: RegExp }[] = [
    {
      name: 'known_affected (no fix) → unfixed, that version listed',
      doc: () => rhsaWithStatus((s) => (s.known_affected = [AUS_BINARY])),
      expect: [{ name: 'git-lfs', packageKind: 'binary', status: 'unfixed', ranges: [], versions: ['0:2.13.3-3.el8_6.1'] }],
    },
    {
      name: 'known_not_affected → not-affected',
      doc: () => rhsaWithStatus((s) => (s.known_not_affected = [AUS_BINARY])),
      expect: [{ name: 'git-lfs', status: 'not-affected', ranges: [] }],
    },
    {
      name: 'under_investigation → under-investigation',
      doc: () => rhsaWithStatus((s) => (s.under_investigation = [AUS_BINARY])),
      expect: [{ name: 'git-lfs', status: 'under-investigation', ranges: [] }],
    },
    {
      name: 'fixed and known_affected for the same package: the fix wins',
      doc: () => rhsaWithStatus((s) => Object.assign(s, { fixed: [E4S_X86], known_affected: [E4S_X86.replace('x86_64', 'ppc64le')] })),
      expect: [{ name: 'git-lfs', status: 'fixed' }],
    },
    {
      name: 'a product id missing from the tree → rejected, the vulnerability with it',
      doc: () => rhsaWithStatus((s) => (s.fixed = ['nope'])),
      expect: [],
      rejected: /^no product could be mapped \(1\): product nope: not in the product tree/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { advisories, rejected } = csafToAdvisories(c.doc(), { fetchedAt: FETCHED_AT });
      const affected = advisories.flatMap((a) => a.affected);
      assert.equal(affected.length, c.expect.length);
      c.expect.forEach((want, i) => assert.deepEqual(pick(affected[i], Object.keys(want)), want));
      if (c.rejected) assert.match(rejected[0]?.reason ?? '', c.rejected);
      else assert.deepEqual(rejected, []);
    });
  }
});

describe('other documents', () => {
  it('RHSA-2022:0011 example (no purls): the NEVRA name gives telnet 1:0.17-65.el7_6 in Red Hat:rhel_aus:7.6::server', () => {
    const { advisories, rejected } = csafToAdvisories(readJson(testdata('rhsa-2022_0011.json')), { fetchedAt: FETCHED_AT });
    assert.deepEqual(rejected, []);
    const aus = advisories[0]?.affected.filter((a) => a.ecosystem === 'Red Hat:rhel_aus:7.6::server').map((a) => `${a.packageKind} ${a.name} ${fixedOf(a)}`);
    assert.deepEqual(aus, ['source telnet 1:0.17-65.el7_6', 'binary telnet 1:0.17-65.el7_6', 'binary telnet-debuginfo 1:0.17-65.el7_6', 'binary telnet-server 1:0.17-65.el7_6']);
  });

  it('BSI-2022-0001 (CPEs, no purls): no ecosystem, rejected naming the products', () => {
    const { advisories, rejected } = csafToAdvisories(readJson(testdata('bsi-2022-0001.json')), { fetchedAt: FETCHED_AT });
    assert.deepEqual(advisories, []);
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0]?.code, 'E_CSAF_NO_PACKAGE');
    assert.equal(rejected[0]?.recordId, 'BSI-2022-0001/CVE-2022-27193');
    assert.match(rejected[0]?.reason ?? '', /product CSAFPID-0006 \("CSAF Tools CVRF-CSAF-Converter 1\.0\.0-rc2"\)/);
  });

  it('a CSAF VEX with an npm purl: ecosystem npm, name with scope, statuses per list', () => {
    const doc = readJson(testdata('2022-evd-uc-07-001.json'));
    const purls: Record<string, string> = { 'CSAFPID-0001': 'pkg:npm/%40example/def@1.0', 'CSAFPID-0002': 'pkg:npm/%40example/def@1.1' };
    const visit = (branches: NonNullable<NonNullable<CsafDocument['product_tree']>['branches']>): void => {
      for (const b of branches) {
        const purl = b.product ? purls[b.product.product_id] : undefined;
        if (b.product && purl) b.product.product_identification_helper = { purl };
        visit(b.branches ?? []);
      }
    };
    visit(doc.product_tree?.branches ?? []);
    const { advisories } = csafToAdvisories(doc, { fetchedAt: FETCHED_AT });
    const npm = advisories[0]?.affected.map((a) => `${a.ecosystem} ${a.name} ${a.status} ${a.versions.join()}`);
    assert.deepEqual(npm, ['npm @example/def unfixed 1.1', 'npm @example/def not-affected 1.0']);
  });

  const rhsa6220 = sharedFeedFile('csaf/redhat-rhsa/rhsa-2024_6220.json');
  it('RHSA-2024:6220: module packages resolve package → module → platform and keep the module', { skip: rhsa6220.skip }, () => {
    const { advisories } = csafToAdvisories(readJson(rhsa6220.path), { fetchedAt: FETCHED_AT });
    const pyyaml = advisories[0]?.affected.find((a) => a.name === 'PyYAML' && a.ecosystem === 'Red Hat:rhel_e4s:8.6::appstream');
    assert.deepEqual(pick(pyyaml, ['packageKind', 'statusNote']), { packageKind: 'source', statusNote: 'RHEL module python39:3.9' });
    assert.equal(pyyaml && fixedOf(pyyaml), '0:5.4.1-1.module+el8.5.0+10613+59a13ec4');
  });
});

function pick(value: object | undefined, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown> | undefined)?.[k]]));
}
