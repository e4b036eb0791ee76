import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  apkScheme,
  compareApkVersionsLenient,
  formatApkVersion,
  matchApkVersion,
  parseApkVersion,
  type ApkOperator,
  type ApkVersion,
} from './apk.scheme.js';

/** apk-version.tsv: kind, a, op, b, expect, comment (first line is the source note). */
const rows = readFileSync(new URL('./testdata/apk-version.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(2)
  .filter((line) => line !== '')
  .map((line) => {
    const [kind = '', a = '', op = '', b = '', expect = '', comment = ''] = line.split('\t');
    return { kind, a, op: op as ApkOperator, b, expect, comment };
  });
const compareRows = rows.filter((r) => r.kind === 'compare');
const validateRows = rows.filter((r) => r.kind === 'validate');
const FUZZY_OPS = new Set(['~', '<~', '>~']);
const ORDERING_OF: Record<string, number> = { '<': -1, '=': 0, '>': 1 };

describe('apk vectors: compare (apk-tools test/unit/version.data)', () => {
  assert.equal(compareRows.length, 754);
  for (const r of compareRows) {
    const bothValid = apkScheme.isValid(r.a) && apkScheme.isValid(r.b);
    const tags = [FUZZY_OPS.has(r.op) ? 'fuzzy' : '', bothValid ? '' : 'invalid side: apk compares it anyway'].filter(Boolean);
    it(`${r.a} ${r.op} ${r.b} is ${r.expect}${tags.length ? ` [${tags.join(', ')}]` : ''}`, () => {
      assert.equal(matchApkVersion(r.a, r.op, r.b), r.expect === 'true');
      const ordering = ORDERING_OF[r.op];
      if (ordering === undefined || r.expect !== 'true') return;
      assert.equal(compareApkVersionsLenient(r.a, r.b), ordering);
      if (bothValid) assert.equal(apkScheme.compare(r.a, r.b), ordering);
      else assert.throws(() => apkScheme.compare(r.a, r.b), { code: 'E_VERSION_INVALID' });
    });
  }
});

describe('apk vectors: validity (apk-tools test/unit/version.data)', () => {
  assert.equal(validateRows.length, 31);
  for (const r of validateRows) {
    it(`${JSON.stringify(r.a)} is ${r.expect}`, () => {
      assert.equal(apkScheme.isValid(r.a), r.expect === 'valid');
      if (r.expect === 'invalid') assert.throws(() => parseApkVersion(r.a), { code: 'E_VERSION_INVALID' });
    });
  }
});

describe('apk parse: named cases', () => {
  const cases: { name: string; input: string; want: Omit<ApkVersion, 'text'> }[] = [
    { name: 'plain', input: '1.2.3', want: { base: '1.2.3', suffixes: [], hash: undefined, revision: undefined } },
    { name: 'letter and revision', input: '1.1.1w-r0', want: { base: '1.1.1w', suffixes: [], hash: undefined, revision: '0' } },
    {
      name: 'two suffixes, hash, revision',
      input: '0.1_git20240101_pre1~1a2b-r3',
      want: { base: '0.1', suffixes: [{ name: 'git', number: '20240101' }, { name: 'pre', number: '1' }], hash: '1a2b', revision: '3' },
    },
    { name: 'suffix without number', input: '2.0_rc', want: { base: '2.0', suffixes: [{ name: 'rc', number: '' }], hash: undefined, revision: undefined } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(parseApkVersion(c.input), { text: c.input, ...c.want });
      assert.equal(formatApkVersion(c.want), c.input);
    });
  }

  const invalid: { name: string; input: string; message: string }[] = [
    { name: 'empty', input: '', message: 'version string is empty' },
    { name: 'starts with a letter', input: 'v1.0', message: 'must start with a digit' },
    { name: 'unknown suffix', input: '1.0_post1', message: 'unknown suffix (alpha beta pre rc cvs svn git hg p)' },
    { name: 'Debian-style revision', input: '1.0-1', message: 'a revision must be "-r" and digits' },
    { name: 'upper-case hash', input: '1.0~ABC', message: 'a "~" must be followed by a lowercase hex commit hash' },
    { name: 'two letters', input: '1.0ab', message: '"b" at offset 4 may not follow the letter' },
    { name: 'space', input: '1.0 ', message: 'invalid character " " at offset 3' },
  ];
  for (const c of invalid) {
    it(`rejects: ${c.name}`, () => {
      assert.throws(() => parseApkVersion(c.input), { code: 'E_VERSION_INVALID', message: `apk version "${c.input}": ${c.message}` });
    });
  }
});

describe('apk compare: named cases', () => {
  const cases: { name: string; a: string; b: string; want: -1 | 0 | 1 }[] = [
    { name: 'pre-release suffix before release', a: '1.0_rc1', b: '1.0', want: -1 },
    { name: 'post-release suffix after release', a: '1.0_p1', b: '1.0', want: 1 },
    { name: 'suffix order alpha < beta < pre < rc', a: '1.0_pre9', b: '1.0_rc1', want: -1 },
    { name: 'revision after release', a: '1.0-r1', b: '1.0', want: 1 },
    { name: 'revision before a post-release suffix', a: '1.0-r1', b: '1.0_p1', want: -1 },
    { name: 'letter after the bare number', a: '1.0a', b: '1.0', want: 1 },
    { name: 'leading zero makes a string comparison', a: '1.01', b: '1.1', want: -1 },
    { name: 'leading zeros: string order', a: '1.01', b: '1.001', want: 1 },
    { name: 'first number has no leading-zero rule', a: '007', b: '7', want: 0 },
    { name: 'commit hash sorts after its absence', a: '1.0~abc', b: '1.0', want: 1 },
    { name: 'commit hashes compare as strings', a: '1.0~abc-r1', b: '1.0~abd-r0', want: -1 },
    { name: 'numbers wrap like uint64 (source: apk_blob_pull_uint)', a: '1.18446744073709551616', b: '1.1', want: -1 },
    { name: 'long numbers below 2^64 compare exactly', a: '1.9007199254740993', b: '1.9007199254740992', want: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(apkScheme.compare(c.a, c.b), c.want);
      assert.equal(apkScheme.compareParsed(apkScheme.parse(c.a), apkScheme.parse(c.b)), c.want);
    });
  }
  it('compare throws on an invalid side, even when both are equal', () => {
    assert.throws(() => apkScheme.compare('1.0bc', '1.0bc'), { code: 'E_VERSION_INVALID' });
  });
  it('lenient compare: empty versions match anything, like apk', () => {
    assert.equal(matchApkVersion('', '<', '1.0'), true);
    assert.equal(matchApkVersion('', '=', ''), true);
  });
});

