import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../errors/domain-error.js';
import { contextOf, profileOf } from '../testing/risk-fixtures.js';
import type { SsvcOutcome } from '../ssvc/ssvc-decision-points.js';
import { computeDueDate } from './compute-due-date.js';
import type { DueDateRule } from './due-date-rule.js';
import { DEFAULT_SEVERITY_SLA_POLICY } from './sla-policy.js';

const SEEN = '2024-03-01T08:00:00Z';
const CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

describe('computeDueDate: default SLA matrix (days from first seen)', () => {
  const matrix: readonly (readonly [SsvcOutcome, 'internet' | 'internal' | 'isolated', string])[] = [
    ['Act', 'internet', '2024-03-02T08:00:00.000Z'], ['Act', 'internal', '2024-03-03T08:00:00.000Z'], ['Act', 'isolated', '2024-03-03T08:00:00.000Z'],
    ['Attend', 'internet', '2024-03-08T08:00:00.000Z'], ['Attend', 'internal', '2024-03-15T08:00:00.000Z'],
    ['Track*', 'internet', '2024-03-16T08:00:00.000Z'], ['Track*', 'internal', '2024-03-31T08:00:00.000Z'],
    ['Track', 'internet', '2024-04-15T08:00:00.000Z'], ['Track', 'isolated', '2024-05-30T08:00:00.000Z'],
  ];
  for (const [outcome, exposure, due] of matrix) {
    it(`${outcome} on ${exposure} -> ${due}`, () => {
      const d = computeDueDate({ firstSeen: SEEN, profile: profileOf(), outcome, assetContext: contextOf(3, exposure) });
      assert.deepEqual([d.dueDate, d.reason, d.candidates.length], [due, 'sla', 1]);
    });
  }
});

describe('computeDueDate: earliest of KEV, rules and SLA', () => {
  it('KEV due date earlier than the SLA wins; a bare date is the start of that day UTC', () => {
    const d = computeDueDate({ firstSeen: SEEN, profile: profileOf({ kev: true, kevDueDate: '2024-03-05' }), outcome: 'Track', assetContext: contextOf() });
    assert.deepEqual([d.dueDate, d.reason], ['2024-03-05T00:00:00.000Z', 'kev']);
    assert.deepEqual(d.candidates.map((c) => c.reason), ['kev', 'sla']);
  });
  it('a KEV due date already past still wins; a KEV date after the SLA loses to it', () => {
    const d = computeDueDate({ firstSeen: SEEN, profile: profileOf({ kev: true, kevDueDate: '2023-01-01' }), outcome: 'Act', assetContext: contextOf() });
    assert.deepEqual([d.dueDate, d.reason], ['2023-01-01T00:00:00.000Z', 'kev']);
    const e = computeDueDate({ firstSeen: SEEN, profile: profileOf({ kev: true, kevDueDate: '2024-12-01' }), outcome: 'Act', assetContext: contextOf() });
    assert.deepEqual([e.dueDate, e.reason], ['2024-03-03T08:00:00.000Z', 'sla']);
  });
  it('KEV without a due date gives no KEV candidate', () => {
    const d = computeDueDate({ firstSeen: SEEN, profile: profileOf({ kev: true }), outcome: 'Attend', assetContext: contextOf() });
    assert.deepEqual(d.candidates.map((c) => c.reason), ['sla']);
  });

  const rules: DueDateRule[] = [
    { name: 'pci-internet', match: { tags: ['pci'], exposures: ['internet'] }, days: 3 },
    { name: 'log4shell', match: { cveIds: ['cve-2024-1234'] }, date: '2024-03-04' },
    { name: 'kev-critical', match: { kev: true, severities: ['Critical'] }, days: 1 },
    { name: 'prod-act', match: { outcomes: ['Act'], environments: ['prod'], minCriticality: 4 }, days: 0 },
  ];
  const ruleCases = [
    { name: 'tag + exposure rule', spec: {}, ctx: contextOf(3, 'internet', { tags: ['pci', 'web'] }), outcome: 'Track', fired: ['rule:pci-internet', 'rule:log4shell'], due: '2024-03-04T00:00:00.000Z', reason: 'rule:log4shell' },
    { name: 'tag rule needs internet too', spec: {}, ctx: contextOf(3, 'internal', { tags: ['pci'] }), outcome: 'Track', fired: ['rule:log4shell'], due: '2024-03-04T00:00:00.000Z', reason: 'rule:log4shell' },
    { name: 'kev + severity rule', spec: { kev: true, vector: CRIT }, ctx: contextOf(), outcome: 'Attend', fired: ['rule:log4shell', 'rule:kev-critical'], due: '2024-03-02T08:00:00.000Z', reason: 'rule:kev-critical' },
    { name: 'outcome + environment + criticality rule, 0 days', spec: {}, ctx: contextOf(5, 'internal', { environment: 'prod' }), outcome: 'Act', fired: ['rule:log4shell', 'rule:prod-act'], due: '2024-03-01T08:00:00.000Z', reason: 'rule:prod-act' },
    { name: 'criticality below the rule minimum', spec: {}, ctx: contextOf(3, 'internal', { environment: 'prod' }), outcome: 'Act', fired: ['rule:log4shell'], due: '2024-03-03T08:00:00.000Z', reason: 'sla' },
  ] as const;
  for (const c of ruleCases) {
    it(`rules: ${c.name}`, () => {
      const d = computeDueDate({ firstSeen: SEEN, profile: profileOf(c.spec), outcome: c.outcome, assetContext: c.ctx, rules });
      assert.deepEqual(d.candidates.filter((x) => x.reason.startsWith('rule:')).map((x) => x.reason), c.fired);
      assert.deepEqual([d.dueDate, d.reason], [c.due, c.reason]);
    });
  }
  it('a tie goes to KEV before rules before SLA', () => {
    const tie: DueDateRule[] = [{ name: 'same-day', match: {}, date: '2024-03-05' }];
    const d = computeDueDate({ firstSeen: SEEN, profile: profileOf({ kev: true, kevDueDate: '2024-03-05' }), outcome: 'Track', assetContext: contextOf(), rules: tie });
    assert.equal(d.reason, 'kev');
  });
});

