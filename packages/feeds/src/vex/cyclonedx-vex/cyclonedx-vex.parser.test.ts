import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError, type VexStatement } from '@patchloop/core';
import { parseCycloneDxVex, type CycloneDxBomInput } from './cyclonedx-vex.parser.js';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): string => readFileSync(resolve(here, 'testdata', name), 'utf8');
const bomInput = (name: string): CycloneDxBomInput => ({ text: read(name), file: name });
const repoRoot = resolve(here, '../../../../..');
const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
const VEX_DIR = resolve(shared, 'feeds/sbom/cyclonedx/VEX');
const skip = existsSync(VEX_DIR) ? false : `CycloneDX VEX examples not found under ${VEX_DIR} (set PATCHLOOP_SHARED)`;

/** Statements per file of CycloneDX/bom-examples VEX/ (one per vulnerability with an analysis.state). */
const EXPECTED_COUNTS: Record<string, number> = {
  'vex.json': 1, 'bom.json': 0,
  'Use-Cases/Case-1/vex.json': 1, 'Use-Cases/Case-2/vex.json': 1, 'Use-Cases/Case-3/vex.json': 1, 'Use-Cases/Case-4/vex.json': 1,
  'Use-Cases/Case-5/vex.json': 2, 'Use-Cases/Case-6/vex.json': 1, 'Use-Cases/Case-7/vex.json': 1, 'Use-Cases/Case-8/vex.json': 1,
  'Use-Cases/Case-9/vex.json': 19, 'Use-Cases/Case-10/vex.json': 1, 'Use-Cases/Case-11/vex.json': 19, 'Use-Cases/Case-12/vex.json': 3,
  'Use-Cases/Case-13/vex.json': 2,
  'CISA-Use-Cases/Case-1/vex-affected.json': 1, 'CISA-Use-Cases/Case-1/vex-fixed.json': 1, 'CISA-Use-Cases/Case-1/vex-not_affected.json': 1,
  'CISA-Use-Cases/Case-1/vex-under_investigation.json': 1, 'CISA-Use-Cases/Case-2/vex.json': 19, 'CISA-Use-Cases/Case-3/vex.json': 19,
  'CISA-Use-Cases/Case-4/vex.json': 1, 'CISA-Use-Cases/Case-5/vex.json': 1, 'CISA-Use-Cases/Case-6/vex.json': 2, 'CISA-Use-Cases/Case-7/vex.json': 4,
  'CISA-Use-Cases/Case-8/vex.json': 8,
};

function parseShared(rel: string): VexStatement[] {
  const dir = dirname(join(VEX_DIR, rel));
  const boms = rel.includes('/') ? readdirSync(dir).filter((f) => /^bom-\d+\.json$/.test(f)).map((f) => ({ text: readFileSync(join(dir, f), 'utf8'), file: f })) : [];
  return parseCycloneDxVex(readFileSync(join(VEX_DIR, rel), 'utf8'), { file: rel, bom: boms });
}

describe('CycloneDX VEX: every use case of CycloneDX/bom-examples', { skip }, () => {
  for (const [rel, count] of Object.entries(EXPECTED_COUNTS)) it(`${rel}: ${count} statement(s)`, () => assert.equal(parseShared(rel).length, count));

  it('every BOM-link of the multi-BOM cases resolves to a companion BOM root', () => {
    for (const rel of ['Use-Cases/Case-6/vex.json', 'Use-Cases/Case-9/vex.json', 'Use-Cases/Case-13/vex.json', 'CISA-Use-Cases/Case-7/vex.json', 'CISA-Use-Cases/Case-8/vex.json']) {
      const refs = parseShared(rel).flatMap((s) => s.products.map((p) => p.bomRef ?? ''));
      assert.ok(refs.length > 0 && refs.every((r) => /^urn:cdx:[0-9a-f-]{36}\/1#(acme-)?product-/.test(r)), `${rel}: ${refs.join(', ')}`);
    }
  });

  it('CISA case 3: states mapped (in_triage, exploitable, resolved, not_affected)', () => {
    const byStatus = new Map<string, number>();
    for (const s of parseShared('CISA-Use-Cases/Case-3/vex.json')) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byStatus), { under_investigation: 5, not_affected: 6, affected: 5, fixed: 3 });
  });
});

