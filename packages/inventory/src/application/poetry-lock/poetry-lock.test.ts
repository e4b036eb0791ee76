import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { poetryLockParser, packageHeaderLines } from './poetry-lock.parser.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';
import type { ExpectedError } from '../testing/assert-domain-error.js';
import { readTestdata } from '../testing/shared-feeds.js';

const fastapi = readTestdata(import.meta.url, 'full-stack-fastapi.poetry.lock');

describe('poetryLockParser on fixtures', () => {
  it('full-stack-fastapi (real, poetry 1.1): 84 [[package]] (16 dev) -> 84 PyPI packages', () => {
    const snapshot = poetryLockParser.parse(fastapi, { file: 'poetry.lock', assetName: 'fastapi-backend' });
    assert.equal(snapshot.packages.length, 84);
    assert.deepEqual(snapshot.warnings, []);
    assert.deepEqual(snapshot.asset, { name: 'fastapi-backend', kind: 'application', source: 'lockfile:poetry' });
    assert.deepEqual(snapshot.packages[0], { ecosystem: 'PyPI', name: 'alembic', version: '1.6.5', purl: 'pkg:pypi/alembic@1.6.5' });
    assert.ok(snapshot.packages.some((p) => p.name === 'appdirs' && p.version === '1.4.4'), 'dev packages are listed');
  });
  it('poetry 2 groups: directory package skipped, git package kept, names normalised', () => {
    const snapshot = poetryLockParser.parse(readTestdata(import.meta.url, 'poetry2-groups.poetry.lock'), { file: 'poetry.lock' });
    assert.deepEqual(snapshot.packages.map((p) => `${p.name}==${p.version}`), ['annotated-types==0.7.0', 'pytest==8.2.0', 'typing-extensions==4.11.0', 'yarl==1.9.5.dev0']);
    assert.deepEqual(snapshot.warnings.map((w) => w.split(':')[0]), ['line 15', 'line 49']);
  });
  it('finds the line of every [[package]] header', () => {
    assert.deepEqual(packageHeaderLines('a = 1\n[[package]]\nname = "x"\n\n[[package]]\n'), [2, 5]);
    assert.equal(packageHeaderLines(fastapi).length, 84);
  });
});

const badInputs: { name: string; text: string; want: ExpectedError }[] = [
  { name: 'unterminated string names its line', text: '[[package]]\nname = "alembic\nversion = "1.6.5"\n', want: { code: 'E_TOML_INVALID', line: 2 } },
  { name: 'broken table header deep in a real file', text: fastapi.replace('[[package]]\nname = "click"', '[[package]\nname = "click"'), want: { code: 'E_TOML_INVALID', line: fastapi.split('\n').findIndex((l, i, all) => l === '[[package]]' && all[i + 1] === 'name = "click"') + 1 } },
  { name: 'package without version names line and field', text: '[[package]]\nname = "a"\nversion = "1"\n\n[[package]]\nname = "b"\n', want: { code: 'E_POETRY_LOCK_INVALID', line: 5, field: 'package[1].version' } },
  { name: 'no [[package]] at all', text: '[metadata]\nlock-version = "2.1"\n', want: { code: 'E_POETRY_LOCK_INVALID', field: 'package' } },
];

describe('poetryLockParser on bad input', () => {
  for (const c of badInputs) it(c.name, () => assertThrowsDomainError(() => poetryLockParser.parse(c.text, { file: 'poetry.lock' }), c.want));
});
