import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isDomainError } from '../../errors/domain-error.js';
import { compareDpkgFragment, dpkgScheme, formatDpkgVersion, parseDpkgVersion, type DpkgVersion } from './dpkg.scheme.js';

const testdata = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

/** dpkg-version-compare.tsv: a, b, expected, mode, origin (first line is the source note). */
const compareRows = testdata('dpkg-version-compare.tsv')
  .split('\n')
  .slice(2)
  .filter((line) => line !== '')
  .map((line) => {
    const [a = '', b = '', expected = '', mode = '', origin = ''] = line.split('\t');
    return { a, b, expected: Number(expected), mode, origin };
  });

interface ParseCase {
  input: string;
  result: string;
  epoch?: number;
  upstream?: string;
  revision?: string;
  origin: string;
}
const parseCases = (JSON.parse(testdata('dpkg-version-parse.json')) as { cases: ParseCase[] }).cases;

/**
 * Upstream versions that do not start with a digit: dpkg's parseversion only *warns* about them
 * and `dpkg --compare-versions` compares them anyway (Dpkg::Version->is_valid says no). We follow
 * the C tool, so these vectors are accepted on purpose.
 */
const ACCEPTED_NON_DIGIT_START: Record<string, DpkgVersion> = {
  '0:abc3-0': { epoch: 0, upstream: 'abc3', revision: '0' },
  'foo5.2': { epoch: 0, upstream: 'foo5.2', revision: '' },
  '0:foo5.2': { epoch: 0, upstream: 'foo5.2', revision: '' },
};

function assertInvalid(input: string): void {
  assert.throws(
    () => parseDpkgVersion(input),
    (e: unknown) => isDomainError(e) && e.code === 'E_VERSION_INVALID' && e.message.startsWith(`dpkg version "${input}": `),
  );
  assert.equal(dpkgScheme.isValid(input), false);
}

describe('dpkg vectors: compare (dpkg test suite)', () => {
  assert.equal(compareRows.length, 70);
  for (const row of compareRows) {
    it(`${row.a} vs ${row.b} = ${row.expected} [${row.mode}]`, () => {
      const got = row.mode === 'full' ? dpkgScheme.compare(row.a, row.b) : compareDpkgFragment(row.a, row.b);
      assert.equal(got, row.expected);
    });
  }
});

describe('dpkg vectors: parse (dpkg test suite)', () => {
  assert.equal(parseCases.length, 89);
  for (const c of parseCases) {
    it(`${JSON.stringify(c.input)} is ${c.result}`, () => {
      const accepted = ACCEPTED_NON_DIGIT_START[c.input];
      if (c.result === 'valid') {
        assert.deepEqual(parseDpkgVersion(c.input), { epoch: c.epoch, upstream: c.upstream, revision: c.revision });
      } else if (accepted) {
        assert.deepEqual(parseDpkgVersion(c.input), accepted);
      } else {
        assertInvalid(c.input);
      }
    });
  }
});

describe('dpkg parse: named cases', () => {
  const valid: { name: string; input: string; want: DpkgVersion }[] = [
    { name: 'Debian security update', input: '1:2.36-9+deb12u4', want: { epoch: 1, upstream: '2.36', revision: '9+deb12u4' } },
    { name: 'binNMU', input: '5.2.15-2+b2', want: { epoch: 0, upstream: '5.2.15', revision: '2+b2' } },
    { name: 'backport', input: '1.2~bpo12+1', want: { epoch: 0, upstream: '1.2~bpo12+1', revision: '' } },
    { name: 'epoch read like strtol: plus sign', input: '+1:0', want: { epoch: 1, upstream: '0', revision: '' } },
    { name: 'epoch read like strtol: minus zero', input: '-0:1', want: { epoch: 0, upstream: '1', revision: '' } },
    { name: 'epoch read like strtol: leading newline', input: '\n1:0', want: { epoch: 1, upstream: '0', revision: '' } },
    { name: 'largest epoch', input: '2147483647:1', want: { epoch: 2147483647, upstream: '1', revision: '' } },
    { name: 'upstream may start with a letter (warning only)', input: 'a1', want: { epoch: 0, upstream: 'a1', revision: '' } },
  ];
  for (const c of valid) it(c.name, () => assert.deepEqual(parseDpkgVersion(c.input), c.want));

  const invalid: { name: string; input: string; message: string }[] = [
    { name: 'empty', input: '', message: 'version string is empty' },
    { name: 'epoch overflows int', input: '2147483648:1', message: 'epoch in version is too big' },
    { name: 'epoch with letters', input: '1a:1', message: 'epoch in version is not number' },
    { name: 'no epoch digits', input: 'a:1', message: 'epoch in version is empty' },
    { name: 'negative epoch', input: '-1:0', message: 'epoch in version is negative' },
    { name: 'nothing after colon', input: '1:', message: 'nothing after colon in version number' },
    { name: 'empty revision', input: '1.0-', message: 'revision number is empty' },
    { name: 'empty upstream', input: '-1', message: 'upstream version is empty' },
    { name: 'embedded space', input: '1 2', message: 'version string has embedded spaces' },
    { name: 'underscore in upstream', input: '1_2', message: 'invalid character "_" in version number' },
    { name: 'colon in revision', input: '1:1-2:3', message: 'invalid character ":" in revision number' },
    { name: 'non-ASCII letter', input: '1.é', message: 'invalid character "é" in version number' },
  ];
  for (const c of invalid) {
    it(`rejects: ${c.name}`, () => {
      assert.throws(() => parseDpkgVersion(c.input), { code: 'E_VERSION_INVALID', message: `dpkg version "${c.input}": ${c.message}` });
    });
  }
});

