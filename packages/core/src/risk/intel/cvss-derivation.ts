import type { CvssScore } from '../cvss/cvss-score.js';
import { splitCvssVector } from '../cvss/cvss-vector.js';
import type { Automatable, TechnicalImpact } from '../ssvc/ssvc-decision-points.js';

/** A value derived from a CVSS vector and the rule that gave it. */
export interface Derived<T> {
  readonly value: T;
  readonly rule: string;
}

type Level = 'N' | 'L' | 'H';

/** CVSS v2 values read on the v3/v4 N/L/H scale: C/I None/Partial/Complete; Au None/Single/Multiple as PR. */
const V2_IMPACT: Readonly<Record<string, Level>> = { N: 'N', P: 'L', C: 'H' };
const V2_AUTH_AS_PR: Readonly<Record<string, Level>> = { N: 'N', S: 'L', M: 'H' };

/** The metrics every automatable version needs, with the value that makes it "yes". */
const AUTOMATABLE_WHEN: Readonly<Record<CvssScore['version'], Readonly<Record<string, string>>>> = {
  '2.0': { AV: 'N', AC: 'L', Au: 'N' },
  '3.0': { AV: 'N', AC: 'L', PR: 'N', UI: 'N' },
  '3.1': { AV: 'N', AC: 'L', PR: 'N', UI: 'N' },
  '4.0': { AV: 'N', AC: 'L', AT: 'N', PR: 'N', UI: 'N' },
};

const metricsOf = (cvss: CvssScore): ReadonlyMap<string, string> => splitCvssVector(cvss.vector).metrics;

/**
 * SSVC Automatable from a CVSS vector.
 * - v4.0 with the supplemental Automatable metric (AU:Y / AU:N): that value (CERT/CC defines CVSS AU and
 *   SSVC Automatable as interchangeable).
 * - Otherwise "yes" when the vector says a remote attacker needs nothing from anyone: v3.x AV:N/AC:L/PR:N/UI:N,
 *   v4.0 the same plus AT:N, v2 AV:N/AC:L/Au:N. CISA's guide calls a vulnerability automatable when
 *   kill-chain steps 1-4 (reconnaissance, weaponization, delivery, exploitation) can be automated; these
 *   are the vectors where delivery and exploitation can be scripted against every reachable instance.
 * - "no" otherwise, naming the first metric that fails.
 */
export function automatableFromCvss(cvss: CvssScore): Derived<Automatable> {
  const metrics = metricsOf(cvss);
  const au = metrics.get('AU');
  if (cvss.version === '4.0' && (au === 'Y' || au === 'N')) {
    return { value: au === 'Y' ? 'yes' : 'no', rule: `cvss-au: CVSS 4.0 supplemental metric AU:${au}` };
  }
  const required = Object.entries(AUTOMATABLE_WHEN[cvss.version]);
  const failed = required.find(([k, v]) => metrics.get(k) !== v);
  const want = required.map(([k, v]) => `${k}:${v}`).join('/');
  if (!failed) return { value: 'yes', rule: `cvss-vector: ${want} (CVSS ${cvss.version})` };
  return { value: 'no', rule: `cvss-vector: ${failed[0]}:${metrics.get(failed[0]) ?? '?'} is not ${failed[0]}:${failed[1]} (yes needs ${want})` };
}

function impactLevels(cvss: CvssScore): { pr: Level; c: Level; i: Level } {
  const m = metricsOf(cvss);
  if (cvss.version === '2.0') {
    return { pr: V2_AUTH_AS_PR[m.get('Au') ?? ''] ?? 'H', c: V2_IMPACT[m.get('C') ?? ''] ?? 'N', i: V2_IMPACT[m.get('I') ?? ''] ?? 'N' };
  }
  const [c, i] = cvss.version === '4.0' ? [m.get('VC'), m.get('VI')] : [m.get('C'), m.get('I')];
  return { pr: (m.get('PR') ?? 'H') as Level, c: (c ?? 'N') as Level, i: (i ?? 'N') as Level };
}

/**
 * SSVC Technical Impact from a CVSS vector, by CERT/CC's mapping from CVSS v4 Privileges Required and
 * vulnerable-system Confidentiality/Integrity (CERTCC/SSVC data/csv/ssvc/cvssv4_to_technical_impact_1_0_0.csv):
 * "total" when C:H and I:H, or when PR:N and one of C/I is H and the other L; "partial" otherwise.
 * Availability alone never gives total control. v3.x reads C/I/PR, v4.0 VC/VI/PR; v2 reads C/I
 * (Complete = H, Partial = L) and Au as PR (None = N, Single = L, Multiple = H).
 */
export function technicalImpactFromCvss(cvss: CvssScore): Derived<TechnicalImpact> {
  const { pr, c, i } = impactLevels(cvss);
  const read = `PR:${pr} C:${c} I:${i} read from CVSS ${cvss.version}`;
  if (c === 'H' && i === 'H') return { value: 'total', rule: `cvss-vector: confidentiality and integrity high (${read})` };
  const oneHighOneLow = (c === 'H' && i === 'L') || (c === 'L' && i === 'H');
  if (pr === 'N' && oneHighOneLow) return { value: 'total', rule: `cvss-vector: no privileges, one of C/I high and the other low (${read})` };
  return { value: 'partial', rule: `cvss-vector: not total by CERT/CC's CVSS mapping (${read})` };
}
