import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isDomainError } from '../../errors/domain-error.js';
import type { Ordering } from '../version-scheme.js';
import { mavenScheme } from './maven.scheme.js';

interface VectorPair {
  a: string;
  b: string;
  expected: Ordering;
  test: string;
}
interface Vectors {
  ordered_lists: Record<string, string[]>;
  pairs: VectorPair[];
}
interface Override {
  a: string;
  b: string;
  expected: Ordering;
  why: string;
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as T;
const vectors = readJson<Vectors>('maven-comparableversion.json');
const overrides = readJson<{ overrides: Override[] }>('jar-3.8.7-overrides.json').overrides;
const overrideOf = (a: string, b: string): Override | undefined => overrides.find((o) => o.a === a && o.b === b);

// Named cases, each checked against the 3.8.7 jar with testdata/MavenCompare.java.
const cases: { name: string; a: string; b: string; want: Ordering }[] = [
  { name: 'trailing zeros are dropped', a: '1', b: '1.0.0', want: 0 },
  { name: 'ga, final and release are the release itself', a: '1-ga', b: '1.0.0-final', want: 0 },
  { name: 'release qualifier after a dot', a: '1.release', b: '1', want: 0 },
  { name: 'sp sorts after the release', a: '1-sp', b: '1-ga', want: 1 },
  { name: 'a1 is alpha-1', a: '1-a1', b: '1-alpha-1', want: 0 },
  { name: 'a without a number is an unknown qualifier', a: '1-a', b: '1-alpha', want: 1 },
  { name: 'cr is rc', a: '1.0-cr1', b: '1.0-rc1', want: 0 },
  { name: 'qualifiers are case-insensitive', a: '1.0-SNAPSHOT', b: '1.0-snapshot', want: 0 },
  { name: 'snapshot sorts before the release', a: '1.0-SNAPSHOT', b: '1.0', want: -1 },
  { name: 'unknown qualifiers sort after sp', a: '1-sp', b: '1-abc', want: -1 },
  { name: 'unknown qualifiers sort lexically', a: '1-abc', b: '1-abd', want: -1 },
  { name: 'a number beats a qualifier', a: '1.0.1', b: '1.0-sp', want: 1 },
  { name: "'-1' is a sub-list below '.1'", a: '1-1', b: '1.1', want: -1 },
  { name: 'dot or dash before a trailing qualifier is the same (MNG-7644)', a: '2.0.alpha', b: '2-alpha', want: 0 },
  { name: 'digit to letter transition is a sub-list', a: '1rc1', b: '1-rc-1', want: 0 },
  { name: 'leading zeros are ignored', a: '1.010', b: '1.10', want: 0 },
  { name: 'numbers past 64 bits', a: '1.12345678901234567890', b: '1.12345678901234567891', want: -1 },
  { name: 'ten zeros are a Long zero, above an Int zero', a: '1.0000000000.1', b: '1.0.1', want: 1 },
  { name: 'Unicode digits are digits in 3.8.7', a: '1.٣', b: '1.3', want: 0 },
  { name: 'empty segments are zero', a: '1..1', b: '1.0.1', want: 0 },
];

describe('mavenScheme named cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(mavenScheme.compare(c.a, c.b), c.want);
      assert.equal(mavenScheme.compare(c.b, c.a), -c.want || 0);
    });
  }
});

describe('mavenScheme parse', () => {
  it('rejects the empty string with E_VERSION_INVALID', () => {
    assert.throws(() => mavenScheme.parse(''), (e) => isDomainError(e) && e.code === 'E_VERSION_INVALID' && /maven version ""/.test(e.message));
    assert.equal(mavenScheme.isValid(''), false);
  });
  it('accepts any other string', () => {
    for (const v of ['-', '.', 'x', '1', ' 1 ', 'ä', '1..-']) assert.equal(mavenScheme.isValid(v), true, v);
  });
  it('survives deeply nested versions without recursion', () => {
    const deep = Array.from({ length: 50_000 }, () => '1').join('-');
    assert.equal(mavenScheme.compare(deep, `${deep}-1`), -1);
  });
});

