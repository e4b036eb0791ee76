import type { Advisory } from '../advisory/advisory.js';
import { compileEntries, type CompiledEntry } from './compiled-entry.js';
import type { SchemeLookup } from './compiled-range.js';
import { advisoryUid, indexAdvisory, type AdvisoryRef } from './indexed-advisory.js';

/** What matching reads from an index: its entries by package group. */
export type ReadonlyAdvisoryIndex = Pick<AdvisoryIndex, 'entriesFor' | 'size'>;

const NO_ENTRIES: readonly CompiledEntry[] = Object.freeze([]);

/**
 * Advisories compiled and indexed by package group (ecosystem, kind, name). Event versions are
 * parsed once here, so matching only compares. Withdrawn advisories are kept out of the index.
 *
 * @example
 * const index = new AdvisoryIndex({ schemeFor: (name) => schemes[name] });
 * index.upsert(advisories);
 * index.entriesFor(packageGroupId('Debian:12', 'source', 'openssl'));
 */
export class AdvisoryIndex {
  private readonly schemeFor: SchemeLookup;
  private readonly byGroup = new Map<string, CompiledEntry[]>();
  private readonly byUid = new Map<string, readonly CompiledEntry[]>();

  constructor({ schemeFor }: { schemeFor: SchemeLookup }) {
    this.schemeFor = schemeFor;
  }

  /** Number of indexed advisories. */
  get size(): number {
    return this.byUid.size;
  }

  /** The entries naming a package group. */
  entriesFor(groupId: string): readonly CompiledEntry[] {
    return this.byGroup.get(groupId) ?? NO_ENTRIES;
  }

  /** Adds or replaces advisories (by source and id). Returns the groups the old and new versions name. */
  upsert(advisories: readonly Advisory[]): Set<string> {
    const touched = new Set<string>();
    for (const advisory of advisories) {
      const uid = advisoryUid(advisory);
      this.detach(uid, touched);
      if (advisory.withdrawn) continue;
      const entries = compileEntries(indexAdvisory(advisory), this.schemeFor);
      this.byUid.set(uid, entries);
      for (const entry of entries) this.attach(entry, touched);
    }
    return touched;
  }

  /** Removes advisories. Returns the groups they named. */
  remove(refs: readonly AdvisoryRef[]): Set<string> {
    const touched = new Set<string>();
    for (const ref of refs) this.detach(advisoryUid(ref), touched);
    return touched;
  }

  private attach(entry: CompiledEntry, touched: Set<string>): void {
    touched.add(entry.groupId);
    const list = this.byGroup.get(entry.groupId);
    if (list) list.push(entry);
    else this.byGroup.set(entry.groupId, [entry]);
  }

  private detach(uid: string, touched: Set<string>): void {
    const old = this.byUid.get(uid);
    if (!old) return;
    this.byUid.delete(uid);
    for (const groupId of new Set(old.map((e) => e.groupId))) {
      touched.add(groupId);
      const kept = (this.byGroup.get(groupId) ?? []).filter((e) => e.advisory.uid !== uid);
      if (kept.length > 0) this.byGroup.set(groupId, kept);
      else this.byGroup.delete(groupId);
    }
  }
}
