import type { CvssVersion } from '../../advisory/vulnerability-intel.js';
import { loadCvssCalculator, type CvssCalculator } from './cvss-calculator.js';
import { cvssLibrary } from './cvss-library.js';
import { exactCvss2TemporalScore } from './cvss2-temporal.js';
import { severityOfCvssScore, type CvssSeverity } from './cvss-severity.js';
import { splitCvssVector } from './cvss-vector.js';

/** CVSS v4.0 nomenclature: which metric groups the score includes (Base, Threat, Environmental). */
export type Cvss4Nomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

/** The scores of one CVSS vector, recomputed from the vector (never trusted from a feed). */
export interface CvssScore {
  readonly version: CvssVersion;
  /** Normalized: the spec's metric order, metrics set to Not Defined (X / ND) left out. */
  readonly vector: string;
  /** Score of the base metrics alone (v4.0: CVSS-B). */
  readonly baseScore: number;
  /** Rating of the base score. */
  readonly severity: CvssSeverity;
  /** v2/v3.x: present when the vector sets a temporal metric. */
  readonly temporalScore?: number;
  /** v2/v3.x: present when the vector sets an environmental metric. */
  readonly environmentalScore?: number;
  /** The most specific score the vector supports: environmental, else temporal, else base (v4.0: the CVSS-B/BT/BE/BTE score). */
  readonly overallScore: number;
  /** v4.0 only. */
  readonly nomenclature?: Cvss4Nomenclature;
}

/**
 * Scores a CVSS v2.0, v3.0, v3.1 or v4.0 vector with ae-cvss-calculator, after checking it strictly.
 * Throws E_CVSS_INVALID (invalid_input) naming the vector and the bad metric.
 * @example
 * scoreCvssVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')
 * // { version: '3.1', baseScore: 9.8, severity: 'Critical', overallScore: 9.8, vector: 'CVSS:3.1/AV:N/…' }
 */
export function scoreCvssVector(vector: string): CvssScore {
  const split = splitCvssVector(vector);
  const calc = loadCvssCalculator(vector, split);
  return split.version === '4.0' ? scoreV4(calc) : scoreV2V3(split.version, calc);
}

function scoreV4(calc: CvssCalculator): CvssScore {
  const scores = calc.calculateScores() as { overall: number; baseMetricsOnly?: number };
  const baseScore = scores.baseMetricsOnly ?? scores.overall;
  const nomenclature = calc instanceof cvssLibrary().Cvss4P0 ? (calc.getNomenclature() as Cvss4Nomenclature) : 'CVSS-B';
  return {
    version: '4.0',
    vector: calc.toStringDefinedParts(),
    baseScore,
    severity: severityOfCvssScore('4.0', baseScore),
    overallScore: scores.overall,
    nomenclature,
  };
}

function scoreV2V3(version: CvssVersion, calc: CvssCalculator): CvssScore {
  const scores = calc.calculateScores() as { base?: number; temporal?: number; environmental?: number };
  const baseScore = scores.base ?? 0;
  const temporalScore = scores.temporal === undefined ? undefined : version === '2.0' ? exactCvss2TemporalScore(calc, baseScore) : scores.temporal;
  const environmentalScore = scores.environmental;
  return {
    version,
    vector: calc.toStringDefinedParts(),
    baseScore,
    severity: severityOfCvssScore(version, baseScore),
    ...(temporalScore === undefined ? {} : { temporalScore }),
    ...(environmentalScore === undefined ? {} : { environmentalScore }),
    overallScore: environmentalScore ?? temporalScore ?? baseScore,
  };
}
