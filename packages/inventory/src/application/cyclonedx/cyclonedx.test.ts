import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainError } from '@patchloop/core';
import { cycloneDxParser } from './cyclonedx.parser.js';
import { listComponents } from './cyclonedx.mapper.js';
import type { CycloneDxBom } from './cyclonedx.types.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';
import type { ExpectedError } from '../testing/assert-domain-error.js';
import { readFeedFile, readTestdata, skipWithoutShared } from '../testing/shared-feeds.js';

const testdata = (name: string) => () => readTestdata(import.meta.url, name);
const feed = (path: string) => () => readFeedFile(`sbom/cyclonedx/${path}`);

/**
 * Real SBOMs. Component counts and distinct counts were computed independently with jq:
 * `.components|length` and `[.components[]|.purl|split("?")[0]|split("#")[0]]|unique|length`.
 * Packages = distinct (ecosystem, name, version): juice-shop flat lists one package once per
 * install path (1,115 -> 978); keycloak lists one GAV twice, as jar and as test-jar (903 -> 902).
 */
const realBoms: {
  name: string; read: () => string; shared?: boolean; components: number; packages: number;
  asset: string; ecosystem: string; sample: { name: string; version: string };
}[] = [
  { name: 'cern-lhc-vdm-editor 1.2 npm', read: testdata('cern-lhc-vdm-editor.bom.1.2.json'), components: 43, packages: 43, asset: 'lhc-vdm-editor', ecosystem: 'npm', sample: { name: 'puppeteer', version: '1.19.0' } },
  { name: 'laravel 1.4 composer', read: testdata('laravel-7.12.0.bom.1.4.json'), components: 62, packages: 62, asset: 'cyclonedx-php-composer-demo', ecosystem: 'Packagist', sample: { name: 'laravel/framework', version: 'v7.30.6' } },
  { name: 'proton-bridge v1.6.3 1.2 Go', read: testdata('proton-bridge-v1.6.3.bom.1.2.json'), components: 201, packages: 201, asset: 'github.com/ProtonMail/proton-bridge', ecosystem: 'Go', sample: { name: 'github.com/0xAX/notificator', version: 'v0.0.0-20191016112426-3962a5ea8da1' } },
  { name: 'juice-shop flat 1.4 npm', read: feed('SBOM/juice-shop/via_npm/flat/bom.1.4.json'), shared: true, components: 1115, packages: 978, asset: 'juice-shop', ecosystem: 'npm', sample: { name: 'ansi-regex', version: '4.1.1' } },
  { name: 'juice-shop v11.1.2 1.2 npm', read: feed('SBOM/juice-shop/v11.1.2/bom.json'), shared: true, components: 840, packages: 840, asset: 'juice-shop', ecosystem: 'npm', sample: { name: 'express', version: '4.17.1' } },
  { name: 'keycloak 10.0.2 1.2 Maven', read: feed('SBOM/keycloak-10.0.2/bom.json'), shared: true, components: 903, packages: 902, asset: 'keycloak-parent', ecosystem: 'Maven', sample: { name: 'org.bouncycastle:bcprov-jdk15on', version: '1.62' } },
  { name: 'dropwizard 1.3.15 1.2 Maven', read: feed('SBOM/dropwizard-1.3.15/bom.json'), shared: true, components: 167, packages: 167, asset: 'dropwizard-parent', ecosystem: 'Maven', sample: { name: 'com.fasterxml.jackson.core:jackson-databind', version: '2.9.10' } },
  { name: 'protonmail-webclient 1.2 npm', read: feed('SBOM/protonmail-webclient-v4-0912dff/bom.json'), shared: true, components: 883, packages: 883, asset: 'protonmail-web', ecosystem: 'npm', sample: { name: 'openpgp', version: '4.10.7' } },
];

describe('cycloneDxParser on real SBOMs', () => {
  for (const c of realBoms) {
    it(c.name, { skip: c.shared ? skipWithoutShared() : false }, () => {
      const text = c.read();
      const snapshot = cycloneDxParser.parse(text, { file: c.name });
      assert.equal(listComponents(JSON.parse(text) as CycloneDxBom).length, c.components);
      assert.equal(snapshot.packages.length, c.packages);
      assert.deepEqual(snapshot.warnings, []);
      assert.deepEqual(snapshot.asset, { name: c.asset, kind: 'application', source: 'sbom:cyclonedx' });
      assert.ok(snapshot.packages.every((p) => p.ecosystem === c.ecosystem && p.purl !== undefined));
      assert.ok(snapshot.packages.some((p) => p.name === c.sample.name && p.version === c.sample.version), `${c.sample.name}@${c.sample.version}`);
    });
  }
});