describe('maven vectors (apache/maven ComparableVersionTest, with 3.8.7 jar overrides)', () => {
  it('every override names a vector pair', () => {
    for (const o of overrides) assert.ok(vectors.pairs.some((p) => p.a === o.a && p.b === o.b), `${o.a} vs ${o.b}`);
  });
  for (const p of vectors.pairs) {
    const want = overrideOf(p.a, p.b)?.expected ?? p.expected;
    it(`${p.test}: ${p.a} vs ${p.b} = ${want}`, () => {
      assert.equal(mavenScheme.compare(p.a, p.b), want);
      assert.equal(mavenScheme.compare(p.b, p.a), -want || 0);
    });
  }
  for (const [name, list] of Object.entries(vectors.ordered_lists)) {
    it(`${name}: every earlier entry is less than every later entry`, () => {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) assert.equal(mavenScheme.compare(list[i]!, list[j]!), -1, `${list[i]} < ${list[j]}`);
      }
    });
  }
});

const token = fc.constantFrom('0', '1', '2', '10', '01', 'alpha', 'a', 'b1', 'rc', 'cr', 'snapshot', 'ga', 'final', 'sp', 'abc', 'X', '');
const separator = fc.constantFrom('.', '-', '');
/** Any mix of tokens and separators: reflexivity and antisymmetry hold on every string. */
const anyVersion = fc
  .tuple(token, fc.array(fc.tuple(separator, token), { maxLength: 5 }))
  .map(([first, rest]) => first + rest.map(([s, t]) => s + t).join(''))
  .filter((v) => v !== '');

const number = fc.constantFrom('0', '1', '2', '10', '01', '123');
const qualifier = fc.constantFrom('alpha', 'a', 'beta', 'b', 'm', 'rc', 'cr', 'snapshot', 'ga', 'final', 'sp', 'abc', 'RC', 'jre');
const suffix = fc.oneof(
  fc.tuple(qualifier, fc.constantFrom('', '-', '.'), fc.option(number, { nil: '' })).map(([q, s, n]) => `-${q}${n === '' ? '' : s + n}`),
  number.map((n) => `-${n}`),
);
/**
 * Conventional versions (numbers, then at most one '-'-led suffix): where Maven's order is
 * transitive. With two suffixes a vanishing one ('-ga-') already makes cycles, see below.
 */
const conventionalVersion = fc
  .tuple(fc.array(number, { minLength: 1, maxLength: 4 }), fc.array(suffix, { maxLength: 1 }))
  .map(([release, suffixes]) => release.join('.') + suffixes.join(''));

function isTransitive(a: string, b: string, c: string): boolean {
  const [x, y, z] = [a, b, c].sort((p, q) => mavenScheme.compare(p, q));
  return mavenScheme.compare(x!, z!) <= 0 && mavenScheme.compare(x!, y!) <= 0 && mavenScheme.compare(y!, z!) <= 0;
}

describe('mavenScheme ordering laws (fast-check)', () => {
  it('is reflexive', () => {
    fc.assert(fc.property(anyVersion, (a) => mavenScheme.compare(a, a) === 0));
  });
  it('is antisymmetric', () => {
    fc.assert(fc.property(anyVersion, anyVersion, (a, b) => mavenScheme.compare(a, b) === (-mavenScheme.compare(b, a) || 0)));
  });
  it('is transitive on conventional versions', () => {
    fc.assert(fc.property(conventionalVersion, conventionalVersion, conventionalVersion, isTransitive), { numRuns: 5000 });
  });
  // Both cycles were confirmed with the jar: ComparableVersion itself is not a total order.
  const cycles = [
    ['1', '1.a.1', '1.0.cr'],
    ['1-ga-alpha', '1', '1.0-m'],
  ];
  for (const [a, b, c] of cycles) {
    it(`is NOT transitive in general, exactly like the 3.8.7 jar: ${a} < ${b} < ${c} < ${a}`, () => {
      assert.deepEqual([mavenScheme.compare(a!, b!), mavenScheme.compare(b!, c!), mavenScheme.compare(c!, a!)], [-1, -1, -1]);
    });
  }
});