describe('computeDueDate: severity-based SLA policy', () => {
  const cases = [
    { name: 'critical, internal, criticality 3: 15 days', vector: CRIT, crit: 3, exposure: 'internal', due: '2024-03-16T08:00:00.000Z' },
    { name: 'critical, internet, criticality 3: 8 days', vector: CRIT, crit: 3, exposure: 'internet', due: '2024-03-09T08:00:00.000Z' },
    { name: 'critical, internal, criticality 5: 15 × 0.5 -> 8 days', vector: CRIT, crit: 5, exposure: 'internal', due: '2024-03-09T08:00:00.000Z' },
    { name: 'unscored, internal: 90 days', vector: undefined, crit: 3, exposure: 'internal', due: '2024-05-30T08:00:00.000Z' },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const d = computeDueDate({ firstSeen: SEEN, profile: profileOf(c.vector ? { vector: c.vector } : {}), outcome: 'Track', assetContext: contextOf(c.crit, c.exposure), slaPolicy: DEFAULT_SEVERITY_SLA_POLICY });
      assert.equal(d.dueDate, c.due);
    });
  }
});

describe('computeDueDate: invalid input', () => {
  const code = (c: string) => (e: unknown) => isDomainError(e) && e.code === c;
  const base = { profile: profileOf(), outcome: 'Track' as const, assetContext: contextOf() };
  it('bad firstSeen', () => assert.throws(() => computeDueDate({ ...base, firstSeen: 'yesterday' }), code('E_INSTANT_INVALID')));
  it('rule with both days and date', () => assert.throws(() => computeDueDate({ ...base, firstSeen: SEEN, rules: [{ name: 'x', match: {}, days: 1, date: '2024-01-01' }] }), code('E_DUE_RULE_INVALID')));
  it('rule with neither', () => assert.throws(() => computeDueDate({ ...base, firstSeen: SEEN, rules: [{ name: 'x', match: {} }] }), code('E_DUE_RULE_INVALID')));
  it('rule with negative days', () => assert.throws(() => computeDueDate({ ...base, firstSeen: SEEN, rules: [{ name: 'x', match: {}, days: -1 }] }), code('E_DUE_RULE_INVALID')));
  it('rule with a bad date', () => assert.throws(() => computeDueDate({ ...base, firstSeen: SEEN, rules: [{ name: 'x', match: {}, date: 'soon' }] }), code('E_INSTANT_INVALID')));
  it('SLA matrix missing a row', () => {
    const slaPolicy = { name: 'partial', basis: 'ssvc-outcome' as const, days: { Act: { internet: 1, internal: 1, isolated: 1 } } };
    assert.throws(() => computeDueDate({ ...base, firstSeen: SEEN, slaPolicy }), code('E_SLA_POLICY_INVALID'));
  });
});

describe('computeDueDate: computed once per profile, policy, rules and input', () => {
  const profile = profileOf();
  const input = (extra: Partial<Parameters<typeof computeDueDate>[0]> = {}) => ({ firstSeen: SEEN, profile, outcome: 'Track' as SsvcOutcome, assetContext: contextOf(), ...extra });
  const cases: [string, Partial<Parameters<typeof computeDueDate>[0]>, boolean][] = [
    ['the same input again (a fresh context object): the same due date object', {}, true],
    ['another first-seen time: computed again', { firstSeen: '2024-03-02T08:00:00.000Z' }, false],
    ['another outcome: computed again', { outcome: 'Act' }, false],
    ['another exposure: computed again', { assetContext: contextOf(3, 'internet') }, false],
    ['another tag: computed again', { assetContext: contextOf(3, 'internal', { tags: ['pci'] }) }, false],
    ['another SLA policy: computed again', { slaPolicy: DEFAULT_SEVERITY_SLA_POLICY }, false],
  ];
  for (const [name, extra, same] of cases) {
    it(name, () => {
      const first = computeDueDate(input());
      const second = computeDueDate(input(extra));
      assert.equal(first === second, same);
    });
  }
});
