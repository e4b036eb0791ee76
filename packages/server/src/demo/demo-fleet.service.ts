import type { InventorySnapshot } from '@patchloop/core';
import { recordSnapshot, type Store } from '@patchloop/store';
import { rematchAsset, groupsOfPackages } from '../detection/rematch.js';
import { buildDemoFleet } from './demo-fleet.js';

/**
 * Adds the demo fleet once (when no demo asset exists yet), built from a template inventory and
 * the stored advisories for its packages; returns the number of demo hosts added.
 */
export async function ensureDemoFleet(store: Store, template: InventorySnapshot, at: string): Promise<number> {
  const existing = await store.assets.listAssets({ tag: 'demo' }, { limit: 1 });
  if (existing.items.length > 0 || template.packages.length === 0) return 0;
  const advisories = await store.feeds.listAdvisoriesForGroups(groupsOfPackages(template.packages));
  const fleet = buildDemoFleet(template.packages, advisories);
  for (const demo of fleet) {
    const { asset } = await recordSnapshot(store, { asset: { ...demo.facts, os: template.asset.os }, packages: demo.packages, warnings: [] } as InventorySnapshot, at);
    await rematchAsset(store, asset.id, at);
  }
  return fleet.length;
}
