import type { AssetRiskContext } from '../context/asset-risk-context.js';
import type { DecisionPointValue, VulnerabilityProfile } from '../intel/vulnerability-profile.js';
import { decideCisaOutcome } from '../ssvc/cisa-decision-tree.js';
import type { Automatable, Exploitation, MissionWellBeing, SsvcOutcome, TechnicalImpact } from '../ssvc/ssvc-decision-points.js';

/** All four CISA decision points for one vulnerability on one asset, each with its origin. */
export interface SsvcDecisionPointSet {
  readonly exploitation: DecisionPointValue<Exploitation>;
  readonly automatable: DecisionPointValue<Automatable>;
  readonly technicalImpact: DecisionPointValue<TechnicalImpact>;
  readonly missionWellBeing: DecisionPointValue<MissionWellBeing>;
}

export interface SsvcAssessment {
  readonly decisionPoints: SsvcDecisionPointSet;
  readonly outcome: SsvcOutcome;
}

/**
 * CISA's SSVC outcome for a vulnerability profile on an asset: the profile gives Exploitation,
 * Automatable and Technical Impact; the asset context gives Mission & Well-being.
 */
export function assessSsvc(profile: VulnerabilityProfile, context: AssetRiskContext): SsvcAssessment {
  const missionWellBeing: DecisionPointValue<MissionWellBeing> = {
    value: context.missionWellBeing,
    source: 'derived',
    rule: `asset ${context.assetId}: mission prevalence ${context.missionPrevalence} (criticality ${context.criticality}) + public well-being ${context.publicWellBeing}`,
    provenance: [],
  };
  const decisionPoints = { ...profile.ssvc, missionWellBeing };
  const outcome = decideCisaOutcome({
    exploitation: decisionPoints.exploitation.value,
    automatable: decisionPoints.automatable.value,
    technicalImpact: decisionPoints.technicalImpact.value,
    missionWellBeing: missionWellBeing.value,
  });
  return { decisionPoints, outcome };
}
