import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requirementsParser } from './requirements.parser.js';
import { splitRequirementLines } from './requirements.lines.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';
import { readTestdata } from '../testing/shared-feeds.js';

const parse = (text: string) => requirementsParser.parse(text, { file: 'requirements.txt' });
const names = (text: string) => parse(text).packages.map((p) => `${p.name}==${p.version}`);

describe('splitRequirementLines', () => {
  it('joins continuations, keeps the first line number, drops comments', () => {
    const text = '# header\nfoo==1 \\\n    --hash=sha256:ab \\\n    --hash=sha256:cd\n    # via bar\n\nbar==2  # why\nurl @ https://x.org/a.zip#egg=url\n';
    assert.deepEqual(splitRequirementLines(text), [
      { line: 2, text: 'foo==1      --hash=sha256:ab      --hash=sha256:cd' },
      { line: 7, text: 'bar==2' },
      { line: 8, text: 'url @ https://x.org/a.zip#egg=url' },
    ]);
  });
});

describe('requirementsParser on fixtures', () => {
  it('pygoat (real): 34 pinned lines -> 34 PyPI packages, PEP 503 names', () => {
    const snapshot = requirementsParser.parse(readTestdata(import.meta.url, 'pygoat.requirements.txt'), { file: 'pygoat/requirements.txt' });
    assert.equal(snapshot.packages.length, 34);
    assert.deepEqual(snapshot.warnings, []);
    assert.deepEqual(snapshot.asset, { name: 'pygoat/requirements.txt', kind: 'application', source: 'lockfile:requirements' });
    const django = snapshot.packages.find((p) => p.name === 'django');
    assert.deepEqual(django, { ecosystem: 'PyPI', name: 'django', version: '4.2', purl: 'pkg:pypi/django@4.2' });
    assert.ok(snapshot.packages.some((p) => p.name === 'pyyaml' && p.version === '5.1'));
  });
  it('pip-compile output with hashes, extras, a marker and inline comments', () => {
    const snapshot = parse(readTestdata(import.meta.url, 'pip-compile.requirements.txt'));
    assert.deepEqual(snapshot.packages.map((p) => `${p.name}==${p.version}`), [
      'certifi==2024.2.2', 'charset-normalizer==3.3.2', 'idna==3.7', 'requests==2.31.0', 'typing-extensions==4.11.0', 'urllib3==2.2.1', 'zope-interface==6.3',
    ]);
    assert.deepEqual(snapshot.warnings, ['line 23: typing_extensions applies only where "python_version < "3.12"" holds: listed anyway']);
  });
  it('mixed top-level file: only exact pins are packages, everything else is a warning naming the line', () => {
    const snapshot = parse(readTestdata(import.meta.url, 'mixed.requirements.txt'));
    assert.deepEqual(snapshot.packages.map((p) => `${p.name}==${p.version}`), ['django==4.2.11', 'legacy-api==1.0-custom']);
    assert.deepEqual(snapshot.warnings.map((w) => w.split(':')[0]), ['line 2', 'line 3', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9', 'line 10']);
    assert.match(snapshot.warnings[2] ?? '', /djangorestframework is not pinned \(>=3.14,<4\)/);
  });
});

const lineCases: { name: string; line: string; want: string[] }[] = [
  { name: 'extras', line: 'requests[security]==2.31.0', want: ['requests==2.31.0'] },
  { name: 'spaces around ==', line: 'Flask == 3.0.0', want: ['flask==3.0.0'] },
  { name: 'parenthesised PEP 508 spec', line: 'six (==1.16.0)', want: ['six==1.16.0'] },
  { name: 'runs of -_. normalised', line: 'Foo__Bar..baz==1', want: ['foo-bar-baz==1'] },
  { name: 'local version', line: 'torch==2.2.0+cu121', want: ['torch==2.2.0+cu121'] },
  { name: 'index option only', line: '--index-url https://pypi.org/simple', want: [] },
  { name: 'wildcard is not a pin', line: 'numpy==1.26.*', want: [] },
];

describe('requirementsParser line by line', () => {
  for (const c of lineCases) it(c.name, () => assert.deepEqual(names(c.line), c.want));
});

const badLines: { name: string; text: string; line: number }[] = [
  { name: 'garbage', text: 'django==4.2\n\n!!! not a requirement', line: 3 },
  { name: 'operator without version', text: '# c\nflask==', line: 2 },
  { name: 'single =', text: 'flask=3.0', line: 1 },
  { name: 'unknown option', text: 'a==1\n--frobnicate', line: 2 },
  { name: 'unknown per-requirement option on a continued line', text: 'a==1\nb==2 \\\n  --frob=1', line: 2 },
  { name: 'empty marker', text: 'a==1 ;', line: 1 },
  { name: 'bad extras', text: 'a[b c]==1', line: 1 },
];

describe('requirementsParser on bad lines', () => {
  for (const c of badLines) it(c.name, () => assertThrowsDomainError(() => parse(c.text), { code: 'E_REQUIREMENT_INVALID', line: c.line }));
});
