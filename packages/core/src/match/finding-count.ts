import type { FleetState, KeyRecord, PackageRecord } from './fleet-state.js';
import type { KeyVerdict } from './key-verdict.js';

/** The verdicts of a key (evaluating it when needed). */
export type VerdictLookup = (key: KeyRecord) => readonly KeyVerdict[];

/**
 * How many findings one package gives an asset holding it (when no other package of the asset
 * shares its slot): the distinct advisories over its binary and source keys' verdicts.
 */
export function countPackageFindings(state: FleetState, record: PackageRecord, verdicts: VerdictLookup): number {
  const binary = verdicts(state.keyAt(record.keyIds[0]));
  const source = verdicts(state.keyAt(record.keyIds[1]));
  if (binary.length + source.length <= 1) return binary.length + source.length;
  const uids = new Set<string>();
  addAdvisoryUids(uids, binary);
  addAdvisoryUids(uids, source);
  return uids.size;
}

/** One asset's finding count from its packages; exact also when packages share a slot (one finding per slot and advisory). */
export function countAssetFindings(state: FleetState, asset: number, verdicts: VerdictLookup): number {
  const ids = state.packagesOf(asset);
  let total = 0;
  if (!state.sharesSlots(asset)) {
    for (const id of ids) total += countPackageFindings(state, state.packageAt(id), verdicts);
    return total;
  }
  const uidsBySlot = new Map<number, Set<string>>();
  for (const id of ids) {
    const record = state.packageAt(id);
    let uids = uidsBySlot.get(record.slotId);
    if (!uids) uidsBySlot.set(record.slotId, (uids = new Set()));
    for (const keyId of record.keyIds) addAdvisoryUids(uids, verdicts(state.keyAt(keyId)));
  }
  for (const uids of uidsBySlot.values()) total += uids.size;
  return total;
}

function addAdvisoryUids(uids: Set<string>, verdicts: readonly KeyVerdict[]): void {
  for (const v of verdicts) uids.add(v.entry.advisory.uid);
}
