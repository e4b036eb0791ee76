import { DomainError, type Asset } from '@patchloop/core';
import type { Store } from '@patchloop/store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an asset by id, or by name when exactly one asset of any kind has it. */
export async function resolveAsset(store: Store, ref: string): Promise<Asset> {
  if (UUID.test(ref)) {
    const byId = await store.assets.findAssetById(ref);
    if (byId) return byId;
  }
  const found = (await Promise.all((['host', 'image', 'application'] as const).map((k) => store.assets.findAssetByName(k, ref)))).filter((a): a is Asset => a !== undefined);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new DomainError('E_ASSET_AMBIGUOUS', 'conflict', `"${ref}" names ${found.length} assets (${found.map((a) => a.kind).join(', ')}); use the id`);
  throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `no asset with id or name "${ref}"`);
}
