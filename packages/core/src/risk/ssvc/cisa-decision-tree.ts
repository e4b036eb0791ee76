import { DomainError } from '../../errors/domain-error.js';
import type { Automatable, CisaDecisionPoints, Exploitation, MissionWellBeing, SsvcOutcome, TechnicalImpact } from './ssvc-decision-points.js';

/** One leaf of the tree: the four decision points and CISA's outcome. */
export type CisaTreeLeaf = readonly [Exploitation, Automatable, TechnicalImpact, MissionWellBeing, SsvcOutcome];

/**
 * CISA's SSVC decision tree, all 36 leaves, in the order of CERT/CC's table
 * CERTCC/SSVC data/csv/cisa/cisa_coordinator_2_0_3.csv (commit 5513459d9f806904d0f90add28443827d5af4576;
 * decision points Exploitation v1.1.0, Automatable v2.0.0, Technical Impact v1.0.0, Mission and
 * Well-Being Impact v1.0.0 -> CISA Levels v1.1.0), which encodes the tree of CISA's
 * "Stakeholder-Specific Vulnerability Categorization Guide" (November 2022),
 * https://www.cisa.gov/stakeholder-specific-vulnerability-categorization-ssvc.
 * The CSV writes "public poc" for poc and lower-case outcomes.
 */
export const CISA_DECISION_TREE: readonly CisaTreeLeaf[] = [
  ['none', 'no', 'partial', 'low', 'Track'], ['none', 'no', 'partial', 'medium', 'Track'], ['none', 'no', 'partial', 'high', 'Track'],
  ['none', 'no', 'total', 'low', 'Track'], ['none', 'no', 'total', 'medium', 'Track'], ['none', 'no', 'total', 'high', 'Track*'],
  ['none', 'yes', 'partial', 'low', 'Track'], ['none', 'yes', 'partial', 'medium', 'Track'], ['none', 'yes', 'partial', 'high', 'Attend'],
  ['none', 'yes', 'total', 'low', 'Track'], ['none', 'yes', 'total', 'medium', 'Track'], ['none', 'yes', 'total', 'high', 'Attend'],
  ['poc', 'no', 'partial', 'low', 'Track'], ['poc', 'no', 'partial', 'medium', 'Track'], ['poc', 'no', 'partial', 'high', 'Track*'],
  ['poc', 'no', 'total', 'low', 'Track'], ['poc', 'no', 'total', 'medium', 'Track*'], ['poc', 'no', 'total', 'high', 'Attend'],
  ['poc', 'yes', 'partial', 'low', 'Track'], ['poc', 'yes', 'partial', 'medium', 'Track'], ['poc', 'yes', 'partial', 'high', 'Attend'],
  ['poc', 'yes', 'total', 'low', 'Track'], ['poc', 'yes', 'total', 'medium', 'Track*'], ['poc', 'yes', 'total', 'high', 'Attend'],
  ['active', 'no', 'partial', 'low', 'Track'], ['active', 'no', 'partial', 'medium', 'Track'], ['active', 'no', 'partial', 'high', 'Attend'],
  ['active', 'no', 'total', 'low', 'Track'], ['active', 'no', 'total', 'medium', 'Attend'], ['active', 'no', 'total', 'high', 'Act'],
  ['active', 'yes', 'partial', 'low', 'Attend'], ['active', 'yes', 'partial', 'medium', 'Attend'], ['active', 'yes', 'partial', 'high', 'Act'],
  ['active', 'yes', 'total', 'low', 'Attend'], ['active', 'yes', 'total', 'medium', 'Act'], ['active', 'yes', 'total', 'high', 'Act'],
];

const leafKey = (e: string, a: string, t: string, m: string): string => `${e}/${a}/${t}/${m}`;
const OUTCOMES = new Map(CISA_DECISION_TREE.map(([e, a, t, m, o]) => [leafKey(e, a, t, m), o]));

/**
 * CISA's outcome for four decision points.
 * @example decideCisaOutcome({ exploitation: 'active', automatable: 'yes', technicalImpact: 'total', missionWellBeing: 'medium' }) // 'Act'
 */
export function decideCisaOutcome(points: CisaDecisionPoints): SsvcOutcome {
  const outcome = OUTCOMES.get(leafKey(points.exploitation, points.automatable, points.technicalImpact, points.missionWellBeing));
  // Unreachable with typed input: the table covers the 3 × 2 × 2 × 3 product (the tests check it).
  if (outcome === undefined) throw new DomainError('E_SSVC_NO_LEAF', 'internal', `SSVC tree has no leaf for ${JSON.stringify(points)}`);
  return outcome;
}
