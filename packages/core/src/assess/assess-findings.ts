import type { Advisory } from '../advisory/advisory.js';
import type { VulnerabilityIntel } from '../advisory/vulnerability-intel.js';
import type { Asset } from '../inventory/asset.js';
import type { Finding } from '../match/finding.js';
import { applyVex, type AssetRefsById, type VexStatement } from '../policy/vex.js';
import { applyAcceptances, type RiskAcceptance } from '../policy/exception.js';
import { buildRemediationPlan, type RemediationAction } from '../policy/remediation-plan.js';
import { mergeIntel, type MergeIntelOptions } from '../risk/intel/merge-intel.js';
import { severitiesOfAdvisory } from '../risk/intel/cvss-candidate.js';
import type { VulnerabilityProfile } from '../risk/intel/vulnerability-profile.js';
import { assetRiskContextOf } from '../risk/context/asset-risk-context.js';
import { prioritize, type Priority } from '../risk/priority/prioritize.js';
import { computeDueDate, type DueDate } from '../risk/due/compute-due-date.js';
import type { SlaPolicy } from '../risk/due/sla-policy.js';
import type { DueDateRule } from '../risk/due/due-date-rule.js';

/** One finding with everything a team needs to act on it. */
export interface AssessedFinding {
  finding: Finding;
  /** The vulnerability the finding is about (the CVE when there is one). */
  vulnerabilityId: string;
  firstSeen: string;
  profile: VulnerabilityProfile;
  priority: Priority;
  due: DueDate;
}

export interface AssessInput {
  findings: readonly Finding[];
  assetsById: ReadonlyMap<string, Asset>;
  /** Advisories by advisory id, for vendor severities. */
  advisoriesById: ReadonlyMap<string, readonly Advisory[]>;
  /** Intel records (nvd, cve5, kev, epss ...) by CVE id. */
  intelByCve: ReadonlyMap<string, readonly VulnerabilityIntel[]>;
  vex?: readonly VexStatement[];
  assetRefs?: AssetRefsById;
  acceptances?: readonly RiskAcceptance[];
  /** First-seen time per finding key (stored findings); defaults to now. */
  firstSeenByKey?: ReadonlyMap<string, string>;
  nowIso: string;
  slaPolicy?: SlaPolicy;
  rules?: readonly DueDateRule[];
  intelOptions?: MergeIntelOptions;
}

export interface Assessment {
  /** Ranked: highest priority first, then earliest due date. */
  assessed: AssessedFinding[];
  suppressed: ReturnType<typeof applyVex>['suppressed'];
  accepted: ReturnType<typeof applyAcceptances>['accepted'];
  plan: RemediationAction[];
}

/**
 * Findings -> what to fix first and why: VEX not_affected statements and active risk acceptances
 * take findings out (kept in the result with their reason); every remaining finding gets its
 * vulnerability profile, SSVC outcome, priority with contributions and due date; then the
 * remediation plan groups them by fix action.
 */
export function assessFindings(input: AssessInput): Assessment {
  const vex = applyVex(input.findings, input.vex ?? [], { ...(input.assetRefs ? { assetRefs: input.assetRefs } : {}) });
  const acc = applyAcceptances(vex.kept, input.assetsById, input.acceptances ?? [], input.nowIso);
  const profiles = new Map<string, VulnerabilityProfile>();
  const assessed = acc.kept.map((f) => assessOne(f, input, profiles)).sort(byRisk);
  const plan = buildRemediationPlan(
    assessed.map((a) => ({ finding: a.finding, priority: a.priority.score, kev: a.profile.kev !== undefined, dueDate: a.due.dueDate })),
    { assetKindOf: (id: string) => input.assetsById.get(id)?.kind ?? 'host' },
  );
  return { assessed, suppressed: vex.suppressed, accepted: acc.accepted, plan };
}

function assessOne(finding: Finding, input: AssessInput, profiles: Map<string, VulnerabilityProfile>): AssessedFinding {
  const vulnerabilityId = finding.vulnerabilityIds[0] ?? finding.advisoryId;
  const profile = profileOf(vulnerabilityId, finding, input, profiles);
  const asset = input.assetsById.get(finding.assetId) ?? placeholderAsset(finding.assetId);
  const context = assetRiskContextOf(asset);
  const priority = prioritize(profile, context, finding);
  const firstSeen = input.firstSeenByKey?.get(finding.key) ?? input.nowIso;
  const due = computeDueDate({ firstSeen, profile, outcome: priority.ssvc.outcome, assetContext: context, ...(input.slaPolicy ? { slaPolicy: input.slaPolicy } : {}), ...(input.rules ? { rules: input.rules } : {}) });
  return { finding, vulnerabilityId, firstSeen, profile, priority, due };
}

function profileOf(cveId: string, finding: Finding, input: AssessInput, cache: Map<string, VulnerabilityProfile>): VulnerabilityProfile {
  const key = `${cveId}\u0000${finding.advisoryId}`;
  let profile = cache.get(key);
  if (!profile) {
    const severities = (input.advisoriesById.get(finding.advisoryId) ?? []).flatMap(severitiesOfAdvisory);
    profile = mergeIntel(cveId, input.intelByCve.get(cveId) ?? [], severities, input.intelOptions);
    cache.set(key, profile);
  }
  return profile;
}

function placeholderAsset(id: string): Asset {
  return { id, kind: 'host', name: id, addresses: [], criticality: 3, exposure: 'internal', tags: [], groups: [], firstSeen: '', lastSeen: '', source: 'scan' };
}

function byRisk(a: AssessedFinding, b: AssessedFinding): number {
  return b.priority.score - a.priority.score || (a.due.dueDate < b.due.dueDate ? -1 : a.due.dueDate > b.due.dueDate ? 1 : 0) || (a.finding.key < b.finding.key ? -1 : 1);
}
