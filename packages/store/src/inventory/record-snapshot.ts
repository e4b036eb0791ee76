import type { Asset, InventorySnapshot } from '@patchloop/core';
import type { Store } from '../store.js';
import type { InventoryChangeSummary } from './inventory.repository.js';

export interface RecordedSnapshot {
  asset: Asset;
  created: boolean;
  summary: Omit<InventoryChangeSummary, 'changes'>;
  warnings: string[];
}

/**
 * Stores what a collector or importer produced: the asset (created or refreshed by kind + name)
 * and its full software list, in one transaction, so a failure leaves nothing half-written.
 */
export async function recordSnapshot(store: Store, snapshot: InventorySnapshot, at: string): Promise<RecordedSnapshot> {
  const { asset: facts } = snapshot;
  return store.transaction(async (tx) => {
    const { asset, created } = await tx.assets.upsertAssetByName({ ...facts, source: facts.source ?? 'import' }, at);
    const { changes: _changes, ...summary } = await tx.inventory.recordInventory(asset.id, snapshot.packages, at);
    return { asset, created, summary, warnings: snapshot.warnings };
  });
}
