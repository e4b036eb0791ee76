import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CISA_DECISION_TREE, decideCisaOutcome } from './cisa-decision-tree.js';
import { combineMissionWellBeing } from './mission-well-being.js';
import {
  AUTOMATABLES, EXPLOITATIONS, MISSION_PREVALENCES, MISSION_WELL_BEINGS, PUBLIC_WELL_BEINGS, SSVC_OUTCOMES, TECHNICAL_IMPACTS,
  type CisaDecisionPoints, type SsvcOutcome,
} from './ssvc-decision-points.js';

/** Leaves named as a reader checks them against CISA's figure, independent of the table's layout. */
const NAMED_LEAVES: readonly (readonly [string, CisaDecisionPoints, SsvcOutcome])[] = [
  ['nothing known, low impact', { exploitation: 'none', automatable: 'no', technicalImpact: 'partial', missionWellBeing: 'low' }, 'Track'],
  ['no exploit, total impact on a high-mission system', { exploitation: 'none', automatable: 'no', technicalImpact: 'total', missionWellBeing: 'high' }, 'Track*'],
  ['no exploit but wormable on a high-mission system', { exploitation: 'none', automatable: 'yes', technicalImpact: 'partial', missionWellBeing: 'high' }, 'Attend'],
  ['poc, partial, high mission', { exploitation: 'poc', automatable: 'no', technicalImpact: 'partial', missionWellBeing: 'high' }, 'Track*'],
  ['poc, total, medium mission', { exploitation: 'poc', automatable: 'no', technicalImpact: 'total', missionWellBeing: 'medium' }, 'Track*'],
  ['poc, automatable, total, high mission', { exploitation: 'poc', automatable: 'yes', technicalImpact: 'total', missionWellBeing: 'high' }, 'Attend'],
  ['active, not automatable, partial, low mission', { exploitation: 'active', automatable: 'no', technicalImpact: 'partial', missionWellBeing: 'low' }, 'Track'],
  ['active, not automatable, total, medium mission', { exploitation: 'active', automatable: 'no', technicalImpact: 'total', missionWellBeing: 'medium' }, 'Attend'],
  ['active, not automatable, total, high mission', { exploitation: 'active', automatable: 'no', technicalImpact: 'total', missionWellBeing: 'high' }, 'Act'],
  ['active, automatable, partial, low mission', { exploitation: 'active', automatable: 'yes', technicalImpact: 'partial', missionWellBeing: 'low' }, 'Attend'],
  ['active, automatable, partial, high mission', { exploitation: 'active', automatable: 'yes', technicalImpact: 'partial', missionWellBeing: 'high' }, 'Act'],
  ['active, automatable, total, medium mission', { exploitation: 'active', automatable: 'yes', technicalImpact: 'total', missionWellBeing: 'medium' }, 'Act'],
];

describe('CISA SSVC decision tree', () => {
  for (const [name, points, outcome] of NAMED_LEAVES) {
    it(`${name} -> ${outcome}`, () => assert.equal(decideCisaOutcome(points), outcome));
  }

  it('equals CERT/CC\'s CSV of the CISA tree, row by row (testdata/cisa_coordinator_2_0_3.csv)', () => {
    const csv = readFileSync(new URL('./testdata/cisa_coordinator_2_0_3.csv', import.meta.url), 'utf8');
    const outcomeName: Record<string, SsvcOutcome> = { track: 'Track', 'track*': 'Track*', attend: 'Attend', act: 'Act' };
    const rows = csv.split('\n').slice(1).filter((l) => l !== '').map((line) => {
      const [, e = '', a, t, m, o = ''] = line.split(',');
      return [e === 'public poc' ? 'poc' : e, a, t, m, outcomeName[o]];
    });
    assert.equal(rows.length, 36);
    assert.deepEqual(CISA_DECISION_TREE, rows);
  });

  it('has exactly one leaf for each of the 36 combinations', () => {
    const keys = new Set(CISA_DECISION_TREE.map(([e, a, t, m]) => `${e}/${a}/${t}/${m}`));
    assert.equal(CISA_DECISION_TREE.length, 36);
    assert.equal(keys.size, 36);
    for (const e of EXPLOITATIONS) for (const a of AUTOMATABLES) for (const t of TECHNICAL_IMPACTS) for (const m of MISSION_WELL_BEINGS) {
      assert.ok(keys.has(`${e}/${a}/${t}/${m}`), `${e}/${a}/${t}/${m}`);
    }
  });

  it('outcome counts match the CSV: Track 18, Track* 4, Attend 10, Act 4', () => {
    const counts = Object.fromEntries(SSVC_OUTCOMES.map((o) => [o, CISA_DECISION_TREE.filter((l) => l[4] === o).length]));
    assert.deepEqual(counts, { Track: 18, 'Track*': 4, Attend: 10, Act: 4 });
  });

  it('is monotonic: raising any one decision point never lowers the outcome', () => {
    const rank = (o: SsvcOutcome): number => SSVC_OUTCOMES.indexOf(o);
    const axes = [EXPLOITATIONS, AUTOMATABLES, TECHNICAL_IMPACTS, MISSION_WELL_BEINGS] as const;
    for (const [e, a, t, m, outcome] of CISA_DECISION_TREE) {
      const at = [e, a, t, m] as string[];
      axes.forEach((axis, i) => {
        const next = (axis as readonly string[])[(axis as readonly string[]).indexOf(at[i]!) + 1];
        if (next === undefined) return;
        const up = [...at];
        up[i] = next;
        const [ue, ua, ut, um] = up as [CisaDecisionPoints['exploitation'], CisaDecisionPoints['automatable'], CisaDecisionPoints['technicalImpact'], CisaDecisionPoints['missionWellBeing']];
        const raised = decideCisaOutcome({ exploitation: ue, automatable: ua, technicalImpact: ut, missionWellBeing: um });
        assert.ok(rank(raised) >= rank(outcome), `${at.join('/')} ${outcome} -> ${up.join('/')} ${raised}`);
      });
    }
  });
});

describe('Mission & Well-being Impact', () => {
  const cases = [
    ['minimal', 'minimal', 'low'], ['minimal', 'material', 'medium'], ['minimal', 'irreversible', 'high'],
    ['support', 'minimal', 'medium'], ['support', 'material', 'medium'], ['support', 'irreversible', 'high'],
    ['essential', 'minimal', 'high'], ['essential', 'material', 'high'], ['essential', 'irreversible', 'high'],
  ] as const;
  for (const [prevalence, wellBeing, expected] of cases) {
    it(`${prevalence} + ${wellBeing} -> ${expected}`, () => assert.equal(combineMissionWellBeing(prevalence, wellBeing), expected));
  }
  it('covers every combination', () => {
    for (const p of MISSION_PREVALENCES) for (const w of PUBLIC_WELL_BEINGS) assert.ok(MISSION_WELL_BEINGS.includes(combineMissionWellBeing(p, w)));
  });
});
