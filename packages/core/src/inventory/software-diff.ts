import type { InstalledPackage } from './asset.js';

export type SoftwareChangeKind = 'added' | 'removed' | 'changed';

export interface SoftwareChange {
  kind: SoftwareChangeKind;
  before?: InstalledPackage;
  after?: InstalledPackage;
}

/** Identity of a package within one asset: the same name may exist per arch. */
export function packageSlotKey(p: Pick<InstalledPackage, 'ecosystem' | 'name' | 'arch'>): string {
  return `${p.ecosystem}\u0000${p.name}\u0000${p.arch ?? ''}`;
}

/** Identity of one exact installed package (slot plus version and source). */
export function packageFullKey(p: InstalledPackage): string {
  return `${packageSlotKey(p)}\u0000${p.version}\u0000${p.sourceName ?? ''}\u0000${p.sourceVersion ?? ''}\u0000${p.purl ?? ''}`;
}

/**
 * Compares two package lists of one asset. A slot (ecosystem, name, arch) holding exactly one
 * version on each side whose version differs is a "changed"; otherwise differing entries are
 * "removed" and "added" (application lockfiles can hold one name at several versions).
 */
export function diffSoftware(before: readonly InstalledPackage[], after: readonly InstalledPackage[]): SoftwareChange[] {
  const beforeBySlot = groupBySlot(before);
  const afterBySlot = groupBySlot(after);
  const changes: SoftwareChange[] = [];
  for (const [slot, olds] of beforeBySlot) {
    const news = afterBySlot.get(slot) ?? [];
    changes.push(...diffSlot(olds, news));
  }
  for (const [slot, news] of afterBySlot) {
    if (!beforeBySlot.has(slot)) changes.push(...news.map((p) => ({ kind: 'added' as const, after: p })));
  }
  return changes;
}

function diffSlot(olds: InstalledPackage[], news: InstalledPackage[]): SoftwareChange[] {
  const oldKeys = new Map(olds.map((p) => [packageFullKey(p), p]));
  const newKeys = new Map(news.map((p) => [packageFullKey(p), p]));
  const removed = olds.filter((p) => !newKeys.has(packageFullKey(p)));
  const added = news.filter((p) => !oldKeys.has(packageFullKey(p)));
  if (removed.length === 1 && added.length === 1) {
    return [{ kind: 'changed', before: removed[0], after: added[0] }];
  }
  return [
    ...removed.map((p) => ({ kind: 'removed' as const, before: p })),
    ...added.map((p) => ({ kind: 'added' as const, after: p })),
  ];
}

function groupBySlot(list: readonly InstalledPackage[]): Map<string, InstalledPackage[]> {
  const out = new Map<string, InstalledPackage[]>();
  for (const p of list) {
    const k = packageSlotKey(p);
    const arr = out.get(k);
    if (arr) arr.push(p);
    else out.set(k, [p]);
  }
  return out;
}
