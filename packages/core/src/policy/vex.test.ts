import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InstalledPackage } from '../inventory/asset.js';
import { applyVex, type ProductRef, type VexStatement, type VexStatus } from './vex.js';
import { makeFinding } from './testing/make-finding.js';

// The image and packages of OpenVEX's own v0.2.0 example (go-vex testdata/v0.2.0.json).
const IMAGE = 'pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126';
const OTHER_IMAGE = 'pkg:oci/alpine@sha256%3Aeeee';
const LIBSSL: InstalledPackage = { ecosystem: 'Alpine:v3.18', name: 'libssl3', version: '3.0.8-r3', sourceName: 'openssl', purl: 'pkg:apk/alpine/libssl3@3.0.8-r3?arch=x86_64' };
const GIT: InstalledPackage = { ecosystem: 'Alpine:v3.18', name: 'git', version: '2.39.0-r1', purl: 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64' };
const LIBSSL_DEB: InstalledPackage = { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', arch: 'amd64' };

function statement(vulnerabilityId: string, status: VexStatus, products: ProductRef[], extra: Partial<VexStatement> = {}): VexStatement {
  return { vulnerabilityId, aliases: [], products, status, timestamp: '2023-07-17T00:00:00.000Z', provenance: { format: 'openvex', documentId: 'doc', author: 'test', file: 'test.json' }, ...extra };
}

const assetRefs = new Map([
  ['img-1', [IMAGE]],
  ['img-2', [OTHER_IMAGE]],
  ['sbom-app', ['urn:cdx:2c385cf7-e1ee-46e9-a51c-13de1ecb380a/1#acme-product-1']],
]);

interface Case {
  name: string;
  finding: ReturnType<typeof makeFinding>;
  statements: VexStatement[];
  /** The statement index that decides, or undefined for none. */
  suppressedBy?: number;
  annotatedBy?: number;
  withoutAssetRefs?: boolean;
}

const git = (version = '2.39.0-r1') => makeFinding({ advisoryId: 'CVE-2023-12345', pkg: { ...GIT, version, purl: `pkg:apk/wolfi/git@${version}?arch=x86_64` } });
const sslOn = (assetId: string, advisoryId = 'CVE-2023-3446') => makeFinding({ assetId, advisoryId, pkg: LIBSSL, onSource: true });

const cases: Case[] = [
  { name: 'purl with version matches', finding: git(), statements: [statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git@2.39.0-r1' }])], suppressedBy: 0 },
  { name: 'purl without version matches any version', finding: git('2.41.0-r0'), statements: [statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }])], suppressedBy: 0 },
  { name: 'other version is kept', finding: git('2.39.0-r2'), statements: [statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git@2.39.0-r1' }])] },
  { name: 'other arch is kept', finding: git(), statements: [statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git@2.39.0-r1?arch=armv7' }])] },
  { name: 'other vulnerability is kept', finding: git(), statements: [statement('CVE-2023-99999', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }])] },
  {
    name: 'alias of the statement matches the finding id, case-insensitively',
    finding: makeFinding({ advisoryId: 'GHSA-jfh8-c2jp-5v3q', ids: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'], pkg: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' } }),
    statements: [statement('VU#930724', 'not_affected', [{ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }], { aliases: ['cve-2021-44228'] })],
    suppressedBy: 0,
  },
  { name: 'affected does not suppress', finding: git(), statements: [statement('CVE-2023-12345', 'affected', [{ purl: 'pkg:apk/wolfi/git' }])], annotatedBy: 0 },
  { name: 'fixed does not suppress', finding: git(), statements: [statement('CVE-2023-12345', 'fixed', [{ purl: 'pkg:apk/wolfi/git' }])], annotatedBy: 0 },
  { name: 'under_investigation does not suppress', finding: git(), statements: [statement('CVE-2023-12345', 'under_investigation', [{ purl: 'pkg:apk/wolfi/git' }])], annotatedBy: 0 },
  {
    name: 'newer affected overrides older not_affected',
    finding: git(),
    statements: [
      statement('CVE-2023-12345', 'affected', [{ purl: 'pkg:apk/wolfi/git' }], { timestamp: '2024-01-02T00:00:00.000Z' }),
      statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }], { timestamp: '2024-01-01T00:00:00.000Z' }),
    ],
    annotatedBy: 0,
  },
  {
    name: 'newer not_affected overrides older under_investigation',
    finding: git(),
    statements: [
      statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }], { timestamp: '2024-03-01T00:00:00.000Z' }),
      statement('CVE-2023-12345', 'under_investigation', [{ purl: 'pkg:apk/wolfi/git' }], { timestamp: '2024-01-01T00:00:00.000Z' }),
    ],
    suppressedBy: 0,
  },
  {
    name: 'a statement without timestamp is older than any dated one',
    finding: git(),
    statements: [statement('CVE-2023-12345', 'affected', [{ purl: 'pkg:apk/wolfi/git' }]), statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }], { timestamp: undefined })],
    annotatedBy: 0,
  },
  {
    name: 'same timestamp: the later statement in the input wins',
    finding: git(),
    statements: [statement('CVE-2023-12345', 'affected', [{ purl: 'pkg:apk/wolfi/git' }]), statement('CVE-2023-12345', 'not_affected', [{ purl: 'pkg:apk/wolfi/git' }])],
    suppressedBy: 1,
  },
  {
    name: 'subcomponent of the image the finding is on',
    finding: sslOn('img-1'),
    statements: [statement('CVE-2023-3446', 'not_affected', [{ purl: IMAGE, subcomponents: [{ purl: 'pkg:apk/alpine/libssl3@3.0.8-r3' }, { purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r3' }] }], { justification: 'vulnerable_code_not_present' })],
    suppressedBy: 0,
  },
  {
    name: 'subcomponent of another image is kept',
    finding: sslOn('img-2'),
    statements: [statement('CVE-2023-3446', 'not_affected', [{ purl: IMAGE, subcomponents: [{ purl: 'pkg:apk/alpine/libssl3@3.0.8-r3' }] }])],
  },
  {
    name: 'subcomponent statement without asset references is kept',
    finding: sslOn('img-1'),
    statements: [statement('CVE-2023-3446', 'not_affected', [{ purl: IMAGE, subcomponents: [{ purl: 'pkg:apk/alpine/libssl3@3.0.8-r3' }] }])],
    withoutAssetRefs: true,
  },
  {
    name: 'subcomponent list not naming the package is kept',
    finding: sslOn('img-1'),
    statements: [statement('CVE-2023-3446', 'not_affected', [{ purl: IMAGE, subcomponents: [{ purl: 'pkg:apk/alpine/busybox@1.36.1-r0' }] }])],
  },
  { name: 'product naming the asset (no subcomponents) covers all its packages', finding: sslOn('img-1'), statements: [statement('CVE-2023-3446', 'not_affected', [{ purl: 'pkg:oci/alpine' }])], suppressedBy: 0 },
  {
    name: 'product by BOM-link bom-ref naming the asset',
    finding: makeFinding({ assetId: 'sbom-app', advisoryId: 'CVE-2020-25649', pkg: { ecosystem: 'Maven', name: 'com.fasterxml.jackson.core:jackson-databind', version: '2.10.0' } }),
    statements: [statement('CVE-2020-25649', 'not_affected', [{ bomRef: 'urn:cdx:2c385cf7-e1ee-46e9-a51c-13de1ecb380a/1#acme-product-1' }])],
    suppressedBy: 0,
  },
  {
    name: 'Debian source package purl covers its binaries',
    finding: makeFinding({ advisoryId: 'CVE-2024-0727', pkg: LIBSSL_DEB, onSource: true }),
    statements: [statement('CVE-2024-0727', 'not_affected', [{ purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12' }])],
    suppressedBy: 0,
  },
  {
    name: 'CycloneDX exact versions list: listed version covered',
    finding: makeFinding({ advisoryId: 'CVE-2020-25649', pkg: { ecosystem: 'npm', name: 'acme', version: '2.3.1' } }),
    statements: [statement('CVE-2020-25649', 'not_affected', [{ purl: 'pkg:npm/acme', versions: [{ version: '2.3.0', status: 'unaffected' }, { version: '2.3.1', status: 'unaffected' }] }])],
    suppressedBy: 0,
  },
  {
    name: 'CycloneDX versions list: unlisted version (ranges are not evaluated) is kept',
    finding: makeFinding({ advisoryId: 'CVE-2020-25649', pkg: { ecosystem: 'npm', name: 'acme', version: '2.3.5' } }),
    statements: [statement('CVE-2020-25649', 'not_affected', [{ purl: 'pkg:npm/acme', versions: [{ range: 'vers:semver/>=2.2.0|<=2.4.0', status: 'unaffected' }] }])],
  },
];

describe('applyVex', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = applyVex([c.finding], c.statements, c.withoutAssetRefs ? {} : { assetRefs });
      assert.deepEqual(result.suppressed.map((s) => c.statements.indexOf(s.statement)), c.suppressedBy === undefined ? [] : [c.suppressedBy]);
      assert.equal(result.kept.length, c.suppressedBy === undefined ? 1 : 0);
      assert.deepEqual(result.annotated.map((s) => c.statements.indexOf(s.statement)), c.annotatedBy === undefined ? [] : [c.annotatedBy]);
    });
  }

  it('keeps input order of kept findings and handles many findings against one statement', () => {
    const findings = ['host-1', 'img-1', 'img-2', 'host-2'].map((a) => sslOn(a));
    const s = statement('CVE-2023-3446', 'not_affected', [{ purl: IMAGE, subcomponents: [{ purl: 'pkg:apk/alpine/libssl3' }] }]);
    const result = applyVex(findings, [s], { assetRefs });
    assert.deepEqual(result.kept.map((f) => f.assetId), ['host-1', 'img-2', 'host-2']);
    assert.deepEqual(result.suppressed.map((x) => x.finding.assetId), ['img-1']);
  });
});
