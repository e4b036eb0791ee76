import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isDomainError } from '../../errors/domain-error.js';
import type { Ordering } from '../version-scheme.js';
import { semverScheme } from './semver.scheme.js';

// The oracle for SemVer is node-semver itself (the reference implementation, which the scheme
// calls), so there is no semver.oracle.test.ts: we replay node-semver's own fixtures, check the
// strict grammar against semver.org's official regular expression, and check the ordering laws.

type Fixture = { description: string; cases: unknown[][] };
const fixtures = (JSON.parse(readFileSync(new URL('./testdata/node-semver-fixtures.json', import.meta.url), 'utf8')) as { fixtures: Record<string, Fixture> }).fixtures;
const casesOf = <T extends unknown[]>(name: string): T[] => fixtures[name]!.cases as T[];

/** What node-semver's non-loose/loose modes tolerate and strict SemVer 2.0 does not: 'v', '=', spaces. */
const stripTolerated = (v: string): string => v.trim().replace(/^[=v\s]+/, '');
const isTolerantForm = (v: string): boolean => stripTolerated(v) !== v;

// https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const SEMVER_ORG =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const cases: { name: string; a: string; b: string; want: Ordering }[] = [
  { name: 'prerelease sorts before its release', a: '1.0.0-rc.1', b: '1.0.0', want: -1 },
  { name: 'numeric identifiers compare numerically', a: '1.0.0-alpha.2', b: '1.0.0-alpha.10', want: -1 },
  { name: 'numeric identifiers sort before alphanumeric ones', a: '1.0.0-alpha.1', b: '1.0.0-alpha.beta', want: -1 },
  { name: 'a longer prerelease sorts after its prefix', a: '1.0.0-alpha', b: '1.0.0-alpha.1', want: -1 },
  { name: 'alphanumeric identifiers compare in ASCII order', a: '1.0.0-R2', b: '1.0.0-r100', want: -1 },
  { name: 'build metadata is ignored', a: '1.0.0+build.1', b: '1.0.0+build.2', want: 0 },
  { name: 'build metadata is ignored on prereleases', a: '1.0.0-rc.1+a', b: '1.0.0-rc.1', want: 0 },
  { name: 'semver.org precedence example, end', a: '1.0.0-rc.1', b: '1.0.0', want: -1 },
  { name: 'minor compares numerically', a: '1.9.0', b: '1.10.0', want: -1 },
];

const invalid: { name: string; version: string }[] = [
  { name: 'v prefix', version: 'v1.2.3' },
  { name: 'surrounding whitespace', version: ' 1.2.3' },
  { name: 'equals prefix', version: '=1.2.3' },
  { name: 'leading zero in major', version: '01.2.3' },
  { name: 'leading zero in numeric prerelease', version: '1.2.3-01' },
  { name: 'missing patch', version: '1.2' },
  { name: 'loose prerelease without dash', version: '1.2.3beta' },
  { name: 'empty prerelease identifier', version: '1.2.3-a..b' },
  { name: 'empty build', version: '1.2.3+' },
  { name: 'empty string', version: '' },
];

describe('semverScheme named cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(semverScheme.compare(c.a, c.b), c.want);
      assert.equal(semverScheme.compare(c.b, c.a), -c.want || 0);
    });
  }
  for (const c of invalid) {
    it(`rejects ${c.name}: ${JSON.stringify(c.version)}`, () => {
      assert.throws(() => semverScheme.parse(c.version), (e) => isDomainError(e) && e.code === 'E_VERSION_INVALID' && e.message.startsWith(`semver version "${c.version}": `));
    });
  }
});

describe('node-semver fixtures: comparisons (first > second)', () => {
  for (const [a, b] of casesOf<[string, string]>('comparisons')) {
    const strict = !isTolerantForm(a) && !isTolerantForm(b);
    it(`${a} > ${b}${strict ? '' : ' (v prefix rejected, then compared without it)'}`, () => {
      if (!strict) assert.equal(semverScheme.isValid(a) && semverScheme.isValid(b), false);
      const [x, y] = [stripTolerated(a), stripTolerated(b)];
      assert.equal(semverScheme.compare(x, y), 1);
      assert.equal(semverScheme.compare(y, x), -1);
    });
  }
});

