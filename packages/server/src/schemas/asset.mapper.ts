import type { Asset } from '@patchloop/core';
import type { AssetInput, AssetPatch } from '@patchloop/store';
import type { AssetCreateBody, AssetPatchBody } from './asset.schema.js';

/** Wire body -> store input. */
export function assetCreateBodyToInput(body: AssetCreateBody): AssetInput {
  const { criticality, ...rest } = body;
  return { ...rest, ...(criticality === undefined ? {} : { criticality: criticality as AssetInput['criticality'] }), source: 'api' };
}

export function assetPatchBodyToPatch(body: AssetPatchBody): AssetPatch {
  const { criticality, ...rest } = body;
  return { ...rest, ...(criticality === undefined ? {} : { criticality: criticality as AssetInput['criticality'] }) };
}

/** Domain asset -> wire response (the domain shape is already camelCase and JSON-safe). */
export function assetToResponse(asset: Asset): Asset {
  return asset;
}
