import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spdxParser } from './spdx.parser.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';
import type { ExpectedError } from '../testing/assert-domain-error.js';
import { readFeedFile, readTestdata, skipWithoutShared } from '../testing/shared-feeds.js';

const testdata = (name: string) => () => readTestdata(import.meta.url, name);

/** Real documents; expected packages were read off the files (jq '.packages[] | .externalRefs'). */
const realDocs: { name: string; read: () => string; shared?: boolean; asset: string; packages: string[]; warnings: number }[] = [
  { name: 'SPDX 2.3 spec example: glibc is described, one Maven purl', read: testdata('SPDXJSONExample-v2.3.spdx.json'), asset: 'glibc', packages: ['Maven org.apache.jena:apache-jena 3.12.0'], warnings: 2 },
  {
    name: 'example11 (2.3): described deb package is the asset, cargo crates are packages',
    read: testdata('example11-hello-server.spdx.json'), asset: 'hello-server-src', warnings: 0,
    packages: ['crates.io hyper 0.14', 'crates.io tokio 1.19.2', 'crates.io pretty_env_logger 0.4.0'],
  },
  {
    name: 'appbomination (2.2): Maven purls, purl-less packages warned',
    read: testdata('appbomination.spdx.json'), asset: 'App-BOM-ination', warnings: 2,
    packages: ['Maven org.hamcrest:hamcrest-core 1.3', 'Maven org.apache.commons:commons-lang3 3.4', 'Maven junit:junit 4.12', 'Maven org.slf4j:slf4j-api 1.7.21'],
  },
  { name: 'ACME (2.3): pkg:alpine is no purl type, skipped with a warning', read: testdata('ACME-v2.3.spdx.json'), asset: 'Acme Applcation', packages: ['npm elliptic 6.5.2'], warnings: 2 },
];

describe('spdxParser on real documents', () => {
  for (const c of realDocs) {
    it(c.name, { skip: c.shared ? skipWithoutShared() : false }, () => {
      const snapshot = spdxParser.parse(c.read(), { file: c.name });
      assert.deepEqual(snapshot.asset, { name: c.asset, kind: 'application', source: 'sbom:spdx' });
      assert.deepEqual(snapshot.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version}`), c.packages);
      assert.equal(snapshot.warnings.length, c.warnings, snapshot.warnings.join('\n'));
    });
  }
  it('npm sbom of hackathon-starter (2.3): 807 packages, the described root is the asset -> 806', { skip: skipWithoutShared() }, () => {
    const snapshot = spdxParser.parse(readFeedFile('lockfiles/npm/hackathon-starter/hackathon-starter.spdx.json'), {});
    assert.equal(snapshot.asset.name, 'hackathon-starter');
    assert.equal(snapshot.packages.length, 806);
    assert.deepEqual(snapshot.warnings, []);
  });
});

const example = readTestdata(import.meta.url, 'example11-hello-server.spdx.json');

const badInputs: { name: string; text: string; want: ExpectedError }[] = [
  { name: 'truncated JSON names the last line', text: example.slice(0, 900), want: { code: 'E_JSON_INVALID', line: example.slice(0, 900).split('\n').length } },
  { name: 'SPDX 3.0 is not this parser', text: example.replace('"SPDX-2.3"', '"SPDX-3.0"'), want: { code: 'E_SPDX_VERSION_UNSUPPORTED', field: '/spdxVersion' } },
  { name: 'schema violation names the pointer', text: example.replace('"SPDXID": "SPDXRef-DOCUMENT"', '"SPDXID": 7'), want: { code: 'E_SPDX_SCHEMA', field: '/SPDXID' } },
  {
    name: 'purl that does not parse names its field',
    text: example.replace('pkg:cargo/tokio@1.19.2', 'cargo/tokio@1.19.2'),
    want: { code: 'E_PURL_INVALID', field: '/packages/2/externalRefs/0/referenceLocator' },
  },
];

describe('spdxParser on bad input', () => {
  for (const c of badInputs) it(c.name, () => assertThrowsDomainError(() => spdxParser.parse(c.text, { file: 'bad.spdx.json' }), c.want));
});

describe('vendored SPDX schema', () => {
  it('spdx-schema.ts equals the upstream JSON', { skip: skipWithoutShared() }, async () => {
    const mod = (await import('./schema/spdx-schema.js')) as { default: unknown };
    assert.deepEqual(mod.default, JSON.parse(readFeedFile('sbom/spdx/spec-2.3/spdx-schema.json')));
  });
});
