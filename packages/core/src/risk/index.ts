// Public API of the risk engine: CVSS scoring, intel merge, asset context, CISA SSVC, priority, due dates.
export { scoreCvssVector, type CvssScore, type Cvss4Nomenclature } from './cvss/cvss-score.js';
export { severityOfCvssScore, CVSS_SEVERITIES, type CvssSeverity } from './cvss/cvss-severity.js';

export { mergeIntel, type MergeIntelOptions } from './intel/merge-intel.js';
export { severitiesOfAdvisory, type AdvisorySeverity, type CvssCandidate, type RejectedCvss } from './intel/cvss-candidate.js';
export { chooseCvss, compareCvssCandidates, type CvssChoice } from './intel/cvss-choice.js';
export { DEFAULT_CVSS_PRECEDENCE, type CvssSourceClass } from './intel/cvss-source.js';
export { automatableFromCvss, technicalImpactFromCvss, type Derived } from './intel/cvss-derivation.js';
export { DEFAULT_EPSS_POC_THRESHOLD, DEFAULT_EXPLOIT_REFERENCE_PATTERNS } from './intel/exploitation.js';
export type { IntelProvenance } from './intel/intel-provenance.js';
export type {
  DecisionPointSource, DecisionPointValue, KevRansomwareUse, ProfileEpss, ProfileKev, VulnerabilityDecisionPoints, VulnerabilityProfile,
} from './intel/vulnerability-profile.js';

export {
  assetRiskContextOf, MISSION_PREVALENCE_BY_CRITICALITY, SYSTEM_EXPOSURE_BY_EXPOSURE, type AssetRiskContext, type AssetRiskContextOptions,
} from './context/asset-risk-context.js';

export { CISA_DECISION_TREE, decideCisaOutcome, type CisaTreeLeaf } from './ssvc/cisa-decision-tree.js';
export { combineMissionWellBeing } from './ssvc/mission-well-being.js';
export * from './ssvc/ssvc-decision-points.js';

export { prioritize, type Priority, type PriorityContribution, type PriorityFactor, type PrioritizeOptions } from './priority/prioritize.js';
export { DEFAULT_PRIORITY_WEIGHTS, checkPriorityWeights, maxPriorityScore, type PriorityWeights } from './priority/priority-weights.js';
export { assessSsvc, type SsvcAssessment, type SsvcDecisionPointSet } from './priority/ssvc-assessment.js';

export { computeDueDate, type ComputeDueDateInput, type DueCandidate, type DueDate, type DueReason } from './due/compute-due-date.js';
export { checkDueDateRule, matchesDueDateRule, type DueDateFacts, type DueDateRule, type DueDateRuleMatch } from './due/due-date-rule.js';
export { DEFAULT_SEVERITY_SLA_POLICY, DEFAULT_SLA_POLICY, slaDays, type SlaBasis, type SlaPolicy, type SlaRow } from './due/sla-policy.js';
export { parseRiskPolicy, DEFAULT_RISK_POLICY, type RiskPolicy } from './policy/risk-policy.js';
