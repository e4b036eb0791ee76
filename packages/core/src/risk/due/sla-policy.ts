import { invalidInput } from '../../errors/domain-error.js';
import type { Criticality, Exposure } from '../../inventory/asset.js';
import type { CvssSeverity } from '../cvss/cvss-severity.js';
import type { SsvcOutcome } from '../ssvc/ssvc-decision-points.js';

/** What an SLA matrix is keyed by: CISA's SSVC outcome, or the chosen CVSS vector's severity. */
export type SlaBasis = 'ssvc-outcome' | 'cvss-severity';

/** A matrix row: an outcome, a severity, or "Unscored" (severity basis, no valid CVSS vector). */
export type SlaRow = SsvcOutcome | CvssSeverity | 'Unscored';

/** Days to remediate, counted from when the finding was first seen. */
export interface SlaPolicy {
  readonly name: string;
  readonly basis: SlaBasis;
  /** days[row][exposure]. Every row the basis can produce must be present. */
  readonly days: Readonly<Partial<Record<SlaRow, Readonly<Record<Exposure, number>>>>>;
  /** Optional factor per asset criticality (default 1); days × factor, rounded up to whole days. */
  readonly criticalityFactor?: Readonly<Partial<Record<Criticality, number>>>;
}

/**
 * Default: by SSVC outcome, with CISA's guidance (Act as soon as possible, Attend sooner than standard
 * timelines, Track/Track* within standard timelines) set to Act 2 / Attend 14 / Track* 30 / Track 90 days,
 * halved (rounded up) for internet-facing assets. Criticality is already in the outcome (through
 * Mission & Well-being), so no criticality factor.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  name: 'default-ssvc',
  basis: 'ssvc-outcome',
  days: {
    Act: { internet: 1, internal: 2, isolated: 2 },
    Attend: { internet: 7, internal: 14, isolated: 14 },
    'Track*': { internet: 15, internal: 30, isolated: 30 },
    Track: { internet: 45, internal: 90, isolated: 90 },
  },
};

/**
 * Alternative default by CVSS severity, for organisations that set SLAs by severity: Critical 15 /
 * High 30 / Medium 90 / Low 180 / None 365 days, halved (rounded up) for internet-facing assets;
 * unscored findings are treated like Medium; criticality 5 halves again.
 */
export const DEFAULT_SEVERITY_SLA_POLICY: SlaPolicy = {
  name: 'default-severity',
  basis: 'cvss-severity',
  days: {
    Critical: { internet: 8, internal: 15, isolated: 15 },
    High: { internet: 15, internal: 30, isolated: 30 },
    Medium: { internet: 45, internal: 90, isolated: 90 },
    Low: { internet: 90, internal: 180, isolated: 180 },
    None: { internet: 183, internal: 365, isolated: 365 },
    Unscored: { internet: 45, internal: 90, isolated: 90 },
  },
  criticalityFactor: { 5: 0.5 },
};

/** SLA days for a row, exposure and criticality. Throws E_SLA_POLICY_INVALID when the row is missing or a value is not a whole number of days >= 0. */
export function slaDays(policy: SlaPolicy, row: SlaRow, exposure: Exposure, criticality: Criticality): number {
  const days = policy.days[row]?.[exposure];
  if (days === undefined || !Number.isInteger(days) || days < 0) {
    throw invalidInput('E_SLA_POLICY_INVALID', `SLA policy "${policy.name}" has no valid day count for ${row} / ${exposure}`, { field: `days.${row}.${exposure}` });
  }
  const factor = policy.criticalityFactor?.[criticality] ?? 1;
  if (!(factor > 0)) throw invalidInput('E_SLA_POLICY_INVALID', `SLA policy "${policy.name}": criticality ${criticality} factor must be > 0`, { field: `criticalityFactor.${criticality}` });
  return Math.ceil(days * factor);
}
