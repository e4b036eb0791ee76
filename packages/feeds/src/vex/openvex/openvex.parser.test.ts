import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import { parseOpenVex } from './openvex.parser.js';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): string => readFileSync(resolve(here, 'testdata', name), 'utf8');

function assertRejected(text: string, file: string, want: { field?: string; line?: number; message: RegExp }): void {
  assert.throws(() => parseOpenVex(text, { file }), (e: unknown) => {
    assert.ok(isDomainError(e), String(e));
    assert.equal(e.code, 'E_OPENVEX_INVALID');
    assert.equal(e.location?.file, file);
    if (want.field !== undefined) assert.equal(e.location?.field, want.field);
    if (want.line !== undefined) assert.equal(e.location?.line, want.line);
    assert.match(e.message, want.message);
    return true;
  });
}

describe('OpenVEX: every go-vex testdata document', () => {
  const parsed = [
    { file: 'v0.0.1.json', statements: 1, first: { vulnerabilityId: 'CVE-2023-12345', status: 'fixed', purls: ['pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64'] } },
    { file: 'v0.0.1-noversion.json', statements: 1, first: { vulnerabilityId: 'CVE-2023-12345', status: 'fixed', purls: ['pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64'] } },
    { file: 'v001-1.vex.json', statements: 1, first: { vulnerabilityId: 'CVE-1234-5678', status: 'under_investigation', purls: ['pkg:apk/wolfi/bash@1.0.0'] } },
    { file: 'v001-2.vex.json', statements: 1, first: { vulnerabilityId: 'CVE-1234-5678', status: 'fixed', purls: ['pkg:apk/wolfi/bash@1.0.0'] } },
    { file: 'csaf-openvex.json', statements: 1, first: { vulnerabilityId: 'CVE-2014-123456', status: 'fixed', purls: ['pkg:apk/distro/git@2.39.0-r1?arch=armv7', 'pkg:apk/distro/git@2.39.0-r1?arch=x86_64'] } },
    { file: 'v0.2.0.json', statements: 5, first: { vulnerabilityId: 'CVE-2023-1255', status: 'fixed', purls: ['pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126'] } },
  ];
  for (const c of parsed) {
    it(`${c.file}: ${c.statements} statement(s)`, () => {
      const statements = parseOpenVex(read(c.file), { file: c.file });
      assert.equal(statements.length, c.statements);
      const first = statements[0]!;
      assert.deepEqual({ vulnerabilityId: first.vulnerabilityId, status: first.status, purls: first.products.map((p) => p.purl) }, c.first);
      assert.equal(first.provenance.file, c.file);
    });
  }

  const rejected = [
    { file: 'v020-1.vex.json', field: '/', message: /must have required property 'timestamp'.*must have required property 'version'/, why: 'v0.2.0 without the document timestamp and version the schema requires' },
    { file: 'v020-2.vex.json', field: '/', message: /must have required property 'timestamp'/, why: 'same as v020-1' },
    { file: 'csaf.json', field: '/document/csaf_version', message: /CSAF document, not OpenVEX/, why: 'a CSAF VEX document' },
    { file: 'csaf-input.json', field: '/document/csaf_version', message: /CSAF document, not OpenVEX/, why: 'a CSAF VEX document' },
    { file: 'vex.yaml', line: 1, message: /not valid JSON/, why: 'the YAML form is not read (JSON only)' },
  ];
  for (const c of rejected) it(`${c.file} is rejected: ${c.why}`, () => assertRejected(read(c.file), c.file, c));
});

