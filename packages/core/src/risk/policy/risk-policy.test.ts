import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRiskPolicy, DEFAULT_RISK_POLICY } from './risk-policy.js';
import { DEFAULT_SEVERITY_SLA_POLICY } from '../due/sla-policy.js';

describe('parseRiskPolicy', () => {
  it('an empty policy is the default', () => assert.deepEqual(parseRiskPolicy({}), DEFAULT_RISK_POLICY));
  it('reads precedence, threshold, a named SLA and rules', () => {
    const p = parseRiskPolicy({ cvssPrecedence: ['nvd', 'vendor'], epssPocThreshold: 0.2, sla: 'severity', rules: [{ name: 'pci', match: { tags: ['pci'] }, days: 7 }] });
    assert.deepEqual(p.intel, { precedence: ['nvd', 'vendor'], epssPocThreshold: 0.2 });
    assert.equal(p.sla, DEFAULT_SEVERITY_SLA_POLICY);
    assert.equal(p.rules[0]!.name, 'pci');
  });
  it('accepts a complete custom matrix', () => {
    const row = { internet: 1, internal: 2, isolated: 3 };
    const p = parseRiskPolicy({ sla: { name: 'strict', basis: 'ssvc-outcome', days: { Act: row, Attend: row, 'Track*': row, Track: row } } });
    assert.equal(p.sla.name, 'strict');
  });
  const bad: [string, unknown, RegExp][] = [
    ['not an object', [], /\(root\)/],
    ['an unknown key', { colour: 1 }, /colour/],
    ['an unknown CVSS source', { cvssPrecedence: ['nvd', 'gossip'] }, /cvssPrecedence/],
    ['a threshold above 1', { epssPocThreshold: 2 }, /epssPocThreshold/],
    ['a matrix missing a row', { sla: { basis: 'ssvc-outcome', days: { Act: { internet: 1, internal: 1, isolated: 1 } } } }, /sla\.days\.Attend/],
    ['a rule with both days and date', { rules: [{ name: 'x', match: {}, days: 1, date: '2026-12-01' }] }, /exactly one of days or date/],
  ];
  for (const [name, doc, message] of bad) it(`refuses ${name}, naming the field`, () => assert.throws(() => parseRiskPolicy(doc, 'policy.json'), { message }));
});
