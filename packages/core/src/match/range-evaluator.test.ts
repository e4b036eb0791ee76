import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RangeEvent, RangeType } from '../advisory/advisory.js';
import { compileRange } from './compiled-range.js';
import { explainRangeMatch, findOpeningEvent, NOT_IN_RANGE, smallestFixedAbove } from './range-evaluator.js';
import { testSchemeFor } from './testing/schemes.js';

interface Case {
  name: string;
  type?: RangeType;
  ecosystem?: string;
  events: RangeEvent[];
  affected: string[];
  notAffected: string[];
}

const i = (v: string): RangeEvent => ({ introduced: v });
const f = (v: string): RangeEvent => ({ fixed: v });
const la = (v: string): RangeEvent => ({ last_affected: v });
const lim = (v: string): RangeEvent => ({ limit: v });

// OSV schema "Evaluation" and its examples, SEMVER unless stated.
const cases: Case[] = [
  { name: 'introduced 0 only: every version', events: [i('0')], affected: ['0.0.0', '0.0.0-alpha', '1.0.0', '99.9.9'], notAffected: [] },
  { name: 'introduced 0, fixed: everything before the fix', events: [i('0'), f('1.0.2')], affected: ['0.0.1', '1.0.1', '1.0.2-rc.1'], notAffected: ['1.0.2', '1.0.3', '2.0.0'] },
  {
    name: 'several introduced/fixed pairs',
    events: [i('1.0.0'), f('1.0.2'), i('3.0.0'), f('3.2.5')],
    affected: ['1.0.0', '1.0.1', '3.0.0', '3.2.4'],
    notAffected: ['0.9.9', '1.0.2', '2.0.0', '3.2.5', '4.0.0'],
  },
  {
    name: 'unsorted events are sorted before the walk',
    events: [f('3.2.5'), i('3.0.0'), f('1.0.2'), i('1.0.0')],
    affected: ['1.0.0', '1.0.1', '3.0.0', '3.2.4'],
    notAffected: ['0.9.9', '1.0.2', '2.0.0', '3.2.5'],
  },
  { name: 'last_affected is inclusive', events: [i('0'), la('2.1.214')], affected: ['1.0.0', '2.1.214'], notAffected: ['2.1.215', '3.0.0'] },
  { name: 'introduced then last_affected', events: [i('1.2.0'), la('1.4.0')], affected: ['1.2.0', '1.4.0'], notAffected: ['1.1.9', '1.4.1'] },
  { name: 'limit bounds the range from above (exclusive)', events: [i('1.0.0'), lim('2.0.0')], affected: ['1.0.0', '1.9.9'], notAffected: ['0.9.0', '2.0.0', '3.0.0'] },
  { name: 'limit "*" is infinity', events: [i('1.0.0'), lim('*')], affected: ['1.0.0', '99.0.0'], notAffected: ['0.1.0'] },
  { name: 'several limits: below any of them', events: [i('1.0.0'), lim('2.0.0'), lim('5.0.0')], affected: ['1.5.0', '3.0.0', '4.9.9'], notAffected: ['5.0.0', '6.0.0'] },
  { name: 'limit below an open fix cuts the range', events: [i('0'), f('1.5.0'), lim('1.2.0')], affected: ['1.1.0'], notAffected: ['1.2.0', '1.3.0', '1.5.0'] },
  { name: 'introduced equal to fixed is an empty range', events: [i('1.0.0'), f('1.0.0')], affected: [], notAffected: ['0.9.0', '1.0.0', '1.1.0'] },
  { name: 'reintroduced after a fix, never fixed again', events: [i('0'), f('1.0.0'), i('2.0.0')], affected: ['0.5.0', '2.0.0', '9.0.0'], notAffected: ['1.0.0', '1.9.9'] },
  { name: 'no introduced event: the walk never turns vulnerable', events: [f('1.0.0')], affected: [], notAffected: ['0.5.0', '1.0.0'] },
  {
    name: 'SEMVER prerelease (GO-2024-2963 stdlib): 1.22.0-0 opens before 1.22.0-rc.1',
    events: [i('0'), f('1.21.12'), i('1.22.0-0'), f('1.22.5')],
    affected: ['1.21.11', '1.22.0-rc.1', '1.22.0', '1.22.4'],
    notAffected: ['1.21.12', '1.21.99', '1.22.5', '1.23.0'],
  },
  { name: 'SEMVER prerelease fix', events: [i('0'), f('2.0.0-beta.2')], affected: ['1.9.0', '2.0.0-alpha', '2.0.0-beta.1'], notAffected: ['2.0.0-beta.2', '2.0.0-beta.10', '2.0.0'] },
  { name: 'Go module "v" prefix on the installed version', events: [i('0'), f('1.6.0')], affected: ['v1.5.9'], notAffected: ['v1.6.0'] },
  {
    name: 'ECOSYSTEM Debian: epoch, tilde and +debNuM ordering',
    type: 'ECOSYSTEM',
    ecosystem: 'Debian:12',
    events: [i('0'), f('1:1.0-1')],
    affected: ['2.0-1', '1:1.0-0+deb12u1', '1:1.0-1~bpo12+1'],
    notAffected: ['1:1.0-1', '1:1.0-1+deb12u1', '2:0.1-1'],
  },
];

