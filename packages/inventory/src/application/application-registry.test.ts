import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicationParsers, detectApplicationFormat, parseApplicationFile } from './application-registry.js';
import type { ApplicationFormat } from './application-parser.js';
import { assertThrowsDomainError } from './testing/assert-domain-error.js';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, path), 'utf8');

/** Every fixture is detected from its content alone (no file name), and with its usual file name. */
const detectionCases: { name: string; path: string; fileName: string; want: ApplicationFormat }[] = [
  { name: 'CycloneDX 1.2', path: 'cyclonedx/testdata/cern-lhc-vdm-editor.bom.1.2.json', fileName: 'bom.json', want: 'cyclonedx' },
  { name: 'CycloneDX 1.6', path: 'cyclonedx/testdata/container-os.cdx.json', fileName: 'bom.cdx.json', want: 'cyclonedx' },
  { name: 'SPDX 2.3', path: 'spdx/testdata/SPDXJSONExample-v2.3.spdx.json', fileName: 'x.spdx.json', want: 'spdx' },
  { name: 'SPDX 2.2', path: 'spdx/testdata/appbomination.spdx.json', fileName: 'x.spdx.json', want: 'spdx' },
  { name: 'npm lock v3', path: 'npm-lock/testdata/workspace-v3.package-lock.json', fileName: 'package-lock.json', want: 'npm-lock' },
  { name: 'npm lock v1', path: 'npm-lock/testdata/legacy-v1.package-lock.json', fileName: 'npm-shrinkwrap.json', want: 'npm-lock' },
  { name: 'poetry 1.1 lock', path: 'poetry-lock/testdata/full-stack-fastapi.poetry.lock', fileName: 'poetry.lock', want: 'poetry-lock' },
  { name: 'poetry 2 lock', path: 'poetry-lock/testdata/poetry2-groups.poetry.lock', fileName: 'poetry.lock', want: 'poetry-lock' },
  { name: 'pinned requirements', path: 'requirements/testdata/pygoat.requirements.txt', fileName: 'requirements.txt', want: 'requirements' },
  { name: 'pip-compile requirements', path: 'requirements/testdata/pip-compile.requirements.txt', fileName: 'requirements-dev.txt', want: 'requirements' },
];

describe('detectApplicationFormat', () => {
  for (const c of detectionCases) {
    it(`${c.name} from content`, () => assert.equal(detectApplicationFormat(fixture(c.path)), c.want));
    it(`${c.name} with file name ${c.fileName}`, () => assert.equal(detectApplicationFormat(fixture(c.path), c.fileName), c.want));
  }
  const unknown: [string, string][] = [
    ['a package.json', '{"name": "x", "version": "1.0.0", "dependencies": {"a": "^1"}}'],
    ['an SPDX 3.0 JSON-LD document', '{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}'],
    ['prose', 'Hello,\nthis is not a lockfile.\n'],
    ['an empty text', ''],
  ];
  for (const [name, text] of unknown) it(`nothing for ${name}`, () => assert.equal(detectApplicationFormat(text), undefined));
});

describe('parseApplicationFile', () => {
  it('detects and parses', () => {
    const snapshot = parseApplicationFile(fixture('npm-lock/testdata/legacy-v1.package-lock.json'), { file: 'package-lock.json' });
    assert.equal(snapshot.asset.source, 'lockfile:npm');
    assert.equal(snapshot.packages.length, 4);
  });
  it('uses the given format without detecting', () => {
    const snapshot = parseApplicationFile('flask==3.0.0\n', { format: 'requirements', assetName: 'svc' });
    assert.deepEqual(snapshot.packages.map((p) => p.name), ['flask']);
  });
  it('throws E_FORMAT_UNKNOWN naming the file when nothing matches', () => {
    assertThrowsDomainError(() => parseApplicationFile('{"name": "x"}', { file: 'package.json' }), { code: 'E_FORMAT_UNKNOWN', message: 'package.json' });
  });
  it('throws E_ASSET_NAME_MISSING when neither document, file nor caller names the asset', () => {
    assertThrowsDomainError(() => parseApplicationFile('flask==3.0.0\n', { format: 'requirements' }), { code: 'E_ASSET_NAME_MISSING' });
  });
  it('registers every format under its own name', () => {
    for (const [format, parser] of Object.entries(applicationParsers)) assert.equal(parser.format, format);
  });
});
