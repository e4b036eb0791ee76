/**
 * SSVC decision point values, as CISA's SSVC guide (November 2022) and CERT/CC's SSVC
 * (https://certcc.github.io/SSVC/) name them. Each list runs from least to most risk.
 */

/** State of exploitation: none, public proof of concept, active exploitation in the wild. */
export type Exploitation = 'none' | 'poc' | 'active';
/** Can steps 1-4 of the kill chain (recon, weaponization, delivery, exploitation) be automated? */
export type Automatable = 'no' | 'yes';
/** Partial control of / information from the affected component, or total control. */
export type TechnicalImpact = 'partial' | 'total';
/** Mission Prevalence: how the affected product matters to the organisation's mission. */
export type MissionPrevalence = 'minimal' | 'support' | 'essential';
/** Public Well-Being Impact of an exploitation. */
export type PublicWellBeing = 'minimal' | 'material' | 'irreversible';
/** Mission & Well-being Impact: Mission Prevalence combined with Public Well-Being Impact. */
export type MissionWellBeing = 'low' | 'medium' | 'high';
/** System Exposure (CERT/CC deployer tree): the accessible attack surface. */
export type SystemExposure = 'small' | 'controlled' | 'open';
/** CISA's outcomes, from least to most urgent. */
export type SsvcOutcome = 'Track' | 'Track*' | 'Attend' | 'Act';

export const EXPLOITATIONS: readonly Exploitation[] = ['none', 'poc', 'active'];
export const AUTOMATABLES: readonly Automatable[] = ['no', 'yes'];
export const TECHNICAL_IMPACTS: readonly TechnicalImpact[] = ['partial', 'total'];
export const MISSION_PREVALENCES: readonly MissionPrevalence[] = ['minimal', 'support', 'essential'];
export const PUBLIC_WELL_BEINGS: readonly PublicWellBeing[] = ['minimal', 'material', 'irreversible'];
export const MISSION_WELL_BEINGS: readonly MissionWellBeing[] = ['low', 'medium', 'high'];
export const SYSTEM_EXPOSURES: readonly SystemExposure[] = ['small', 'controlled', 'open'];
export const SSVC_OUTCOMES: readonly SsvcOutcome[] = ['Track', 'Track*', 'Attend', 'Act'];

/** The four inputs of CISA's tree. */
export interface CisaDecisionPoints {
  readonly exploitation: Exploitation;
  readonly automatable: Automatable;
  readonly technicalImpact: TechnicalImpact;
  readonly missionWellBeing: MissionWellBeing;
}
