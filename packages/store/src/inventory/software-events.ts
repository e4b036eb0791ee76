import { packageSlotKey, type InstalledPackage } from '@patchloop/core';
import type { AssetSoftwareRow } from '../schema.js';
import { softwareRowToPackage } from './software.mapper.js';

export interface SoftwareEvent {
  at: string;
  kind: 'added' | 'removed' | 'changed';
  before?: InstalledPackage;
  after?: InstalledPackage;
}

type IntervalRow = Omit<AssetSoftwareRow, 'id' | 'asset_id' | 'key_hash'>;

/**
 * Derives change events from software intervals: an interval opening is "added", one closing is
 * "removed"; a close and an open of the same slot (ecosystem, name, arch) at the same instant,
 * one each, is one "changed".
 */
export function softwareEventsFromRows(rows: readonly IntervalRow[], range: { since?: string; until?: string }): SoftwareEvent[] {
  const buckets = new Map<string, { at: string; slot: string; opened: InstalledPackage[]; closed: InstalledPackage[] }>();
  const bucket = (at: string, p: InstalledPackage) => {
    const slot = packageSlotKey(p);
    const key = `${at}\u0000${slot}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { at, slot, opened: [], closed: [] }));
    return b;
  };
  for (const r of rows) {
    const p = softwareRowToPackage(r);
    if (inRange(r.valid_from, range)) bucket(r.valid_from, p).opened.push(p);
    if (r.valid_to !== null && inRange(r.valid_to, range)) bucket(r.valid_to, p).closed.push(p);
  }
  const events = [...buckets.values()].flatMap(({ at, opened, closed }) => pairEvents(at, opened, closed));
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function pairEvents(at: string, opened: InstalledPackage[], closed: InstalledPackage[]): SoftwareEvent[] {
  if (opened.length === 1 && closed.length === 1) return [{ at, kind: 'changed', before: closed[0], after: opened[0] }];
  return [...closed.map((p) => ({ at, kind: 'removed' as const, before: p })), ...opened.map((p) => ({ at, kind: 'added' as const, after: p }))];
}

function inRange(at: string, { since, until }: { since?: string; until?: string }): boolean {
  return (since === undefined || at >= since) && (until === undefined || at <= until);
}
