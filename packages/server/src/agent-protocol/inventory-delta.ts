import { DomainError, packageSlotKey, type InstalledPackage } from '@patchloop/core';

/** What an agent sends instead of its whole list: the changes since the last list the server accepted. */
export interface InventoryDelta {
  added: readonly InstalledPackage[];
  removed: readonly InstalledPackage[];
  /** The new version of a package installed in exactly one version. */
  changed: readonly InstalledPackage[];
}

/**
 * Applies a delta to the stored software list. The delta must describe the list the server
 * holds: removing or changing something that is not installed means the agent and the server
 * disagree, so it throws E_INVENTORY_DELTA_STALE (409) and the agent sends a full inventory.
 * Re-sending an applied delta is harmless for added and changed entries.
 * @example applyInventoryDelta([openssl_3_0_9], { added: [], removed: [], changed: [openssl_3_0_11] })
 */
export function applyInventoryDelta(current: readonly InstalledPackage[], delta: InventoryDelta): InstalledPackage[] {
  const bySlot = new Map<string, InstalledPackage[]>();
  for (const p of current) bySlot.set(packageSlotKey(p), [...(bySlot.get(packageSlotKey(p)) ?? []), p]);
  delta.removed.forEach((p, i) => removeExact(bySlot, p, `inventory.removed[${i}]`));
  delta.changed.forEach((p, i) => replaceOnly(bySlot, p, `inventory.changed[${i}]`));
  delta.added.forEach((p) => addUnlessPresent(bySlot, p));
  return [...bySlot.values()].flat();
}

function removeExact(bySlot: Map<string, InstalledPackage[]>, p: InstalledPackage, field: string): void {
  const slot = bySlot.get(packageSlotKey(p)) ?? [];
  const rest = slot.filter((q) => q.version !== p.version);
  if (rest.length === slot.length) stale(field, `${describe(p)} is not installed`);
  bySlot.set(packageSlotKey(p), rest);
}

function replaceOnly(bySlot: Map<string, InstalledPackage[]>, p: InstalledPackage, field: string): void {
  const slot = bySlot.get(packageSlotKey(p)) ?? [];
  if (slot.length !== 1) stale(field, `${p.ecosystem} ${p.name} is installed in ${slot.length} versions, not one`);
  bySlot.set(packageSlotKey(p), [p]);
}

function addUnlessPresent(bySlot: Map<string, InstalledPackage[]>, p: InstalledPackage): void {
  const slot = bySlot.get(packageSlotKey(p)) ?? [];
  bySlot.set(packageSlotKey(p), [...slot.filter((q) => q.version !== p.version), p]);
}

function describe(p: InstalledPackage): string {
  return `${p.ecosystem} ${p.name}${p.arch ? `:${p.arch}` : ''} ${p.version}`;
}

function stale(field: string, problem: string): never {
  throw new DomainError('E_INVENTORY_DELTA_STALE', 'conflict', `${problem}; the delta does not apply to the inventory the server holds, send a full inventory`, { location: { field } });
}
