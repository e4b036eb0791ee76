import type { MissionPrevalence, MissionWellBeing, PublicWellBeing } from './ssvc-decision-points.js';

/**
 * Mission & Well-being Impact from Mission Prevalence and Public Well-Being Impact, as CISA's SSVC
 * guide combines them (table from CERTCC/SSVC data/csvs/mission-and-well-being_v1.csv, commit
 * d2787eebb4fca9cceb784a8d1347916b96d12f03): essential or irreversible -> high; minimal and minimal
 * -> low; everything else -> medium.
 */
const TABLE: Readonly<Record<MissionPrevalence, Readonly<Record<PublicWellBeing, MissionWellBeing>>>> = {
  minimal: { minimal: 'low', material: 'medium', irreversible: 'high' },
  support: { minimal: 'medium', material: 'medium', irreversible: 'high' },
  essential: { minimal: 'high', material: 'high', irreversible: 'high' },
};

/**
 * @example combineMissionWellBeing('support', 'minimal') // 'medium'
 */
export function combineMissionWellBeing(prevalence: MissionPrevalence, wellBeing: PublicWellBeing): MissionWellBeing {
  return TABLE[prevalence][wellBeing];
}
