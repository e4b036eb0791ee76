import { invalidInput } from '../../errors/domain-error.js';
import type { Criticality, Exposure } from '../../inventory/asset.js';
import type { SsvcOutcome } from '../ssvc/ssvc-decision-points.js';

/**
 * Points per factor. Every table must be non-decreasing in risk (so more risk never lowers the
 * score) and the maxima must add up to at most 100.
 */
export interface PriorityWeights {
  /** Points per CVSS base-score point (score 0-10). */
  readonly cvssPerPoint: number;
  /** Points per unit of EPSS probability (score 0-1). */
  readonly epssPerUnit: number;
  /** Points when the CVE is in CISA KEV. */
  readonly kev: number;
  /** Extra points when KEV says it is known to be used in ransomware campaigns. */
  readonly kevRansomware: number;
  readonly ssvcOutcome: Readonly<Record<SsvcOutcome, number>>;
  readonly criticality: Readonly<Record<Criticality, number>>;
  readonly exposure: Readonly<Record<Exposure, number>>;
}

/** The default weights: 35 CVSS + 15 EPSS + 10 KEV + 5 ransomware + 15 SSVC + 10 criticality + 10 exposure = 100. */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  cvssPerPoint: 3.5,
  epssPerUnit: 15,
  kev: 10,
  kevRansomware: 5,
  ssvcOutcome: { Track: 0, 'Track*': 5, Attend: 10, Act: 15 },
  criticality: { 1: 0, 2: 2.5, 3: 5, 4: 7.5, 5: 10 },
  exposure: { isolated: 0, internal: 4, internet: 10 },
};

const ORDINALS = {
  ssvcOutcome: ['Track', 'Track*', 'Attend', 'Act'],
  criticality: [1, 2, 3, 4, 5],
  exposure: ['isolated', 'internal', 'internet'],
} as const;

const weightsError = (problem: string) => invalidInput('E_PRIORITY_WEIGHTS_INVALID', `priority weights: ${problem}`, { field: 'weights' });

/** The highest score the weights can give. */
export function maxPriorityScore(w: PriorityWeights): number {
  const maxOf = (table: Readonly<Record<string | number, number>>): number => Math.max(...Object.values(table));
  return w.cvssPerPoint * 10 + w.epssPerUnit + w.kev + w.kevRansomware + maxOf(w.ssvcOutcome) + maxOf(w.criticality) + maxOf(w.exposure);
}

/** Throws E_PRIORITY_WEIGHTS_INVALID unless every weight is >= 0, every table non-decreasing in risk, and the maximum <= 100. */
export function checkPriorityWeights(w: PriorityWeights): void {
  const scalars = [w.cvssPerPoint, w.epssPerUnit, w.kev, w.kevRansomware];
  if (scalars.some((x) => !(x >= 0))) throw weightsError('scalar weights must be >= 0');
  for (const [name, order] of Object.entries(ORDINALS)) {
    const table = w[name as keyof typeof ORDINALS] as Readonly<Record<string | number, number>>;
    const points = order.map((k: string | number) => table[k] ?? Number.NaN);
    if (points.some((p, i) => !(p >= 0) || (i > 0 && p < (points[i - 1] ?? 0)))) throw weightsError(`${name} must be >= 0 and non-decreasing in risk`);
  }
  const max = maxPriorityScore(w);
  if (max > 100 + 1e-9) throw weightsError(`maximum score is ${max}, above 100`);
}
