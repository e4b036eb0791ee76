import type { Asset, Criticality, Exposure } from '../../inventory/asset.js';
import { combineMissionWellBeing } from '../ssvc/mission-well-being.js';
import type { MissionPrevalence, MissionWellBeing, PublicWellBeing, SystemExposure } from '../ssvc/ssvc-decision-points.js';

/** The asset facts the risk engine uses, with the SSVC decision points they map to. */
export interface AssetRiskContext {
  readonly assetId: string;
  readonly criticality: Criticality;
  readonly exposure: Exposure;
  readonly environment?: string;
  readonly tags: readonly string[];
  readonly missionPrevalence: MissionPrevalence;
  readonly publicWellBeing: PublicWellBeing;
  readonly missionWellBeing: MissionWellBeing;
  readonly systemExposure: SystemExposure;
  /** How each SSVC value was obtained, one line each. */
  readonly explanation: readonly string[];
}

export interface AssetRiskContextOptions {
  /**
   * Public Well-Being Impact of a compromise of this asset. Patchloop has no asset field for it, so
   * it is a policy input; default "minimal" (then Mission & Well-being follows criticality alone).
   */
  readonly publicWellBeing?: PublicWellBeing;
}

/**
 * Criticality (1 lowest .. 5 highest; new assets default to 3) as SSVC Mission Prevalence:
 * 1-2 minimal (the asset is not needed by any mission essential function), 3 support (it supports
 * one), 4-5 essential (a mission essential function depends on it).
 */
export const MISSION_PREVALENCE_BY_CRITICALITY: Readonly<Record<Criticality, MissionPrevalence>> = {
  1: 'minimal', 2: 'minimal', 3: 'support', 4: 'essential', 5: 'essential',
};

/** Exposure as SSVC System Exposure: internet-facing -> open, internal -> controlled, isolated -> small. */
export const SYSTEM_EXPOSURE_BY_EXPOSURE: Readonly<Record<Exposure, SystemExposure>> = {
  internet: 'open', internal: 'controlled', isolated: 'small',
};

/**
 * The asset's risk context. With the default Public Well-Being "minimal", Mission & Well-being is
 * low for criticality 1-2, medium for 3 and high for 4-5 (CISA's combination table).
 * @example assetRiskContextOf(asset).missionWellBeing // 'high' for a criticality-5 asset
 */
export function assetRiskContextOf(
  asset: Pick<Asset, 'id' | 'criticality' | 'exposure' | 'environment' | 'tags'>,
  { publicWellBeing = 'minimal' }: AssetRiskContextOptions = {},
): AssetRiskContext {
  const missionPrevalence = MISSION_PREVALENCE_BY_CRITICALITY[asset.criticality];
  const missionWellBeing = combineMissionWellBeing(missionPrevalence, publicWellBeing);
  const systemExposure = SYSTEM_EXPOSURE_BY_EXPOSURE[asset.exposure];
  return {
    assetId: asset.id,
    criticality: asset.criticality,
    exposure: asset.exposure,
    ...(asset.environment === undefined ? {} : { environment: asset.environment }),
    tags: [...asset.tags],
    missionPrevalence,
    publicWellBeing,
    missionWellBeing,
    systemExposure,
    explanation: [
      `mission prevalence ${missionPrevalence}: criticality ${asset.criticality}`,
      `mission & well-being ${missionWellBeing}: prevalence ${missionPrevalence} + public well-being ${publicWellBeing}`,
      `system exposure ${systemExposure}: exposure ${asset.exposure}`,
    ],
  };
}
