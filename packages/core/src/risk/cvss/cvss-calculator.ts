import type { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } from 'ae-cvss-calculator';
import type { CvssVersion } from '../../advisory/vulnerability-intel.js';
import { cvssLibrary } from './cvss-library.js';
import { invalidCvss, type SplitCvssVector } from './cvss-vector.js';

/** The library's vector object for one version. */
export type CvssCalculator = Cvss2 | Cvss3P0 | Cvss3P1 | Cvss4P0;

/** "Not defined" in each version: v2 writes ND, later versions X. */
const NOT_DEFINED: Readonly<Record<CvssVersion, string>> = { '2.0': 'ND', '3.0': 'X', '3.1': 'X', '4.0': 'X' };

/** Values the library accepts but the spec does not allow for a base metric (v4.0: S is for MSI/MSA only). */
const FORBIDDEN_BASE_VALUES: Readonly<Partial<Record<CvssVersion, Readonly<Record<string, readonly string[]>>>>> = {
  '4.0': { SC: ['S'], SI: ['S'], SA: ['S'] },
};

function newCalculator(version: CvssVersion): CvssCalculator {
  const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssLibrary();
  switch (version) {
    case '2.0': return new Cvss2();
    case '3.0': return new Cvss3P0();
    case '3.1': return new Cvss3P1();
    case '4.0': return new Cvss4P0();
  }
}

/** Short names of the base metrics the library registers for this version. */
function baseMetricNames(calc: CvssCalculator): string[] {
  for (const [category, components] of calc.getRegisteredComponents()) {
    if (category.name === 'base') return components.map((c) => c.shortName);
  }
  return [];
}

/**
 * Loads a split vector into the library, checking what the library is lenient about: every metric
 * must exist for the version (exact short name), every value must exist for its metric, every base
 * metric must be present and defined, and no base metric may use a value the spec reserves for others.
 * Throws E_CVSS_INVALID naming the vector and the metric.
 */
export function loadCvssCalculator(vector: string, split: SplitCvssVector): CvssCalculator {
  const calc = newCalculator(split.version);
  for (const [key, value] of split.metrics) {
    const component = calc.findComponent(key);
    if (component?.shortName !== key) throw invalidCvss(vector, `unknown metric ${key} for CVSS ${split.version}`, key);
    if (!component.values.some((v) => v.shortName === value)) {
      throw invalidCvss(vector, `unknown value "${value}" for metric ${key}`, key);
    }
    calc.applyComponentString(key, value);
  }
  checkBaseMetrics(vector, split, calc);
  return calc;
}

function checkBaseMetrics(vector: string, split: SplitCvssVector, calc: CvssCalculator): void {
  const forbidden = FORBIDDEN_BASE_VALUES[split.version] ?? {};
  for (const key of baseMetricNames(calc)) {
    const value = split.metrics.get(key);
    if (value === undefined || value === NOT_DEFINED[split.version]) throw invalidCvss(vector, `base metric ${key} is missing`, key);
    if (forbidden[key]?.includes(value)) throw invalidCvss(vector, `value "${value}" is not allowed for base metric ${key}`, key);
  }
}
