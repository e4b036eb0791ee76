import { invalidInput } from '../../errors/domain-error.js';
import type { Finding } from '../../match/finding.js';
import type { AssetRiskContext } from '../context/asset-risk-context.js';
import type { VulnerabilityProfile } from '../intel/vulnerability-profile.js';
import { checkPriorityWeights, DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights } from './priority-weights.js';
import { assessSsvc, type SsvcAssessment } from './ssvc-assessment.js';

export type PriorityFactor = 'cvss' | 'epss' | 'kev' | 'kev-ransomware' | 'ssvc' | 'criticality' | 'exposure';

/** One factor's share of the score. `points` has one decimal; the contributions add up to the score exactly. */
export interface PriorityContribution {
  readonly factor: PriorityFactor;
  readonly value: string | number | boolean | null;
  readonly points: number;
  readonly explanation: string;
}

export interface Priority {
  readonly findingKey: string;
  readonly cveId: string;
  readonly assetId: string;
  /** 0-100, one decimal: the sum of the contributions' points. */
  readonly score: number;
  /** Every factor, also those giving 0 points, in a fixed order. */
  readonly contributions: readonly PriorityContribution[];
  readonly ssvc: SsvcAssessment;
}

export interface PrioritizeOptions {
  readonly weights?: PriorityWeights;
}

/** A contribution with its points in integer tenths, so the sum is exact. */
type Part = Omit<PriorityContribution, 'points'> & { tenths: number };
const part = (factor: PriorityFactor, value: PriorityContribution['value'], points: number, explanation: string): Part =>
  ({ factor, value, tenths: Math.round(points * 10), explanation });

function checkInputs(profile: VulnerabilityProfile, context: AssetRiskContext, finding: Finding): void {
  if (finding.assetId !== context.assetId) {
    throw invalidInput('E_PRIORITY_MISMATCH', `finding ${finding.key} is on asset ${finding.assetId}, the context is for ${context.assetId}`, { field: 'assetContext' });
  }
  if (!finding.vulnerabilityIds.includes(profile.cveId) && !finding.vulnerabilityIds.some((id) => id.toUpperCase() === profile.cveId)) {
    throw invalidInput('E_PRIORITY_MISMATCH', `finding ${finding.key} is not about ${profile.cveId} (ids: ${finding.vulnerabilityIds.join(', ')})`, { field: 'profile' });
  }
}

function vulnerabilityParts(profile: VulnerabilityProfile, w: PriorityWeights): Part[] {
  const { cvss, epss, kev } = profile;
  return [
    cvss
      ? part('cvss', cvss.cvss.baseScore, cvss.cvss.baseScore * w.cvssPerPoint, `CVSS ${cvss.cvss.version} base ${cvss.cvss.baseScore} × ${w.cvssPerPoint} (${cvss.sourceClass}, ${cvss.cvss.vector})`)
      : part('cvss', null, 0, 'no valid CVSS vector: 0 points'),
    epss
      ? part('epss', epss.score, epss.score * w.epssPerUnit, `EPSS ${epss.score} (percentile ${epss.percentile}, ${epss.date}) × ${w.epssPerUnit}`)
      : part('epss', null, 0, 'no EPSS score: 0 points'),
    part('kev', kev !== undefined, kev ? w.kev : 0, kev ? `in CISA KEV since ${kev.dateAdded}` : 'not in CISA KEV'),
    part('kev-ransomware', kev?.ransomware === 'known', kev?.ransomware === 'known' ? w.kevRansomware : 0,
      kev?.ransomware === 'known' ? 'KEV: known use in ransomware campaigns' : 'no known ransomware use'),
  ];
}

function assetParts(ssvc: SsvcAssessment, context: AssetRiskContext, w: PriorityWeights): Part[] {
  return [
    part('ssvc', ssvc.outcome, w.ssvcOutcome[ssvc.outcome], `CISA SSVC outcome ${ssvc.outcome}`),
    part('criticality', context.criticality, w.criticality[context.criticality], `asset criticality ${context.criticality} of 5`),
    part('exposure', context.exposure, w.exposure[context.exposure], `asset exposure ${context.exposure} (SSVC system exposure ${context.systemExposure})`),
  ];
}

/**
 * Priority of one finding: a 0-100 score as the sum of shown contributions (formula in
 * risk/README.md) and the CISA SSVC outcome with its decision points. Monotonic: more risk in any
 * input never lowers the score. Throws E_PRIORITY_MISMATCH when the finding is not about the
 * profile's CVE or not on the context's asset, E_PRIORITY_WEIGHTS_INVALID for bad weights.
 * @example
 * const p = prioritize(mergeIntel(cve, records, severities), assetRiskContextOf(asset), finding);
 * p.score; p.contributions.map((c) => `${c.factor} +${c.points}`); p.ssvc.outcome
 */
export function prioritize(profile: VulnerabilityProfile, assetContext: AssetRiskContext, finding: Finding, options: PrioritizeOptions = {}): Priority {
  const { weights = DEFAULT_PRIORITY_WEIGHTS } = options;
  if (weights !== DEFAULT_PRIORITY_WEIGHTS) checkPriorityWeights(weights);
  checkInputs(profile, assetContext, finding);
  const scored = weights === DEFAULT_PRIORITY_WEIGHTS ? scoredWithDefaults(profile, assetContext) : score(profile, assetContext, weights);
  return { findingKey: finding.key, cveId: profile.cveId, assetId: assetContext.assetId, score: scored.score, contributions: scored.contributions, ssvc: scored.ssvc };
}

type Scored = Pick<Priority, 'score' | 'contributions' | 'ssvc'>;

function score(profile: VulnerabilityProfile, assetContext: AssetRiskContext, weights: PriorityWeights): Scored {
  const ssvc = assessSsvc(profile, assetContext);
  const parts = [...vulnerabilityParts(profile, weights), ...assetParts(ssvc, assetContext, weights)];
  let totalTenths = 0;
  for (const p of parts) totalTenths += p.tenths;
  return { score: totalTenths / 10, contributions: parts.map(toContribution), ssvc };
}

function toContribution(p: Part): PriorityContribution {
  return { factor: p.factor, value: p.value, explanation: p.explanation, points: p.tenths / 10 };
}

/**
 * Scores with the default weights, once per profile and asset context: the binaries of one source
 * package share a profile, so a host's findings repeat each score several times (issue 5). Findings
 * receive the same (readonly) contributions and SSVC objects.
 */
const scoredByProfile = new WeakMap<VulnerabilityProfile, Map<string, Scored>>();

function scoredWithDefaults(profile: VulnerabilityProfile, assetContext: AssetRiskContext): Scored {
  const byContext = scoredByProfile.get(profile) ?? scoredByProfile.set(profile, new Map()).get(profile)!;
  const key = contextKey(assetContext);
  let scored = byContext.get(key);
  if (!scored) {
    scored = score(profile, assetContext, DEFAULT_PRIORITY_WEIGHTS);
    byContext.set(key, scored);
  }
  return scored;
}

/** Every context field the SSVC assessment and the asset contributions read. */
function contextKey(c: AssetRiskContext): string {
  return `${c.assetId}\u0000${c.criticality}\u0000${c.exposure}\u0000${c.systemExposure}\u0000${c.missionPrevalence}\u0000${c.publicWellBeing}\u0000${c.missionWellBeing}`;
}