function compiled(c: Case) {
  return compileRange({ type: c.type ?? 'SEMVER', events: c.events }, 0, c.ecosystem ?? 'Go', testSchemeFor);
}

function isAffected(c: Case, version: string): boolean {
  const range = compiled(c);
  assert.equal(range.problem, undefined);
  const scheme = range.scheme!;
  return findOpeningEvent(range, scheme.parse(version.replace(/^v(?=\d)/, ''))) !== NOT_IN_RANGE;
}

describe('findOpeningEvent: OSV range evaluation', () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const v of c.affected) assert.equal(isAffected(c, v), true, `${v} should be affected`);
      for (const v of c.notAffected) assert.equal(isAffected(c, v), false, `${v} should not be affected`);
    });
  }
});

describe('compileRange problems', () => {
  const problems: { name: string; type: RangeType; ecosystem: string; events: RangeEvent[]; want: RegExp }[] = [
    { name: 'invalid fixed version', type: 'SEMVER', ecosystem: 'npm', events: [i('0'), f('not-a-version')], want: /fixed "not-a-version" is not a valid semver version/ },
    { name: 'invalid introduced version', type: 'ECOSYSTEM', ecosystem: 'Debian:12', events: [i('1:'), f('1.0')], want: /introduced "1:" is not a valid dpkg version/ },
    { name: 'ecosystem without scheme', type: 'ECOSYSTEM', ecosystem: 'OSS-Fuzz', events: [i('0')], want: /no version scheme is known for ecosystem "OSS-Fuzz"/ },
    { name: 'scheme not available', type: 'ECOSYSTEM', ecosystem: 'Go', events: [i('0')], want: /the go version scheme is not available/ },
  ];
  for (const p of problems) {
    it(p.name, () => assert.match(compileRange({ type: p.type, events: p.events }, 0, p.ecosystem, testSchemeFor).problem ?? '', p.want));
  }
  it('GIT ranges compile to nothing to evaluate, without a problem', () => {
    const range = compileRange({ type: 'GIT', repo: 'https://x', events: [i('0'), f('a'.repeat(40))] }, 0, 'PyPI', testSchemeFor);
    assert.deepEqual([range.problem, range.events.length], [undefined, 0]);
  });
});

describe('explainRangeMatch and smallestFixedAbove', () => {
  const c: Case = { name: 'dpkg', type: 'ECOSYSTEM', ecosystem: 'Debian:12', events: [i('1.0-1'), f('1.2-4'), i('2.0-1'), f('2.0-3')], affected: [], notAffected: [] };
  it('names the opening event and the fix that keeps it open', () => {
    const range = compiled(c);
    const v = range.scheme!.parse('1.2-3');
    const opener = findOpeningEvent(range, v);
    assert.deepEqual(explainRangeMatch(range, v, '1.2-3', opener), {
      events: [{ introduced: '1.0-1' }, { fixed: '1.2-4' }],
      comparisons: ['installed 1.2-3 >= introduced 1.0-1 (dpkg)', 'installed 1.2-3 < fixed 1.2-4 (dpkg)'],
    });
    assert.equal(smallestFixedAbove(range, v), '1.2-4');
  });
  it('last_affected and open-ended ranges are described', () => {
    const range = compileRange({ type: 'SEMVER', events: [i('0'), la('2.0.0'), i('3.0.0')] }, 0, 'npm', testSchemeFor);
    const low = range.scheme!.parse('1.0.0');
    assert.deepEqual(explainRangeMatch(range, low, '1.0.0', findOpeningEvent(range, low)).comparisons, ['introduced 0 (every version)', 'installed 1.0.0 <= last_affected 2.0.0 (semver)']);
    const high = range.scheme!.parse('3.1.0');
    assert.deepEqual(explainRangeMatch(range, high, '3.1.0', findOpeningEvent(range, high)).comparisons, ['installed 3.1.0 >= introduced 3.0.0 (semver)', 'no fixed or last_affected event after it (open-ended)']);
  });
});
