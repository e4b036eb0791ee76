import { invalidInput } from '../../errors/domain-error.js';
import type { Criticality, Exposure } from '../../inventory/asset.js';
import type { CvssSeverity } from '../cvss/cvss-severity.js';
import type { SsvcOutcome } from '../ssvc/ssvc-decision-points.js';
import { parseInstant } from '../../time/instant.js';

/** Conditions of an organisation rule. All given conditions must hold; a list matches any of its values. */
export interface DueDateRuleMatch {
  readonly kev?: boolean;
  readonly severities?: readonly CvssSeverity[];
  readonly outcomes?: readonly SsvcOutcome[];
  /** The asset has at least one of these tags. */
  readonly tags?: readonly string[];
  readonly environments?: readonly string[];
  readonly exposures?: readonly Exposure[];
  readonly minCriticality?: Criticality;
  readonly cveIds?: readonly string[];
}

/**
 * An organisation rule: when it matches, the finding is due `days` after first seen, or on a fixed
 * `date` (exactly one of the two). Rules can only bring a due date forward: the earliest candidate wins.
 * @example { name: 'pci-internet', match: { tags: ['pci'], exposures: ['internet'] }, days: 7 }
 */
export interface DueDateRule {
  readonly name: string;
  readonly match: DueDateRuleMatch;
  readonly days?: number;
  readonly date?: string;
}

/** The facts a rule is matched against. */
export interface DueDateFacts {
  readonly cveId: string;
  readonly kev: boolean;
  /** Severity of the chosen CVSS vector; absent when there is none. */
  readonly severity?: CvssSeverity;
  readonly outcome: SsvcOutcome;
  readonly tags: readonly string[];
  readonly environment?: string;
  readonly exposure: Exposure;
  readonly criticality: Criticality;
}

const within = <T>(list: readonly T[] | undefined, value: T | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));

/** Whether every condition of the rule holds for the facts. */
export function matchesDueDateRule(rule: DueDateRule, facts: DueDateFacts): boolean {
  const m = rule.match;
  return (m.kev === undefined || m.kev === facts.kev) &&
    within(m.severities, facts.severity) &&
    within(m.outcomes, facts.outcome) &&
    (m.tags === undefined || m.tags.some((t) => facts.tags.includes(t))) &&
    within(m.environments, facts.environment) &&
    within(m.exposures, facts.exposure) &&
    (m.minCriticality === undefined || facts.criticality >= m.minCriticality) &&
    within(m.cveIds?.map((id) => id.toUpperCase()), facts.cveId.toUpperCase());
}

/** Throws E_DUE_RULE_INVALID unless the rule has a name and exactly one of a whole `days` >= 0 or a valid `date`. */
export function checkDueDateRule(rule: DueDateRule): void {
  const fail = (problem: string) => invalidInput('E_DUE_RULE_INVALID', `due-date rule "${rule.name}": ${problem}`, { field: rule.name });
  if (rule.name.trim() === '') throw fail('name is empty');
  if ((rule.days === undefined) === (rule.date === undefined)) throw fail('give exactly one of days or date');
  if (rule.days !== undefined && (!Number.isInteger(rule.days) || rule.days < 0)) throw fail(`days must be a whole number >= 0, got ${rule.days}`);
  if (rule.date !== undefined) parseInstant(rule.date, `rules.${rule.name}.date`);
}
