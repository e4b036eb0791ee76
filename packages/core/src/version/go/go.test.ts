import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isDomainError } from '../../errors/domain-error.js';
import type { Ordering } from '../version-scheme.js';
import { goScheme } from './go.scheme.js';

interface XmodTests {
  tests: { in: string; out: string }[];
  compare: { v: string; w: string; r: Ordering }[];
}
const xmod = JSON.parse(readFileSync(new URL('./testdata/xmod-semver-tests.json', import.meta.url), 'utf8')) as XmodTests;

const cases: { name: string; a: string; b: string; want: Ordering }[] = [
  { name: 'minor compares numerically, not as text', a: 'v1.10.0', b: 'v1.9.0', want: 1 },
  { name: 'shorthand v1 is v1.0.0', a: 'v1', b: 'v1.0.0', want: 0 },
  { name: 'OSV form without v equals the v form', a: '1.18.6', b: 'v1.18.6', want: 0 },
  { name: 'OSV introduced "0" is v0.0.0', a: '0', b: 'v0.0.0', want: 0 },
  { name: '+incompatible is build metadata', a: 'v2.0.0+incompatible', b: 'v2.0.0', want: 0 },
  { name: 'pseudo-version v0.0.0-date-hash sorts before v0.1.0', a: 'v0.0.0-20191109021931-daa7c04131f5', b: 'v0.1.0', want: -1 },
  { name: 'pseudo-versions order by timestamp', a: 'v0.0.0-20191109021931-daa7c04131f5', b: 'v0.0.0-20200101000000-000000000000', want: -1 },
  { name: 'vX.Y.(Z+1)-0.date pseudo-version sorts after vX.Y.Z', a: 'v1.2.3', b: 'v1.2.4-0.20191109021931-daa7c04131f5', want: -1 },
  { name: 'vX.Y.(Z+1)-0.date pseudo-version sorts before vX.Y.(Z+1)', a: 'v1.2.4-0.20191109021931-daa7c04131f5', b: 'v1.2.4', want: -1 },
  { name: 'vX.Y.Z-pre.0.date sorts after vX.Y.Z-pre', a: 'v1.2.3-pre', b: 'v1.2.3-pre.0.20191109021931-daa7c04131f5', want: -1 },
  { name: 'vX.Y.Z-pre.0.date sorts before vX.Y.Z-pre.1', a: 'v1.2.3-pre.0.20191109021931-daa7c04131f5', b: 'v1.2.3-pre.1', want: -1 },
  { name: 'numeric prerelease identifiers sort before alphanumeric ones', a: 'v1.0.0-1', b: 'v1.0.0-alpha', want: -1 },
  { name: 'numbers longer than 64 bits', a: 'v1.0.18446744073709551616', b: 'v1.0.18446744073709551617', want: -1 },
];

const invalid: { name: string; version: string }[] = [
  { name: 'capital V', version: 'V1.0.0' },
  { name: 'leading space', version: ' v1.0.0' },
  { name: 'shorthand with prerelease', version: 'v1.2-pre' },
  { name: 'shorthand with build (OSV form too)', version: '1+meta' },
  { name: 'leading zero in minor', version: 'v1.02.0' },
  { name: 'leading zero in numeric prerelease', version: 'v1.0.0-01' },
  { name: 'empty prerelease identifier', version: 'v1.0.0-a..b' },
  { name: 'empty build', version: 'v1.0.0+' },
  { name: 'four components', version: 'v1.2.3.4' },
  { name: 'empty string', version: '' },
  { name: 'only v', version: 'v' },
];

describe('goScheme named cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(goScheme.compare(c.a, c.b), c.want);
      assert.equal(goScheme.compare(c.b, c.a), -c.want || 0);
    });
  }
  for (const c of invalid) {
    it(`rejects ${c.name}: ${JSON.stringify(c.version)}`, () => {
      assert.throws(() => goScheme.parse(c.version), (e) => isDomainError(e) && e.code === 'E_VERSION_INVALID' && e.message.startsWith(`go version "${c.version}": `));
    });
  }
  it('canonicalises the OSV form to a v prefix and keeps the build', () => {
    const v = goScheme.parse('2.0.0+incompatible');
    assert.deepEqual([v.version, v.canonical, v.build], ['v2.0.0+incompatible', 'v2.0.0', '+incompatible']);
  });
});

describe('x/mod semver_test.go: IsValid, Canonical, Prerelease, Build', () => {
  for (const t of xmod.tests) {
    it(`${t.in} -> ${t.out === '' ? 'invalid' : t.out}`, () => {
      assert.equal(goScheme.isValid(t.in), t.out !== '');
      if (t.out === '') return;
      const v = goScheme.parse(t.in);
      assert.equal(v.canonical, t.out);
      assert.equal(v.prerelease, /-.*$/.exec(t.out)?.[0] ?? '');
      assert.equal(v.build, /\+.*$/.exec(t.in)?.[0] ?? '');
    });
  }
});

describe('x/mod semver_test.go: TestCompare', () => {
  const valid = xmod.tests.map((t, i) => ({ ...t, i })).filter((t) => t.out !== '');
  for (const x of valid) {
    it(`${x.in} against every valid entry`, () => {
      for (const y of valid) {
        const want = x.out === y.out ? 0 : x.i < y.i ? -1 : 1;
        assert.equal(goScheme.compare(x.in, y.in), want, `${x.in} vs ${y.in}`);
      }
    });
  }
  for (const c of xmod.compare) it(`${c.v} vs ${c.w} = ${c.r}`, () => assert.equal(goScheme.compare(c.v, c.w), c.r));
});

const num = fc.constantFrom('0', '1', '2', '9', '10', '19');
const ident = fc.constantFrom('alpha', 'beta', 'rc', 'pre', '0', '1', '2', '10', 'a-b', '20191109021931-daa7c04131f5');
const goVersion = fc
  .tuple(fc.constantFrom('v', ''), num, num, num, fc.array(ident, { maxLength: 3 }), fc.constantFrom('', '+incompatible', '+meta'))
  .map(([v, a, b, c, pre, build]) => `${v}${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}${build}`);

describe('goScheme ordering laws (fast-check)', () => {
  it('is reflexive', () => fc.assert(fc.property(goVersion, (a) => goScheme.compare(a, a) === 0)));
  it('is antisymmetric', () => {
    fc.assert(fc.property(goVersion, goVersion, (a, b) => goScheme.compare(a, b) === (-goScheme.compare(b, a) || 0)));
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(goVersion, goVersion, goVersion, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => goScheme.compare(p, q));
        return goScheme.compare(x!, y!) <= 0 && goScheme.compare(y!, z!) <= 0 && goScheme.compare(x!, z!) <= 0;
      }),
      { numRuns: 3000 },
    );
  });
  it('compares equal exactly when the canonical forms are equal (x/mod Canonical contract)', () => {
    fc.assert(fc.property(goVersion, goVersion, (a, b) => (goScheme.compare(a, b) === 0) === (goScheme.parse(a).canonical === goScheme.parse(b).canonical)));
  });
});
