import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compareRpmFragment, formatRpmVersion, parseRpmVersion, rpmScheme, type RpmVersion } from './rpm.scheme.js';

/** rpm-vercmp.tsv: a, b, expected, enabled (first line is the source note). */
const rows = readFileSync(new URL('./testdata/rpm-vercmp.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(2)
  .filter((line) => line !== '')
  .map((line) => {
    const [a = '', b = '', expected = '', enabled = ''] = line.split('\t');
    return { a, b, expected: Number(expected), enabled: enabled === '1' };
  });

describe('rpm vectors: rpmvercmp.at (rpm test suite)', () => {
  assert.equal(rows.length, 103);
  for (const row of rows) {
    it(`${row.a} vs ${row.b} = ${row.expected}${row.enabled ? '' : ' [disabled upstream]'}`, (t) => {
      if (!row.enabled) {
        return t.skip('dnl-disabled upstream as "arguably buggy"; rpm.oracle.test.ts checks it against the real rpm instead');
      }
      assert.equal(rpmScheme.compare(row.a, row.b), row.expected);
    });
  }
});

describe('rpm parse: named cases', () => {
  const cases: { name: string; input: string; want: RpmVersion }[] = [
    { name: 'plain version', input: '1.0', want: { epoch: undefined, version: '1.0', release: undefined } },
    { name: 'full EVR', input: '1:2.4.57-5.el9_1.1', want: { epoch: '1', version: '2.4.57', release: '5.el9_1.1' } },
    { name: 'empty epoch reads as 0', input: ':1.0', want: { epoch: '0', version: '1.0', release: undefined } },
    { name: 'epoch digits kept as written', input: '007:1', want: { epoch: '007', version: '1', release: undefined } },
    { name: 'release after the last hyphen', input: '1-2-3', want: { epoch: undefined, version: '1-2', release: '3' } },
    { name: 'empty release is a release', input: '1.0-', want: { epoch: undefined, version: '1.0', release: '' } },
    { name: 'empty version', input: '1:', want: { epoch: '1', version: '', release: undefined } },
    { name: 'colon after non-digits is part of the version', input: 'a:1', want: { epoch: undefined, version: 'a:1', release: undefined } },
    { name: 'hyphen before the colon ends the version', input: '1-2:3', want: { epoch: undefined, version: '1', release: '2:3' } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(parseRpmVersion(c.input), c.want));

  const invalid: { name: string; input: string; message: string }[] = [
    { name: 'empty', input: '', message: 'version string is empty' },
    { name: 'NUL', input: '1\0', message: 'version string contains a NUL character' },
  ];
  for (const c of invalid) {
    it(`rejects: ${c.name}`, () => {
      assert.throws(() => parseRpmVersion(c.input), { code: 'E_VERSION_INVALID', message: `rpm version "${c.input}": ${c.message}` });
      assert.equal(rpmScheme.isValid(c.input), false);
    });
  }
});

describe('rpm compare: named cases (as rpm.vercmp says on rpm 4.18)', () => {
  const cases: { name: string; a: string; b: string; want: -1 | 0 | 1 }[] = [
    { name: 'missing release sorts before any release', a: '1.0', b: '1.0-1', want: -1 },
    { name: 'missing release sorts before an empty one', a: '1', b: '1-', want: -1 },
    { name: 'empty release before a real one', a: '1-', b: '1-0', want: -1 },
    { name: 'missing epoch is 0', a: '0:1.0-1', b: '1.0-1', want: 0 },
    { name: 'empty epoch is 0', a: ':1', b: '0:1', want: 0 },
    { name: 'epoch compared like a version', a: '01:1', b: '1:1', want: 0 },
    { name: 'epoch wins', a: '1:1.0', b: '2.0', want: 1 },
    { name: 'tilde before the bare version', a: '1.0~rc1-1', b: '1.0-1', want: -1 },
    { name: 'caret after the bare version', a: '1.0^git1', b: '1.0', want: 1 },
    { name: 'caret before anything appended', a: '1.0^git1', b: '1.0.1', want: -1 },
    { name: 'tilde before caret', a: '1.0~', b: '1.0^', want: -1 },
    { name: 'letters before numbers', a: 'x1', b: '1', want: -1 },
    { name: 'separators are all alike', a: '1_0+1', b: '1.0.1', want: 0 },
    { name: 'leading space is a separator', a: ' 1', b: '1', want: 0 },
    { name: 'non-ASCII letters are separators', a: '1.1.α', b: '1.1.β', want: 0 },
    { name: 'huge numbers by length, leading zeros dropped', a: '1.000100000000000000000000', b: '1.99999999999999999999', want: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(rpmScheme.compare(c.a, c.b), c.want);
      assert.equal(rpmScheme.compareParsed(rpmScheme.parse(c.a), rpmScheme.parse(c.b)), c.want);
    });
  }
  it('compareRpmFragment is plain rpmvercmp (no EVR split)', () => {
    assert.equal(compareRpmFragment('1-2', '1-10'), -1);
    assert.equal(compareRpmFragment('2:1', '10:0'), -1);
  });
});

const piece = fc.constantFrom('0', '1', '2', '9', '10', '007', '.', '_', '+', '~', '^', 'a', 'b', 'rc', 'el', 'fc', 'git', 'Z');
const fragment = (first: fc.Arbitrary<string>) =>
  fc.tuple(first, fc.array(piece, { maxLength: 6 })).map(([head, rest]) => head + rest.join(''));
const rpmVersion = fc
  .tuple(
    fc.option(fc.constantFrom('0', '1', '2', '10'), { nil: undefined }),
    fragment(fc.constantFrom('0', '1', '2', '10', '2024', 'a')),
    fc.option(fragment(fc.constantFrom('0', '1', '2', '0.1')), { nil: undefined }),
  )
  .map(([epoch, version, release]) => `${epoch === undefined ? '' : `${epoch}:`}${version}${release === undefined ? '' : `-${release}`}`);

describe('rpm properties', () => {
  const cmp = rpmScheme.compare;
  it('reflexive', () => fc.assert(fc.property(rpmVersion, (v) => cmp(v, v) === 0)));
  it('antisymmetric', () => fc.assert(fc.property(rpmVersion, rpmVersion, (a, b) => cmp(a, b) === -cmp(b, a))));
  it('transitive: a sorted list is ordered pairwise', () =>
    fc.assert(
      fc.property(fc.array(rpmVersion, { minLength: 2, maxLength: 10 }), (vs) => {
        const sorted = [...vs].sort(cmp);
        return sorted.every((a, i) => sorted.slice(i + 1).every((b) => cmp(a, b) <= 0));
      }),
    ));
  it('parse/format round trip', () =>
    fc.assert(
      fc.property(rpmVersion, (v) => {
        const parsed = parseRpmVersion(v);
        assert.equal(formatRpmVersion(parsed), v);
        assert.deepEqual(parseRpmVersion(formatRpmVersion(parsed)), parsed);
      }),
    ));
  it('compare agrees with compareParsed', () =>
    fc.assert(fc.property(rpmVersion, rpmVersion, (a, b) => cmp(a, b) === rpmScheme.compareParsed(parseRpmVersion(a), parseRpmVersion(b)))));
  it('v~x < v < v^x < v.1', () =>
    fc.assert(fc.property(rpmVersion, (v) => cmp(`${v}~x`, v) === -1 && cmp(`${v}^x`, v) === 1 && cmp(`${v}^x`, `${v}.1`) === -1)));
});