describe('cycloneDxParser on a container BOM (hand-written, syft style)', () => {
  const snapshot = cycloneDxParser.parse(readTestdata(import.meta.url, 'container-os.cdx.json'), { file: 'container-os.cdx.json' });
  it('names an image asset with its OS', () => {
    assert.deepEqual(snapshot.asset, {
      name: 'registry.example.org/shop/api', kind: 'image', source: 'sbom:cyclonedx',
      os: { family: 'debian', id: 'debian', name: 'debian', version: '12' },
    });
  });
  it('maps every purl type, nested components included, once each', () => {
    const got = snapshot.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version}${p.arch ? ` ${p.arch}` : ''}`);
    assert.deepEqual(got, [
      'Debian:12 openssl 3.0.11-1~deb12u2 amd64', 'Debian:12 libc6 2.36-9+deb12u4 amd64', 'Ubuntu:22.04 bash 5.1-6ubuntu1 amd64',
      'Alpine:v3.19 busybox 1.36.1-r15 x86_64', 'Rocky Linux openssl-libs 1:3.0.7-25.el9_3 x86_64', 'Debian curl 7.88.1-10 amd64',
      'npm @shop/api 2.4.0', 'npm express 4.18.2', 'Maven org.apache.logging.log4j:log4j-core 2.14.1',
      'PyPI django-rest-framework 3.14.0', 'Go golang.org/x/net v0.17.0', 'crates.io serde 1.0.193', 'RubyGems rails 7.0.8',
      'NuGet Newtonsoft.Json 13.0.1', 'Packagist laravel/framework v10.0.0',
    ]);
  });
  it('warns, naming the pointer, for what it cannot inventory', () => {
    assert.deepEqual(snapshot.warnings, [
      '/components/6: no release in distro qualifier "": ecosystem Debian without release (pkg:deb/debian/curl@7.88.1-10?arch=amd64)',
      '/components/14: library "left-pad" has no purl: skipped',
      '/components/16: purl type "generic" has no known ecosystem (pkg:generic/zlib@1.3): skipped',
    ]);
  });
  it('lets the caller name the asset', () => {
    const named = cycloneDxParser.parse(readTestdata(import.meta.url, 'container-os.cdx.json'), { assetName: 'api-prod' });
    assert.equal(named.asset.name, 'api-prod');
  });
});

const specCases = join(import.meta.dirname, 'testdata', 'spec-testcases-1.6');

/** The field each invalid-* spec case must be rejected with (the first schema violation). */
const invalidSpecCases: Record<string, string> = {
  'invalid-bomformat-1.6.json': '/bomFormat',
  'invalid-component-ref-1.6.json': '/components/1/bom-ref',
  'invalid-component-swid-1.6.json': '/components/0/swid/tagId',
  'invalid-component-type-1.6.json': '/components/0/type',
  'invalid-dependency-1.6.json': '/dependencies/0/ref',
  'invalid-empty-component-1.6.json': '/components/0/name',
  'invalid-hash-alg-1.6.json': '/components/0/hashes/0/alg',
  'invalid-hash-md5-1.6.json': '/components/0/hashes/0/content',
  'invalid-hash-sha1-1.6.json': '/components/0/hashes/1/content',
  'invalid-hash-sha256-1.6.json': '/components/0/hashes/2/content',
  'invalid-hash-sha512-1.6.json': '/components/0/hashes/3/content',
  'invalid-issue-type-1.6.json': '/components/0/pedigree/patches/0/resolves/0/type',
  'invalid-license-choice-1.6.json': '/components/0/licenses/0',
  'invalid-license-declared-concluded-mix-1.6.json': '/components/0/licenses/3/license',
  'invalid-license-encoding-1.6.json': '/components/0/licenses/0/license/text/encoding',
  'invalid-license-id-1.6.json': '/components/0/licenses/0/license/id',
  'invalid-license-missing-id-and-name-1.6.json': '/components/0/licenses/0/license/id',
  'invalid-metadata-license-1.6.json': '/metadata/licenses/0/license/id',
  'invalid-metadata-timestamp-1.6.json': '/metadata/timestamp',
  'invalid-missing-component-type-1.6.json': '/components/0/type',
  'invalid-patch-type-1.6.json': '/components/0/pedigree/patches/0/type',
  'invalid-properties-1.6.json': '/metadata/properties/0/name',
  'invalid-scope-1.6.json': '/components/0/scope',
  'invalid-serialnumber-1.6.json': '/serialNumber',
  'invalid-service-data-1.6.json': '/services/0/data/0/flow',
};

describe('CycloneDX 1.6 specification test cases', () => {
  const files = readdirSync(specCases).filter((f) => f.endsWith('.json')).sort();
  it('has every case of the suite (25 invalid, 45 valid)', () => {
    assert.equal(files.filter((f) => f.startsWith('invalid-')).length, 25);
    assert.equal(files.filter((f) => f.startsWith('valid-')).length, 45);
    assert.deepEqual(files.filter((f) => f.startsWith('invalid-')), Object.keys(invalidSpecCases).sort());
  });
  for (const file of files) {
    const text = readTestdata(import.meta.url, `spec-testcases-1.6/${file}`);
    const field = invalidSpecCases[file];
    if (field === undefined) {
      it(`accepts ${file}`, () => assert.doesNotThrow(() => cycloneDxParser.parse(text, { file, assetName: 'x' })));
    } else {
      it(`rejects ${file} at ${field}`, () => assertThrowsDomainError(() => cycloneDxParser.parse(text, { file, assetName: 'x' }), { code: 'E_CYCLONEDX_SCHEMA', field }));
    }
  }
});

const laravel = readTestdata(import.meta.url, 'laravel-7.12.0.bom.1.4.json');
const minimal = (extra: object) => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, ...extra }, null, 2);

const badInputs: { name: string; text: string; want: ExpectedError }[] = [
  { name: 'truncated JSON names the last line', text: laravel.slice(0, 5000), want: { code: 'E_JSON_INVALID', line: laravel.slice(0, 5000).split('\n').length } },
  { name: 'missing comma names its line', text: '{\n  "bomFormat": "CycloneDX"\n  "specVersion": "1.6"\n}', want: { code: 'E_JSON_INVALID', line: 3 } },
  { name: 'wrong bomFormat', text: laravel.replace('"bomFormat": "CycloneDX"', '"bomFormat": "SPDX"'), want: { code: 'E_CYCLONEDX_SCHEMA', field: '/bomFormat' } },
  { name: 'unsupported specVersion', text: minimal({ specVersion: '2.0' }), want: { code: 'E_CYCLONEDX_VERSION_UNSUPPORTED', field: '/specVersion' } },
  { name: 'specVersion missing', text: '{"bomFormat": "CycloneDX"}', want: { code: 'E_CYCLONEDX_SCHEMA', field: '/specVersion' } },
  { name: 'not an object', text: '[1, 2]', want: { code: 'E_CYCLONEDX_SCHEMA', field: '/' } },
  {
    name: 'purl that does not parse names its field',
    text: minimal({ components: [{ type: 'library', name: 'a', version: '1', purl: 'pkg:npm/a@1' }, { type: 'library', name: 'b', components: [{ type: 'library', name: 'c', version: '1', purl: 'npm/c@1' }] }] }),
    want: { code: 'E_PURL_INVALID', field: '/components/1/components/0/purl', message: 'npm/c@1' },
  },
];

describe('cycloneDxParser on bad input', () => {
  for (const c of badInputs) it(c.name, () => assertThrowsDomainError(() => cycloneDxParser.parse(c.text, { file: 'bad.json' }), c.want));
  it('never returns partial data: the error is thrown, not collected', () => {
    const c = badInputs.find((b) => b.want.code === 'E_PURL_INVALID');
    assert.throws(() => cycloneDxParser.parse(c!.text, {}), (e) => isDomainError(e));
  });
});

describe('vendored CycloneDX schemas', () => {
  const modules = ['bom-1.4', 'bom-1.5', 'bom-1.6', 'spdx', 'jsf-0.82'];
  for (const name of modules) {
    it(`${name}.schema.ts equals the upstream JSON`, { skip: skipWithoutShared() }, async () => {
      const mod = (await import(`./schema/${name}.schema.js`)) as { default: unknown };
      assert.deepEqual(mod.default, JSON.parse(readFeedFile(`sbom/cyclonedx/schema/${name}.schema.json`)));
    });
  }
});
