import { parseInstant } from '../../time/instant.js';
import type { AssetRiskContext } from '../context/asset-risk-context.js';
import type { VulnerabilityProfile } from '../intel/vulnerability-profile.js';
import type { SsvcOutcome } from '../ssvc/ssvc-decision-points.js';
import { checkDueDateRule, matchesDueDateRule, type DueDateFacts, type DueDateRule } from './due-date-rule.js';
import { DEFAULT_SLA_POLICY, slaDays, type SlaPolicy, type SlaRow } from './sla-policy.js';

/** Why a due date applies: the KEV catalog's due date, the SLA matrix, or a named organisation rule. */
export type DueReason = 'kev' | 'sla' | `rule:${string}`;

export interface DueCandidate {
  readonly reason: DueReason;
  /** ISO-8601 instant, UTC. */
  readonly dueDate: string;
  readonly explanation: string;
}

export interface DueDate {
  /** The earliest candidate (ISO-8601 instant, UTC). */
  readonly dueDate: string;
  readonly reason: DueReason;
  /** Every candidate that applied, in the order kev, rules (as given), sla. */
  readonly candidates: readonly DueCandidate[];
}

export interface ComputeDueDateInput {
  /** When the finding was first seen (ISO-8601); SLA and rule days count from here. */
  readonly firstSeen: string;
  readonly profile: VulnerabilityProfile;
  readonly outcome: SsvcOutcome;
  readonly assetContext: AssetRiskContext;
  readonly slaPolicy?: SlaPolicy;
  readonly rules?: readonly DueDateRule[];
}

const DAY_MS = 86_400_000;
const addDays = (instant: string, days: number): string => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

function factsOf({ profile, outcome, assetContext: c }: ComputeDueDateInput): DueDateFacts {
  return {
    cveId: profile.cveId,
    kev: profile.kev !== undefined,
    ...(profile.cvss ? { severity: profile.cvss.cvss.severity } : {}),
    outcome,
    tags: c.tags,
    ...(c.environment === undefined ? {} : { environment: c.environment }),
    exposure: c.exposure,
    criticality: c.criticality,
  };
}

function kevCandidate(profile: VulnerabilityProfile): DueCandidate[] {
  const due = profile.kev?.dueDate;
  if (due === undefined) return [];
  return [{ reason: 'kev', dueDate: parseInstant(due, 'profile.kev.dueDate'), explanation: `CISA KEV due date ${due} (added ${profile.kev?.dateAdded ?? '?'})` }];
}

function ruleCandidates(rules: readonly DueDateRule[], facts: DueDateFacts, firstSeen: string): DueCandidate[] {
  return rules.filter((r) => matchesDueDateRule(r, facts)).map((r): DueCandidate => {
    const reason: DueReason = `rule:${r.name}`;
    if (r.date !== undefined) return { reason, dueDate: parseInstant(r.date, `rules.${r.name}.date`), explanation: `rule ${r.name}: fixed date ${r.date}` };
    const days = r.days ?? 0;
    return { reason, dueDate: addDays(firstSeen, days), explanation: `rule ${r.name}: ${days} days from first seen` };
  });
}

function slaCandidate(policy: SlaPolicy, facts: DueDateFacts, firstSeen: string): DueCandidate {
  const row: SlaRow = policy.basis === 'ssvc-outcome' ? facts.outcome : (facts.severity ?? 'Unscored');
  const days = slaDays(policy, row, facts.exposure, facts.criticality);
  const explanation = `SLA ${policy.name}: ${row}, ${facts.exposure}, criticality ${facts.criticality} -> ${days} days from first seen ${firstSeen}`;
  return { reason: 'sla', dueDate: addDays(firstSeen, days), explanation };
}

/**
 * The remediation due date: the EARLIEST of the CISA KEV due date (CVE in KEV), every matching
 * organisation rule, and the SLA matrix, counted from first seen. A bare date (KEV's YYYY-MM-DD, a
 * rule's fixed date) means the start of that day in UTC. On a tie the first in the order kev, rules,
 * sla is reported. Pure: times in and out as ISO strings, no clock.
 * Throws E_INSTANT_INVALID, E_DUE_RULE_INVALID or E_SLA_POLICY_INVALID on bad input.
 * @example
 * computeDueDate({ firstSeen: '2024-03-01T08:00:00Z', profile, outcome: 'Attend', assetContext })
 * // { dueDate: '2024-03-15T08:00:00.000Z', reason: 'sla', candidates: [ … ] }
 */
