import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isDomainError } from '../../errors/domain-error.js';
import type { Ordering } from '../version-scheme.js';
import { normalizePep440Version, pep440Scheme, type Pep440Version } from './pep440.scheme.js';

interface Vectors {
  ordered_versions: string[];
  tests: Record<string, { params: string | string[]; values: unknown[] }[]>;
}
const vectors = JSON.parse(readFileSync(new URL('./testdata/pep440-packaging.json', import.meta.url), 'utf8')) as Vectors;
const table = <T>(name: string): T[] => vectors.tests[name]![0]!.values as T[];

// Vectors come from packaging's main branch; packaging 23.0 (Debian's, our oracle) differs here:
// its re.IGNORECASE lets U+0130 match [a-z] in a local label, and str() lower-cases it.
const VALID_IN_PACKAGING_23: Readonly<Record<string, string>> = { '1.0+\u0130': '1.0+i\u0307' };

const cases: { name: string; a: string; b: string; want: Ordering }[] = [
  { name: 'a dev release sorts before its alpha', a: '1.0.dev0', b: '1.0a0', want: -1 },
  { name: 'alpha < beta < rc', a: '1.0b1', b: '1.0rc1', want: -1 },
  { name: 'c is rc', a: '1.0c1', b: '1.0rc1', want: 0 },
  { name: 'rc separators do not matter', a: '1.0rc1', b: '1.0.rc1', want: 0 },
  { name: 'dash rc is rc', a: '1.0-rc1', b: '1.0.rc1', want: 0 },
  { name: 'implicit post release', a: '1.0.post1', b: '1.0-1', want: 0 },
  { name: 'post release sorts after the release', a: '1.0', b: '1.0.post0', want: -1 },
  { name: 'epoch wins over release', a: '1!1.0', b: '2.0', want: 1 },
  { name: 'trailing zeros do not matter', a: '1.0', b: '1.0.0.0', want: 0 },
  { name: 'a local version sorts after the public one', a: '1.0', b: '1.0+ubuntu1', want: -1 },
  { name: 'numeric local parts beat alphanumeric ones', a: '1.0+ubuntu1', b: '1.0+1', want: -1 },
  { name: 'local parts compare numerically', a: '1.0+2', b: '1.0+10', want: -1 },
  { name: 'local 0x1 is a string, not a number', a: '1.0+0x1', b: '1.0+1', want: -1 },
  { name: 'numbers past 2^53 stay exact', a: '1.99999999999999999999', b: '1.100000000000000000000', want: -1 },
  { name: 'leading v and whitespace are accepted', a: ' v1.0\n', b: '1.0', want: 0 },
  { name: 'U+017F in post matches but keeps its own letter (packaging 23)', a: '1.0.po\u017ft1', b: '1.0.post1', want: 1 },
];

const normalisations: [string, string][] = [
  ['1.0-ALPHA_1', '1.0a1'],
  ['v1!2.0.POST-3', '1!2.0.post3'],
  ['1.0+Ubuntu-1_2', '1.0+ubuntu.1.2'],
  ['1.0+007', '1.0+7'],
  ['01.02.03', '1.2.3'],
];

describe('pep440Scheme named cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(pep440Scheme.compare(c.a, c.b), c.want);
      assert.equal(pep440Scheme.compare(c.b, c.a), -c.want || 0);
    });
  }
  for (const [input, want] of normalisations) it(`normalises ${JSON.stringify(input)} to ${want}`, () => assert.equal(normalizePep440Version(input), want));
  it('throws E_VERSION_INVALID naming the version', () => {
    assert.throws(() => pep440Scheme.parse('1.0+'), (e) => isDomainError(e) && e.code === 'E_VERSION_INVALID' && e.message.startsWith('pep440 version "1.0+": '));
  });
});

