import type { CvssVersion } from '../../advisory/vulnerability-intel.js';

/** Qualitative severity. CVSS v2 (NVD's rating) only uses Low, Medium and High. */
export type CvssSeverity = 'None' | 'Low' | 'Medium' | 'High' | 'Critical';

/** Severities from least to most severe, for comparisons. */
export const CVSS_SEVERITIES: readonly CvssSeverity[] = ['None', 'Low', 'Medium', 'High', 'Critical'];

/**
 * The qualitative rating of a score:
 * - v3.0, v3.1, v4.0 (FIRST's scale): 0.0 None, 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0-10.0 Critical;
 * - v2.0 (NVD's scale; the v2 spec has none): 0.0-3.9 Low, 4.0-6.9 Medium, 7.0-10.0 High.
 * @example severityOfCvssScore('3.1', 9.8) // 'Critical'
 */
export function severityOfCvssScore(version: CvssVersion, score: number): CvssSeverity {
  if (version === '2.0') return score >= 7 ? 'High' : score >= 4 ? 'Medium' : 'Low';
  if (score === 0) return 'None';
  if (score < 4) return 'Low';
  if (score < 7) return 'Medium';
  if (score < 9) return 'High';
  return 'Critical';
}
