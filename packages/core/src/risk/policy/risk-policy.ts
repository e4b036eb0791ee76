import { invalidInput } from '../../errors/domain-error.js';
import type { MergeIntelOptions } from '../intel/merge-intel.js';
import type { CvssSourceClass } from '../intel/cvss-source.js';
import { DEFAULT_SEVERITY_SLA_POLICY, DEFAULT_SLA_POLICY, slaDays, type SlaPolicy, type SlaRow } from '../due/sla-policy.js';
import { checkDueDateRule, type DueDateRule } from '../due/due-date-rule.js';

/** An organisation's risk policy: CVSS source precedence, EPSS threshold, SLA matrix, due-date rules. */
export interface RiskPolicy {
  intel: MergeIntelOptions;
  sla: SlaPolicy;
  rules: DueDateRule[];
}

export const DEFAULT_RISK_POLICY: RiskPolicy = { intel: {}, sla: DEFAULT_SLA_POLICY, rules: [] };

const CLASSES: readonly CvssSourceClass[] = ['vendor', 'nvd', 'cisa-adp', 'cna', 'adp', 'other'];
const KEYS = ['cvssPrecedence', 'epssPocThreshold', 'sla', 'rules'];

/**
 * Reads a policy document (JSON already parsed), naming the field of any problem:
 * {"cvssPrecedence": ["nvd", "vendor"], "epssPocThreshold": 0.2, "sla": "severity" | "ssvc" | {...SlaPolicy},
 *  "rules": [{"name": "pci", "match": {"tags": ["pci"]}, "days": 7}]}
 */
export function parseRiskPolicy(doc: unknown, file?: string): RiskPolicy {
  const fail = (field: string, problem: string) => invalidInput('E_POLICY_INVALID', problem, { field, ...(file ? { file } : {}) });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw fail('(root)', 'a policy is a JSON object');
  const o = doc as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !KEYS.includes(k));
  if (unknown) throw fail(unknown, `unknown key "${unknown}"; known: ${KEYS.join(', ')}`);
  return { intel: intelOf(o, fail), sla: slaOf(o.sla, fail), rules: rulesOf(o.rules, fail) };
}

type Fail = (field: string, problem: string) => Error;

function intelOf(o: Record<string, unknown>, fail: Fail): MergeIntelOptions {
  const intel: { precedence?: readonly string[]; epssPocThreshold?: number } = {};
  if (o.cvssPrecedence !== undefined) {
    const p = o.cvssPrecedence;
    if (!Array.isArray(p) || p.some((c) => !CLASSES.includes(c as CvssSourceClass))) throw fail('cvssPrecedence', `must be a list of ${CLASSES.join(', ')}`);
    intel.precedence = p as string[];
  }
  if (o.epssPocThreshold !== undefined) {
    const t = o.epssPocThreshold;
    if (typeof t !== 'number' || t < 0 || t > 1) throw fail('epssPocThreshold', 'must be a number between 0 and 1');
    intel.epssPocThreshold = t;
  }
  return intel;
}

function slaOf(sla: unknown, fail: Fail): SlaPolicy {
  if (sla === undefined || sla === 'ssvc') return DEFAULT_SLA_POLICY;
  if (sla === 'severity') return DEFAULT_SEVERITY_SLA_POLICY;
  if (sla === null || typeof sla !== 'object') throw fail('sla', 'must be "ssvc", "severity" or an SLA matrix object');
  const policy = sla as SlaPolicy;
  if (policy.basis !== 'ssvc-outcome' && policy.basis !== 'cvss-severity') throw fail('sla.basis', 'must be "ssvc-outcome" or "cvss-severity"');
  const rows: SlaRow[] = policy.basis === 'ssvc-outcome' ? ['Act', 'Attend', 'Track*', 'Track'] : ['Critical', 'High', 'Medium', 'Low', 'None', 'Unscored'];
  for (const row of rows) for (const exposure of ['internet', 'internal', 'isolated'] as const) {
    try {
      slaDays({ ...policy, name: policy.name ?? 'custom' }, row, exposure, 3);
    } catch {
      throw fail(`sla.days.${row}.${exposure}`, 'missing, or not a whole number of days >= 0');
    }
  }
  return { ...policy, name: policy.name ?? 'custom' };
}

function rulesOf(rules: unknown, fail: Fail): DueDateRule[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) throw fail('rules', 'must be a list of rules');
  return rules.map((r, i) => {
    if (r === null || typeof r !== 'object' || typeof (r as DueDateRule).name !== 'string' || typeof (r as DueDateRule).match !== 'object') throw fail(`rules.${i}`, 'a rule has a name, a match object and days or date');
    checkDueDateRule(r as DueDateRule);
    return r as DueDateRule;
  });
}
