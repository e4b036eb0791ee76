/*
 * Property tests for prioritize: bounded, contributions add up to the score, and monotonic: an input
 * with at least as much risk in every factor never scores lower.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Criticality, Exposure } from '../../inventory/asset.js';
import { contextOf, findingFor, profileOf, type ProfileSpec } from '../testing/risk-fixtures.js';
import { AUTOMATABLES, EXPLOITATIONS, TECHNICAL_IMPACTS } from '../ssvc/ssvc-decision-points.js';
import { prioritize } from './prioritize.js';

/** v3.1 vectors ordered by base score, so "more CVSS risk" is an index. */
const VECTORS = [
  'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N',
  'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
];
const EXPOSURES: readonly Exposure[] = ['isolated', 'internal', 'internet'];

/** Each factor as a rank (0 = least risk); -1 CVSS means no vector. */
interface Risk { cvss: number; epss: number; kev: number; exploitation: number; automatable: number; technicalImpact: number; criticality: number; exposure: number }

const riskArb = fc.record({
  cvss: fc.integer({ min: -1, max: VECTORS.length - 1 }),
  epss: fc.integer({ min: -1, max: 1000 }),
  kev: fc.integer({ min: 0, max: 2 }),
  exploitation: fc.integer({ min: 0, max: 2 }),
  automatable: fc.integer({ min: 0, max: 1 }),
  technicalImpact: fc.integer({ min: 0, max: 1 }),
  criticality: fc.integer({ min: 0, max: 4 }),
  exposure: fc.integer({ min: 0, max: 2 }),
});

/** A second input with every factor raised by a random, possibly zero, amount. */
const raise = (r: Risk): fc.Arbitrary<Risk> => fc.record({
  cvss: fc.integer({ min: r.cvss, max: VECTORS.length - 1 }),
  epss: fc.integer({ min: r.epss, max: 1000 }),
  kev: fc.integer({ min: r.kev, max: 2 }),
  exploitation: fc.integer({ min: r.exploitation, max: 2 }),
  automatable: fc.integer({ min: r.automatable, max: 1 }),
  technicalImpact: fc.integer({ min: r.technicalImpact, max: 1 }),
  criticality: fc.integer({ min: r.criticality, max: 4 }),
  exposure: fc.integer({ min: r.exposure, max: 2 }),
});

function score(r: Risk) {
  const spec: ProfileSpec = {
    ...(r.cvss >= 0 ? { vector: VECTORS[r.cvss] } : {}),
    ...(r.epss >= 0 ? { epss: r.epss / 1000 } : {}),
    kev: r.kev >= 1,
    ransomware: r.kev === 2,
    // KEV means active exploitation (mergeIntel guarantees it), so exploitation is at least active then.
    exploitation: EXPLOITATIONS[r.kev >= 1 ? 2 : r.exploitation]!,
    automatable: AUTOMATABLES[r.automatable]!,
    technicalImpact: TECHNICAL_IMPACTS[r.technicalImpact]!,
  };
  return prioritize(profileOf(spec), contextOf((r.criticality + 1) as Criticality, EXPOSURES[r.exposure]!), findingFor());
}

describe('prioritize: properties', () => {
  it('score is within 0-100 and equals the sum of the contributions', () => {
    fc.assert(fc.property(riskArb, (r) => {
      const p = score(r);
      const tenths = p.contributions.reduce((s, c) => s + Math.round(c.points * 10), 0);
      assert.ok(p.score >= 0 && p.score <= 100, String(p.score));
      assert.equal(Math.round(p.score * 10), tenths);
      assert.ok(p.contributions.every((c) => c.points >= 0));
    }), { numRuns: 2000 });
  });

  it('is monotonic: more risk in any factors never lowers the score', () => {
    fc.assert(fc.property(riskArb.chain((low) => raise(low).map((high) => [low, high] as const)), ([low, high]) => {
      const a = score(low);
      const b = score(high);
      assert.ok(b.score >= a.score, `${JSON.stringify(low)} ${a.score} > ${JSON.stringify(high)} ${b.score}`);
    }), { numRuns: 3000 });
  });

  it('the CVSS vectors used are ordered by base score (the property depends on it)', () => {
    const bases = VECTORS.map((_, i) => score({ cvss: i, epss: -1, kev: 0, exploitation: 0, automatable: 0, technicalImpact: 0, criticality: 0, exposure: 0 }).contributions[0]!.points);
    assert.deepEqual([...bases].sort((x, y) => x - y), bases);
  });
});
