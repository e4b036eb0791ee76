import { collectHostInventory } from '@patchloop/inventory';
import type { Clock, InventorySnapshot } from '@patchloop/core';
import { recordSnapshot, type Store } from '@patchloop/store';
import { rematchAsset } from '../detection/rematch.js';

/** Collects this machine's inventory, stores it as an asset and re-matches it. */
export async function recordLocalHost(store: Store, clock: Clock): Promise<{ line: string; snapshot: InventorySnapshot }> {
  const at = clock.nowIso();
  const snapshot = await collectHostInventory();
  const { asset, summary } = await recordSnapshot(store, snapshot, at);
  await rematchAsset(store, asset.id, at);
  const open = await store.findings.listFindings({ assetId: asset.id });
  return { snapshot, line: `${asset.name} (${snapshot.packages.length} packages; ${summary.added} added, ${summary.removed} removed, ${summary.changed} changed since last start; ${open.length} open findings)` };
}