describe('dpkg compare: named cases', () => {
  const cases: { name: string; a: string; b: string; want: -1 | 0 | 1 }[] = [
    { name: 'tilde before release', a: '1.0~rc1', b: '1.0', want: -1 },
    { name: 'tilde before end of revision', a: '1.0-1~bpo1', b: '1.0-1', want: -1 },
    { name: 'binNMU after plain revision', a: '1.0-1', b: '1.0-1+b1', want: -1 },
    { name: 'security update numbering is numeric', a: '2.36-9+deb12u9', b: '2.36-9+deb12u10', want: -1 },
    { name: 'epoch wins', a: '1:0.1', b: '9.9', want: 1 },
    { name: 'missing revision equals -0', a: '1.0', b: '1.0-0', want: 0 },
    { name: 'leading zeros ignored', a: '1.001', b: '1.1', want: 0 },
    { name: 'letters before non-letters', a: '1.0a', b: '1.0+', want: -1 },
    { name: 'surrounding blanks ignored', a: ' 1.0-1\t', b: '1.0-1', want: 0 },
    { name: 'huge digit runs compare by length', a: '1.99999999999999999999', b: '1.100000000000000000000', want: -1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(dpkgScheme.compare(c.a, c.b), c.want);
      assert.equal(dpkgScheme.compareParsed(dpkgScheme.parse(c.a), dpkgScheme.parse(c.b)), c.want);
    });
  }
  it('compare throws on an invalid side, even when both are equal', () => {
    assert.throws(() => dpkgScheme.compare('1.0_1', '1.0_1'), { code: 'E_VERSION_INVALID' });
    assert.throws(() => dpkgScheme.compare('1.0', '1.0-'), { code: 'E_VERSION_INVALID' });
  });
});

/** Versions of realistic Debian shape: optional epoch, upstream, optional revision. */
const fragment = (first: fc.Arbitrary<string>) =>
  fc
    .tuple(first, fc.array(fc.constantFrom('0', '1', '2', '9', '10', '007', '.', '+', '~', 'a', 'b', 'rc', 'deb', 'bpo', 'B'), { maxLength: 6 }))
    .map(([head, rest]) => head + rest.join(''));
const digitFirst = fc.constantFrom('0', '1', '2', '10', '2024');
const dpkgVersion = fc
  .tuple(fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fragment(digitFirst), fc.option(fragment(fc.constantFrom('1', '0', 'a', '2')), { nil: undefined }))
  .map(([epoch, upstream, revision]) => `${epoch === undefined ? '' : `${epoch}:`}${upstream}${revision === undefined ? '' : `-${revision}`}`);

describe('dpkg properties', () => {
  const cmp = dpkgScheme.compare;
  it('reflexive', () => fc.assert(fc.property(dpkgVersion, (v) => cmp(v, v) === 0)));
  it('antisymmetric', () => fc.assert(fc.property(dpkgVersion, dpkgVersion, (a, b) => cmp(a, b) === -cmp(b, a))));
  it('transitive: a sorted list is ordered pairwise', () =>
    fc.assert(
      fc.property(fc.array(dpkgVersion, { minLength: 2, maxLength: 10 }), (vs) => {
        const sorted = [...vs].sort(cmp);
        return sorted.every((a, i) => sorted.slice(i + 1).every((b) => cmp(a, b) <= 0));
      }),
    ));
  it('parse/format round trip', () =>
    fc.assert(
      fc.property(dpkgVersion, (v) => {
        const parsed = parseDpkgVersion(v);
        assert.equal(formatDpkgVersion(parsed), v);
        assert.deepEqual(parseDpkgVersion(formatDpkgVersion(parsed)), parsed);
      }),
    ));
  it('compare agrees with compareParsed', () =>
    fc.assert(fc.property(dpkgVersion, dpkgVersion, (a, b) => cmp(a, b) === dpkgScheme.compareParsed(parseDpkgVersion(a), parseDpkgVersion(b)))));
  it('appending ~x sorts before, appending +x after', () =>
    fc.assert(fc.property(dpkgVersion, (v) => cmp(`${v}~x`, v) === -1 && cmp(`${v}+x`, v) === 1)));
  it('an explicit 0: epoch changes nothing', () =>
    fc.assert(fc.property(dpkgVersion, dpkgVersion, (a, b) => a.includes(':') || cmp(`0:${a}`, b) === cmp(a, b))));
});
