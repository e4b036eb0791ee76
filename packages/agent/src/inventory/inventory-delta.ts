import { diffSoftware, type InstalledPackage } from '@patchloop/core';
import { installedPackageToWire, type WireInventory } from '../protocol/agent-wire.js';

/**
 * The delta from the list the server last accepted to the current one, in the server's terms:
 * `changed` carries the new version of a package that had exactly one version on both sides.
 * @example computeInventoryDelta([openssl_3_0_9], [openssl_3_0_11]) // { full: false, added: [], removed: [], changed: [openssl_3_0_11] }
 */
export function computeInventoryDelta(lastAccepted: readonly InstalledPackage[], current: readonly InstalledPackage[]): Extract<WireInventory, { full: false }> {
  const delta: Extract<WireInventory, { full: false }> = { full: false, added: [], removed: [], changed: [] };
  for (const change of diffSoftware(lastAccepted, current)) {
    if (change.kind === 'added' && change.after) delta.added.push(installedPackageToWire(change.after));
    else if (change.kind === 'removed' && change.before) delta.removed.push(installedPackageToWire(change.before));
    else if (change.kind === 'changed' && change.after) delta.changed.push(installedPackageToWire(change.after));
  }
  return delta;
}

/** The whole list, for the first check-in, when the server asks, after jobs and after a 409. */
export function fullInventory(current: readonly InstalledPackage[]): WireInventory {
  return { full: true, packages: current.map(installedPackageToWire) };
}