describe('node-semver fixtures: equality', () => {
  for (const [a, b] of casesOf<[string, string]>('equality')) {
    const strict = !isTolerantForm(a) && !isTolerantForm(b);
    it(`${JSON.stringify(a)} = ${JSON.stringify(b)}${strict ? '' : ' (loose form rejected, then compared without it)'}`, () => {
      if (!strict) assert.equal(semverScheme.isValid(a) && semverScheme.isValid(b), false);
      assert.equal(semverScheme.compare(stripTolerated(a), stripTolerated(b)), 0);
    });
  }
});

describe('node-semver fixtures: valid-versions', () => {
  for (const [v, major, minor, patch, prerelease, build] of casesOf<[string, number, number, number, (string | number)[], string[]]>('valid-versions')) {
    it(`${v}${isTolerantForm(v) ? ' (v prefix rejected, fields checked without it)' : ''}`, () => {
      assert.equal(semverScheme.isValid(v), !isTolerantForm(v));
      const parsed = semverScheme.parse(stripTolerated(v));
      assert.deepEqual([parsed.major, parsed.minor, parsed.patch, parsed.prerelease, parsed.build], [major, minor, patch, prerelease, build]);
    });
  }
});

describe('node-semver fixtures: invalid-versions', () => {
  for (const [value, reason] of casesOf<[unknown, string]>('invalid-versions')) {
    if (typeof value !== 'string') continue; // non-string inputs: parse() takes a string by type
    it(`${reason}: ${value.slice(0, 40)}`, () => assert.equal(semverScheme.isValid(value), false));
  }
});

const digit = fc.constantFrom('0', '1', '2', '9', '10', '01', '00');
const ident = fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '10', '01', 'a-b', '-', '1a', 'x.y', '', 'A', 'ß');
const nearSemver = fc
  .tuple(fc.constantFrom('', 'v', ' ', '='), digit, fc.constantFrom('.', '..', ''), digit, fc.constantFrom('.', ''), digit)
  .chain((head) => fc.tuple(fc.constant(head), fc.option(fc.array(ident, { maxLength: 3 })), fc.option(fc.array(ident, { maxLength: 2 }))))
  .map(([[p, a, s1, b, s2, c], pre, build]) => `${p}${a}${s1}${b}${s2}${c}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`);

const semverVersion = fc
  .tuple(digit, digit, digit, fc.array(fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '10', 'a-b', 'A'), { maxLength: 3 }), fc.constantFrom('', '+b', '+b.1'))
  .map(([a, b, c, pre, build]) => [a, b, c].map((n) => n.replace(/^0+(?=\d)/, '')).join('.') + (pre.length ? `-${pre.join('.')}` : '') + build);

describe('semverScheme properties (fast-check)', () => {
  it('accepts exactly the semver.org grammar on near-miss strings', () => {
    fc.assert(fc.property(nearSemver, (v) => semverScheme.isValid(v) === SEMVER_ORG.test(v)), { numRuns: 5000 });
  });
  it('is reflexive', () => fc.assert(fc.property(semverVersion, (a) => semverScheme.compare(a, a) === 0)));
  it('is antisymmetric', () => {
    fc.assert(fc.property(semverVersion, semverVersion, (a, b) => semverScheme.compare(a, b) === (-semverScheme.compare(b, a) || 0)));
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(semverVersion, semverVersion, semverVersion, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => semverScheme.compare(p, q));
        return semverScheme.compare(x!, y!) <= 0 && semverScheme.compare(y!, z!) <= 0 && semverScheme.compare(x!, z!) <= 0;
      }),
      { numRuns: 3000 },
    );
  });
});