export function computeDueDate(input: ComputeDueDateInput): DueDate {
  const slaPolicy = input.slaPolicy ?? DEFAULT_SLA_POLICY;
  const rules = input.rules ?? NO_RULES;
  const byKey = memoFor(slaPolicy, rules, input.profile);
  const key = dueKey(input);
  let due = byKey.get(key);
  if (!due) {
    due = dueDateOf(input, slaPolicy, rules);
    byKey.set(key, due);
  }
  return due;
}

function dueDateOf(input: ComputeDueDateInput, slaPolicy: SlaPolicy, rules: readonly DueDateRule[]): DueDate {
  rules.forEach(checkDueDateRule);
  const firstSeen = firstSeenInstant(input.firstSeen);
  const facts = factsOf(input);
  const candidates = [...kevCandidate(input.profile), ...ruleCandidates(rules, facts, firstSeen), sharedSlaCandidate(slaPolicy, facts, firstSeen)];
  const earliest = candidates.reduce((best, c) => (c.dueDate < best.dueDate ? c : best));
  return { dueDate: earliest.dueDate, reason: earliest.reason, candidates };
}

const NO_RULES: readonly DueDateRule[] = Object.freeze([]);

/** A scan's findings share one first-seen time (the scan's): it is parsed once. */
let lastFirstSeen = { text: '', instant: '' };

function firstSeenInstant(text: string): string {
  if (text !== lastFirstSeen.text) lastFirstSeen = { text, instant: parseInstant(text, 'firstSeen') };
  return lastFirstSeen.instant;
}

/**
 * SLA candidates of one policy and first-seen time by what else slaCandidate reads (row, exposure,
 * criticality): a scan's findings share the scan's first-seen time and fall in a handful of cells,
 * so the (readonly) candidate is built once per cell. Only the last policy and first-seen time are
 * kept, so a server assessing findings first seen at many times holds one small map.
 */
let slaCells: { policy: SlaPolicy; firstSeen: string; byCell: Map<string, DueCandidate> } | undefined;

function sharedSlaCandidate(policy: SlaPolicy, facts: DueDateFacts, firstSeen: string): DueCandidate {
  if (slaCells?.policy !== policy || slaCells.firstSeen !== firstSeen) slaCells = { policy, firstSeen, byCell: new Map() };
  const row: SlaRow = policy.basis === 'ssvc-outcome' ? facts.outcome : (facts.severity ?? 'Unscored');
  const key = `${row}\u0000${facts.exposure}\u0000${facts.criticality}`;
  let candidate = slaCells.byCell.get(key);
  if (!candidate) {
    candidate = slaCandidate(policy, facts, firstSeen);
    slaCells.byCell.set(key, candidate);
  }
  return candidate;
}

/**
 * Due dates by SLA policy, rules, profile and the rest of the input (dueKey): a host's binaries of
 * one source package share a profile, first-seen time and asset, so their due date is computed once
 * (issue 5). Callers receive the same (readonly) DueDate object.
 */
const memo = new WeakMap<SlaPolicy, WeakMap<readonly DueDateRule[], WeakMap<VulnerabilityProfile, Map<string, DueDate>>>>();

function memoFor(slaPolicy: SlaPolicy, rules: readonly DueDateRule[], profile: VulnerabilityProfile): Map<string, DueDate> {
  const byRules = memo.get(slaPolicy) ?? memo.set(slaPolicy, new WeakMap()).get(slaPolicy)!;
  const byProfile = byRules.get(rules) ?? byRules.set(rules, new WeakMap()).get(rules)!;
  return byProfile.get(profile) ?? byProfile.set(profile, new Map()).get(profile)!;
}

/** Every input besides policy, rules and profile that a due date depends on (factsOf, first seen). */
function dueKey({ firstSeen, outcome, assetContext: c }: ComputeDueDateInput): string {
  return [firstSeen, outcome, c.exposure, c.criticality, c.environment ?? '\u0001', ...c.tags].join('\u0000');
}
