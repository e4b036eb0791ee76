import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../errors/domain-error.js';
import { contextOf, findingFor, profileOf } from '../testing/risk-fixtures.js';
import { prioritize } from './prioritize.js';
import { DEFAULT_PRIORITY_WEIGHTS, maxPriorityScore } from './priority-weights.js';

const CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const LOW = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';

describe('prioritize: named cases', () => {
  const cases = [
    { name: 'nothing known on an isolated criticality-1 asset', profile: profileOf(), ctx: contextOf(1, 'isolated'), score: 0, outcome: 'Track' },
    { name: 'low CVSS (1.8), internal, criticality 3', profile: profileOf({ vector: LOW }), ctx: contextOf(3, 'internal'), score: 6.3 + 5 + 4, outcome: 'Track' },
    {
      name: 'KEV ransomware critical on an internet criticality-5 asset: everything maxed but EPSS',
      profile: profileOf({ vector: CRIT, epss: 0.9, kev: true, ransomware: true, automatable: 'yes', technicalImpact: 'total' }),
      ctx: contextOf(5, 'internet'), score: 34.3 + 13.5 + 10 + 5 + 15 + 10 + 10, outcome: 'Act',
    },
    {
      name: 'poc, automatable, total, medium mission -> Track*',
      profile: profileOf({ vector: CRIT, epss: 0.2, exploitation: 'poc', automatable: 'yes', technicalImpact: 'total' }),
      ctx: contextOf(3, 'internal'), score: 34.3 + 3 + 5 + 5 + 4, outcome: 'Track*',
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const p = prioritize(c.profile, c.ctx, findingFor());
      assert.equal(p.score, Math.round(c.score * 10) / 10);
      assert.equal(p.ssvc.outcome, c.outcome);
    });
  }

  it('shows every factor, and the points add up to the score', () => {
    const p = prioritize(profileOf({ vector: CRIT, epss: 0.123 }), contextOf(4, 'internet'), findingFor());
    assert.deepEqual(p.contributions.map((c) => c.factor), ['cvss', 'epss', 'kev', 'kev-ransomware', 'ssvc', 'criticality', 'exposure']);
    assert.deepEqual(p.contributions.map((c) => c.points), [34.3, 1.8, 0, 0, 0, 7.5, 10]);
    assert.equal(p.score, 53.6);
    assert.match(p.contributions[0]!.explanation, /CVSS 3.1 base 9.8 × 3.5/);
  });

  it('returns the SSVC decision points, mission & well-being from the asset', () => {
    const p = prioritize(profileOf({ kev: true, automatable: 'yes', technicalImpact: 'total' }), contextOf(4), findingFor());
    assert.equal(p.ssvc.decisionPoints.missionWellBeing.value, 'high');
    assert.match(p.ssvc.decisionPoints.missionWellBeing.rule, /criticality 4/);
    assert.equal(p.ssvc.outcome, 'Act');
  });

  it('default weights reach exactly 100', () => assert.equal(maxPriorityScore(DEFAULT_PRIORITY_WEIGHTS), 100));

  it('rejects a finding on another asset or about another CVE', () => {
    const isMismatch = (e: unknown) => isDomainError(e) && e.code === 'E_PRIORITY_MISMATCH';
    assert.throws(() => prioritize(profileOf(), contextOf(), findingFor('CVE-2024-1234', 'other')), isMismatch);
    assert.throws(() => prioritize(profileOf(), contextOf(), findingFor('CVE-2020-0001')), isMismatch);
  });

  it('rejects weights above 100 or not increasing with risk', () => {
    const isBad = (e: unknown) => isDomainError(e) && e.code === 'E_PRIORITY_WEIGHTS_INVALID';
    assert.throws(() => prioritize(profileOf(), contextOf(), findingFor(), { weights: { ...DEFAULT_PRIORITY_WEIGHTS, kev: 20 } }), isBad);
    assert.throws(() => prioritize(profileOf(), contextOf(), findingFor(), { weights: { ...DEFAULT_PRIORITY_WEIGHTS, exposure: { isolated: 5, internal: 4, internet: 10 } } }), isBad);
  });

  it('accepts custom weights', () => {
    const weights = { ...DEFAULT_PRIORITY_WEIGHTS, cvssPerPoint: 5, epssPerUnit: 0, kevRansomware: 0 };
    assert.equal(prioritize(profileOf({ vector: CRIT }), contextOf(1, 'isolated'), findingFor(), { weights }).score, 49);
  });
});

describe('prioritize: computed once per profile and asset context', () => {
  const CVE_CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
  const profile = profileOf({ vector: CVE_CRIT, epss: 0.4 });
  const cases: [string, () => [ReturnType<typeof prioritize>, ReturnType<typeof prioritize>], boolean][] = [
    ['two findings, same profile and context (fresh objects): parts shared, keys their own', () => {
      const a = findingFor();
      const b = { ...findingFor(), key: 'a1|DSA-1|libssl3' };
      return [prioritize(profile, contextOf(3, 'internal'), a), prioritize(profile, contextOf(3, 'internal'), b)];
    }, true],
    ['another criticality: scored again', () => [prioritize(profile, contextOf(3, 'internal'), findingFor()), prioritize(profile, contextOf(5, 'internal'), findingFor())], false],
    ['another exposure: scored again', () => [prioritize(profile, contextOf(3, 'internal'), findingFor()), prioritize(profile, contextOf(3, 'internet'), findingFor())], false],
    ['custom weights: never shared', () => [prioritize(profile, contextOf(), findingFor(), { weights: { ...DEFAULT_PRIORITY_WEIGHTS } }), prioritize(profile, contextOf(), findingFor(), { weights: { ...DEFAULT_PRIORITY_WEIGHTS } })], false],
  ];
  for (const [name, run, shared] of cases) {
    it(name, () => {
      const [x, y] = run();
      assert.equal(x.contributions === y.contributions, shared);
      if (shared) assert.notEqual(x.findingKey, y.findingKey);
    });
  }
});
