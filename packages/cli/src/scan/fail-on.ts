import { invalidInput } from '@patchloop/core';
import type { ScanReport } from '@patchloop/server/scan';

export type FailOn = { kind: 'outcome'; rank: number } | { kind: 'severity'; rank: number } | { kind: 'kev' };

const OUTCOMES = ['track', 'track*', 'attend', 'act'];
const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'];

/** --fail-on: an SSVC outcome, a CVSS severity, or "kev". */
export function parseFailOn(text: string): FailOn {
  const t = text.toLowerCase();
  if (t === 'kev') return { kind: 'kev' };
  if (OUTCOMES.includes(t)) return { kind: 'outcome', rank: OUTCOMES.indexOf(t) };
  if (SEVERITIES.includes(t)) return { kind: 'severity', rank: SEVERITIES.indexOf(t) };
  throw invalidInput('E_USAGE', `--fail-on "${text}" is not one of ${[...OUTCOMES, ...SEVERITIES.slice(1), 'kev'].join(', ')}`, { field: '--fail-on' });
}

/** True when some finding reaches the threshold. */
export function failOnMatches(report: ScanReport, failOn: FailOn): boolean {
  return report.findings.some((f) => {
    if (failOn.kind === 'kev') return f.kev !== null;
    if (failOn.kind === 'outcome') return OUTCOMES.indexOf(f.ssvc.outcome.toLowerCase()) >= failOn.rank;
    return f.cvss !== null && SEVERITIES.indexOf(f.cvss.severity.toLowerCase()) >= failOn.rank;
  });
}