describe('pep440 vectors: ordered_versions (every pair in order)', () => {
  const list = vectors.ordered_versions;
  for (let i = 0; i < list.length; i++) {
    it(`${list[i]} is below every later entry`, () => {
      for (let j = i + 1; j < list.length; j++) {
        assert.equal(pep440Scheme.compare(list[i]!, list[j]!), -1, `${list[i]} < ${list[j]}`);
        assert.equal(pep440Scheme.compare(list[j]!, list[i]!), 1, `${list[j]} > ${list[i]}`);
      }
      assert.equal(pep440Scheme.compare(list[i]!, list[i]!), 0);
    });
  }
});

describe('pep440 vectors: test_invalid_versions', () => {
  for (const v of table<string>('test_invalid_versions')) {
    const acceptedBy23 = VALID_IN_PACKAGING_23[v];
    it(`${JSON.stringify(v)} is ${acceptedBy23 === undefined ? 'invalid' : 'valid in packaging 23'}`, () => {
      if (acceptedBy23 === undefined) assert.equal(pep440Scheme.isValid(v), false);
      else assert.equal(normalizePep440Version(v), acceptedBy23);
    });
  }
});

describe('pep440 vectors: test_normalized_versions and test_version_str_repr', () => {
  for (const name of ['test_normalized_versions', 'test_version_str_repr']) {
    for (const [input, want] of table<[string, string]>(name)) {
      it(`${name}: ${JSON.stringify(input)} -> ${want}`, () => assert.equal(normalizePep440Version(input), want));
    }
  }
});

const attributes: Record<string, (v: Pep440Version) => unknown> = {
  test_version_epoch: (v) => Number(v.epoch),
  test_version_release: (v) => v.release.map(Number),
  test_version_pre: (v) => (v.pre ? [v.pre.letter, Number(v.pre.n)] : null),
  test_version_post: (v) => (v.post ? Number(v.post.n) : null),
  test_version_dev: (v) => (v.dev === undefined ? null : Number(v.dev)),
  test_version_local: (v) => v.local?.join('.') ?? null,
};

describe('pep440 vectors: per-attribute tables', () => {
  for (const [name, read] of Object.entries(attributes)) {
    for (const [input, want] of table<[string, unknown]>(name)) {
      it(`${name}: ${input}`, () => assert.deepEqual(read(pep440Scheme.parse(input)), want));
    }
  }
});

const pep440Version = fc
  .record({
    epoch: fc.constantFrom('', '1!'),
    release: fc.array(fc.constantFrom('0', '1', '2', '10'), { minLength: 1, maxLength: 3 }),
    pre: fc.constantFrom('', 'a', 'b1', 'rc2', '.alpha0'),
    post: fc.constantFrom('', '.post1', '-2', '.rev0'),
    dev: fc.constantFrom('', '.dev0', '.dev3'),
    local: fc.constantFrom('', '+ubuntu1', '+1', '+1.abc', '+abc.1'),
  })
  .map((p) => `${p.epoch}${p.release.join('.')}${p.pre}${p.post}${p.dev}${p.local}`);

describe('pep440Scheme ordering laws (fast-check)', () => {
  it('is reflexive', () => fc.assert(fc.property(pep440Version, (a) => pep440Scheme.compare(a, a) === 0)));
  it('is antisymmetric', () => {
    fc.assert(fc.property(pep440Version, pep440Version, (a, b) => pep440Scheme.compare(a, b) === (-pep440Scheme.compare(b, a) || 0)));
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(pep440Version, pep440Version, pep440Version, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => pep440Scheme.compare(p, q));
        return pep440Scheme.compare(x!, y!) <= 0 && pep440Scheme.compare(y!, z!) <= 0 && pep440Scheme.compare(x!, z!) <= 0;
      }),
      { numRuns: 3000 },
    );
  });
  it('round-trips through its normalised form', () => {
    fc.assert(fc.property(pep440Version, (a) => pep440Scheme.compare(a, normalizePep440Version(a)) === 0 && normalizePep440Version(normalizePep440Version(a)) === normalizePep440Version(a)));
  });
});