describe('OpenVEX: v0.2.0 mapping (go-vex v0.2.0.json)', () => {
  const statements = parseOpenVex(read('v0.2.0.json'), { file: 'v0.2.0.json' });

  it('not_affected statement with justification, impact statement and subcomponents', () => {
    assert.deepEqual(statements[3], {
      vulnerabilityId: 'CVE-2023-3446',
      aliases: [],
      products: [{
        purl: 'pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126',
        subcomponents: [{ purl: 'pkg:apk/alpine/libssl3@3.0.8-r3' }, { purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r3' }],
      }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      impactStatement: 'affected functions were removed before packaging',
      timestamp: '2023-07-18T00:28:47.696Z',
      provenance: { format: 'openvex', documentId: 'https://openvex.dev/docs/public/vex-d4e9020b6d0d26f131d535e055902dd6ccf3e2088bce3079a8cd3588a4b14c78', author: 'The OpenVEX Project <openvex@openssf.org>', file: 'v0.2.0.json' },
    });
  });

  it('statement timestamps: the statement’s own, else the document’s (v001-1 has only statement times)', () => {
    assert.equal(parseOpenVex(read('v001-1.vex.json'), { file: 'v001-1.vex.json' })[0]?.timestamp, '2022-12-22T21:36:43.000Z');
  });
});

const V020 = (statement: object, extra: object = {}): string =>
  JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex-1', author: 'Acme PSIRT', timestamp: '2024-01-01T00:00:00Z', version: 1, statements: [statement], ...extra }, null, 2);
const PRODUCT = [{ '@id': 'pkg:npm/lodash@4.17.20' }];

describe('OpenVEX: v0.0.1 and v0.2.0 details', () => {
  it('aliases, identifiers.purl and a CPE @id', () => {
    const [s] = parseOpenVex(V020({ vulnerability: { name: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'] }, products: [{ identifiers: { purl: 'pkg:npm/lodash@4.17.20' } }, { '@id': 'cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:*:*:*' }], status: 'affected', action_statement: 'upgrade to 4.17.21' }), { file: 'x.json' });
    assert.deepEqual(s?.aliases, ['CVE-2021-23337']);
    assert.deepEqual(s?.products, [{ purl: 'pkg:npm/lodash@4.17.20' }, { id: 'cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:*:*:*' }]);
    assert.equal(s?.actionStatement, 'upgrade to 4.17.21');
  });

  it('v0.0.1 statement-level subcomponents move into every product', () => {
    const doc = { '@context': 'https://openvex.dev/ns', '@id': 'https://example.com/v1', author: 'a', statements: [{ vulnerability: 'CVE-2023-1', products: ['pkg:oci/app@sha256%3Aaa'], subcomponents: ['pkg:npm/x@1'], status: 'not_affected', justification: 'component_not_present' }] };
    const [s] = parseOpenVex(JSON.stringify(doc), { file: 'old.json' });
    assert.deepEqual(s?.products, [{ purl: 'pkg:oci/app@sha256%3Aaa', subcomponents: [{ purl: 'pkg:npm/x@1' }] }]);
    assert.equal(s?.timestamp, undefined);
  });
});

describe('OpenVEX: rejected input names file and place', () => {
  const cases = [
    { name: 'invalid JSON: line of the error', text: '{\n  "@context": "https://openvex.dev/ns/v0.2.0",\n  "author": "x",\n}', line: 4, message: /not valid JSON/ },
    { name: 'truncated JSON: last line', text: '{\n  "@context": "https://openvex.dev/ns/v0.2.0",\n  "statements": [', line: 3, message: /not valid JSON/ },
    { name: 'top level is an array', text: '[]', field: '/', message: /not a JSON object/ },
    { name: 'unknown @context', text: V020({}, { '@context': 'https://openvex.dev/ns/v9.9.9' }), field: '/@context', message: /unsupported OpenVEX @context/ },
    { name: 'unknown status', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'maybe' }), field: '/statements/0/status', message: /must be equal to one of the allowed values/ },
    { name: 'unknown justification', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'not_affected', justification: 'because' }), field: '/statements/0/justification', message: /allowed values/ },
    { name: 'not_affected without justification or impact statement', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'not_affected' }), field: '/statements/0', message: /required property 'justification'/ },
    { name: 'affected without action statement', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'affected' }), field: '/statements/0', message: /required property 'action_statement'/ },
    { name: 'vulnerability without name', text: V020({ vulnerability: {}, products: PRODUCT, status: 'fixed' }), field: '/statements/0/vulnerability', message: /required property 'name'/ },
    { name: 'unknown property', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'fixed', colour: 'red' }), field: '/statements/0', message: /unknown property "colour"/ },
    { name: 'document @id that is not an IRI reference', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'fixed' }, { '@id': 'has a space' }), field: '/@id', message: /must match format "iri"/ },
    { name: 'bad timestamp', text: V020({ vulnerability: { name: 'CVE-2024-1' }, products: PRODUCT, status: 'fixed', timestamp: 'yesterday' }), field: '/statements/0/timestamp', message: /date-time/ },
  ];
  for (const c of cases) it(c.name, () => assertRejected(c.text, 'bad.json', c));
});