describe('CycloneDX VEX: mapping', () => {
  it('jackson VEX: BOM-link whose BOM is not given falls back to the purl in the fragment; references become aliases', () => {
    const [s] = parseCycloneDxVex(read('jackson-vex.json'), { file: 'jackson-vex.json', bom: bomInput('jackson-bom.json') });
    assert.deepEqual(s, {
      vulnerabilityId: 'CVE-2020-25649',
      aliases: ['SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302'],
      products: [{ purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar', bomRef: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      originalJustification: 'code_not_reachable',
      impactStatement: 'Automated dataflow analysis and manual code review indicates that the vulnerable code is not reachable, either directly or indirectly.',
      actionStatement: 'Upgrade com.fasterxml.jackson.core:jackson-databind to version 2.6.7.4, 2.9.10.7, 2.10.5.1 or higher.',
      timestamp: '2021-10-26T00:00:00.000Z',
      provenance: { format: 'cyclonedx-vex', file: 'jackson-vex.json' },
    });
  });

  it('a bom-ref inside an embedded VEX BOM becomes a subcomponent of the BOM root, with purls', () => {
    const bom = JSON.parse(read('jackson-bom.json')) as Record<string, unknown>;
    const embedded = { ...bom, vulnerabilities: [{ id: 'CVE-2020-25649', analysis: { state: 'false_positive' }, affects: [{ ref: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar' }] }] };
    const [s] = parseCycloneDxVex(JSON.stringify(embedded), { file: 'embedded.json' });
    assert.equal(s?.status, 'not_affected');
    assert.equal(s?.originalStatus, 'false_positive');
    assert.deepEqual(s?.products, [{
      purl: 'pkg:maven/com.example/example-app@1.0.0?type=jar',
      bomRef: 'urn:cdx:5f0f0da9-c03d-47d8-b38d-009e6df67094/1#pkg:maven/com.example/example-app@1.0.0?type=jar',
      subcomponents: [{ purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar', bomRef: 'urn:cdx:5f0f0da9-c03d-47d8-b38d-009e6df67094/1#pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar' }],
    }]);
  });

  const states = [
    { file: 'cisa-case-1.vex-affected.json', status: 'affected', original: 'exploitable' },
    { file: 'cisa-case-1.vex-fixed.json', status: 'fixed', original: 'resolved' },
    { file: 'cisa-case-1.vex-not_affected.json', status: 'not_affected', original: undefined },
    { file: 'cisa-case-1.vex-under_investigation.json', status: 'under_investigation', original: 'in_triage' },
  ];
  for (const c of states) {
    it(`CISA case 1 ${c.file}: analysis.state -> ${c.status}`, () => {
      const [s] = parseCycloneDxVex(read(c.file), { file: c.file });
      assert.deepEqual([s?.status, s?.originalStatus, s?.timestamp], [c.status, c.original, '2022-03-03T00:00:00.000Z']);
    });
  }

  it('use case 1: the product is the document root, referenced by its local bom-ref', () => {
    const [s] = parseCycloneDxVex(read('use-case-1.vex.json'), { file: 'use-case-1.vex.json' });
    assert.deepEqual(s?.products, [{ bomRef: 'acme-product' }]);
  });

  it('use case 10: per-version detail is kept on the product', () => {
    const [s] = parseCycloneDxVex(read('use-case-10.vex.json'), { file: 'use-case-10.vex.json' });
    assert.equal(s?.products[0]?.versions?.length, 13);
    assert.deepEqual(s?.products[0]?.versions?.[0], { version: '2.2.0', status: 'unaffected' });
  });

  it('use case 13: BOM-links resolve only in the BOM with that serial number', () => {
    const statements = parseCycloneDxVex(read('use-case-13.vex.json'), { file: 'use-case-13.vex.json', bom: [1, 2, 3].map((i) => bomInput(`use-case-13.bom-${i}.json`)) });
    assert.deepEqual(statements.map((s) => [s.status, s.products.map((p) => p.bomRef?.split('#')[1])]), [
      ['not_affected', ['acme-product-1', 'acme-product-2']],
      ['affected', ['acme-product-3']],
    ]);
  });
});

describe('CycloneDX VEX: rejected input names file and place', () => {
  const vex = (vulnerability: object): string => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, vulnerabilities: [vulnerability] });
  const cases = [
    { name: 'invalid JSON: line of the error', text: '{\n "bomFormat": "CycloneDX",\n "vulnerabilities": [}\n', line: 3 },
    { name: 'not CycloneDX', text: JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0' }), field: '/bomFormat' },
    { name: 'vulnerabilities is not an array', text: JSON.stringify({ bomFormat: 'CycloneDX', vulnerabilities: {} }), field: '/vulnerabilities' },
    { name: 'unknown analysis.state', text: vex({ id: 'CVE-2024-1', analysis: { state: 'fine' }, affects: [{ ref: 'x' }] }), field: '/vulnerabilities/0/analysis/state' },
    { name: 'vulnerability without id', text: vex({ analysis: { state: 'in_triage' }, affects: [] }), field: '/vulnerabilities/0/id' },
    { name: 'affects entry without ref', text: vex({ id: 'CVE-2024-1', analysis: { state: 'in_triage' }, affects: [{}] }), field: '/vulnerabilities/0/affects/0/ref' },
    { name: 'bad version status', text: vex({ id: 'CVE-2024-1', analysis: { state: 'in_triage' }, affects: [{ ref: 'x', versions: [{ version: '1', status: 'maybe' }] }] }), field: '/vulnerabilities/0/affects/0/versions/0' },
    { name: 'bad lastUpdated', text: vex({ id: 'CVE-2024-1', analysis: { state: 'in_triage', lastUpdated: 'soon' }, affects: [] }), field: '/vulnerabilities/0/analysis/lastUpdated' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.throws(() => parseCycloneDxVex(c.text, { file: 'bad.json' }), (e: unknown) => {
      assert.ok(isDomainError(e), String(e));
      assert.equal(e.code, 'E_CYCLONEDX_VEX_INVALID');
      if (c.field !== undefined) assert.equal(e.location?.field, c.field);
      assert.equal(e.location?.file, 'bad.json');
      if (c.line !== undefined) assert.equal(e.location?.line, c.line);
      return true;
    }));
  }

  it('a vulnerability without analysis.state states nothing and is skipped', () => {
    assert.deepEqual(parseCycloneDxVex(vex({ id: 'CVE-2024-1', affects: [{ ref: 'x' }] }), { file: 'bom.json' }), []);
  });
});