const PRE = ['alpha', 'beta', 'pre', 'rc'] as const;
const POST = ['cvs', 'svn', 'git', 'hg', 'p'] as const;
const number = fc.constantFrom('0', '1', '2', '9', '10', '01', '20240101');
const base = fc
  .tuple(number, fc.array(number, { maxLength: 3 }), fc.constantFrom('', '', 'a', 'z'))
  .map(([first, rest, letter]) => [first, ...rest].join('.') + letter);
const suffix = fc.tuple(fc.constantFrom(...PRE, ...POST), fc.constantFrom('', '1', '2', '10')).map(([name, n]) => `_${name}${n}`);
const apkVersion = fc
  .tuple(base, fc.array(suffix, { maxLength: 2 }), fc.constantFrom('', '', '~1a2b', '~ff'), fc.constantFrom('', '-r0', '-r1', '-r10'))
  .map((parts) => parts.flat().join(''));

describe('apk properties', () => {
  const cmp = apkScheme.compare;
  it('generated versions are valid', () => fc.assert(fc.property(apkVersion, (v) => apkScheme.isValid(v))));
  it('reflexive', () => fc.assert(fc.property(apkVersion, (v) => cmp(v, v) === 0)));
  it('antisymmetric', () => fc.assert(fc.property(apkVersion, apkVersion, (a, b) => cmp(a, b) === -cmp(b, a))));
  it('transitive: a sorted list is ordered pairwise', () =>
    fc.assert(
      fc.property(fc.array(apkVersion, { minLength: 2, maxLength: 10 }), (vs) => {
        const sorted = [...vs].sort(cmp);
        return sorted.every((a, i) => sorted.slice(i + 1).every((b) => cmp(a, b) <= 0));
      }),
    ));
  it('parse/format round trip', () =>
    fc.assert(
      fc.property(apkVersion, (v) => {
        const parsed = parseApkVersion(v);
        assert.equal(formatApkVersion(parsed), v);
        assert.deepEqual(parseApkVersion(formatApkVersion(parsed)), parsed);
      }),
    ));
  it('compare agrees with compareParsed and the lenient compare', () =>
    fc.assert(
      fc.property(apkVersion, apkVersion, (a, b) => {
        const want = cmp(a, b);
        return apkScheme.compareParsed(parseApkVersion(a), parseApkVersion(b)) === want && compareApkVersionsLenient(a, b) === want;
      }),
    ));
  it('base_pre < base < base_post, and base < base-r1', () =>
    fc.assert(
      fc.property(base, fc.constantFrom(...PRE), fc.constantFrom(...POST), (v, pre, post) =>
        cmp(`${v}_${pre}1`, v) === -1 && cmp(`${v}_${post}1`, v) === 1 && cmp(`${v}-r1`, v) === 1),
    ));
  it('a version fuzzy-matches its own prefix', () =>
    fc.assert(fc.property(base, apkVersion, (prefix, v) => !v.startsWith(`${prefix}.`) || matchApkVersion(v, '~', prefix))));
});
