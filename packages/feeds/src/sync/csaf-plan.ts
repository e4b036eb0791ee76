import type { CsafIndexEntry, CsafIndexProblem } from './csaf-index.js';

/** What the CSAF sync remembers between runs (inside <cache>/.sync-state/csaf.json). */
export interface CsafSyncState {
  /** The provider-metadata.json URL this state belongs to; another URL starts afresh. */
  providerUrl: string;
  /** The newest timestamp of the index at the last sync, as the provider wrote it. */
  newestAt?: string;
  /** The paths (or refused entries) carrying exactly that timestamp: a later entry with the same second is still new. */
  newestPaths?: string[];
  /** Documents whose download or checksum failed: tried again on the next run. */
  retry?: string[];
}

/** Documents left out by the cap, reported with the cap and the newest one skipped. */
export interface CsafCapReport {
  maxDocuments: number;
  count: number;
  newestSkipped: string;
}

export interface CsafPlan {
  fetch: CsafIndexEntry[];
  capped?: CsafCapReport;
  /** Problems worth reporting on this run (those newer than the last sync, or undated). */
  problems: CsafIndexProblem[];
  /** The watermark to keep once the run is over. */
  newestAt?: string;
  newestPaths?: string[];
}

export interface CsafPlanInput {
  entries: readonly CsafIndexEntry[];
  problems: readonly CsafIndexProblem[];
  state: CsafSyncState | undefined;
  /** Paths already under <cache>/csaf/. */
  present: ReadonlySet<string>;
  maxDocuments: number;
}

/**
 * Which documents to download: the window is the newest `maxDocuments` documents of the index;
 * inside it, those changed since the last sync, those that failed last time and those missing
 * on disk (so raising the cap later fills in older documents). Wanted documents outside the
 * window are not fetched and are reported as capped.
 *
 * @example
 * planCsafDownloads({ entries, problems: [], state: undefined, present: new Set(), maxDocuments: 2000 }).fetch.length; // <= 2000
 */
export function planCsafDownloads({ entries, problems, state, present, maxDocuments }: CsafPlanInput): CsafPlan {
  const newest = newestFirst(entries);
  const isNew = changedSince(state);
  const retry = new Set(state?.retry ?? []);
  const wanted = (e: CsafIndexEntry): boolean => isNew(e.updatedMs, e.relPath) || retry.has(e.relPath) || !present.has(e.relPath);
  const fetch = newest.slice(0, maxDocuments).filter(wanted);
  const skipped = newest.slice(maxDocuments).filter(wanted);
  return {
    fetch,
    ...(skipped.length > 0 ? { capped: { maxDocuments, count: skipped.length, newestSkipped: skipped[0]!.updated } } : {}),
    problems: problems.filter((p) => p.updatedMs === undefined || isNew(p.updatedMs, p.entry)),
    ...watermark([...newest.map((e) => ({ key: e.relPath, updated: e.updated, ms: e.updatedMs })), ...problems.flatMap((p) => (p.updated !== undefined && p.updatedMs !== undefined ? [{ key: p.entry, updated: p.updated, ms: p.updatedMs }] : []))]),
  };
}

/** The newest timestamp of the index (documents and dated refusals) and the keys carrying it. */
function watermark(items: { key: string; updated: string; ms: number }[]): Pick<CsafPlan, 'newestAt' | 'newestPaths'> {
  const top = items.reduce<(typeof items)[number] | undefined>((best, i) => (!best || i.ms > best.ms ? i : best), undefined);
  return top ? { newestAt: top.updated, newestPaths: items.filter((i) => i.ms === top.ms).map((i) => i.key) } : {};
}

/** One entry per path (the newest), newest first; ties keep the index order. */
function newestFirst(entries: readonly CsafIndexEntry[]): CsafIndexEntry[] {
  const byPath = new Map<string, CsafIndexEntry>();
  for (const e of entries) {
    const seen = byPath.get(e.relPath);
    if (!seen || e.updatedMs > seen.updatedMs) byPath.set(e.relPath, e);
  }
  return [...byPath.values()].map((e, i) => ({ e, i })).sort((a, b) => b.e.updatedMs - a.e.updatedMs || a.i - b.i).map(({ e }) => e);
}

function changedSince(state: CsafSyncState | undefined): (ms: number, key: string) => boolean {
  const mark = state?.newestAt === undefined ? NaN : Date.parse(state.newestAt);
  if (Number.isNaN(mark)) return () => true;
  const atMark = new Set(state?.newestPaths ?? []);
  return (ms, key) => ms > mark || (ms === mark && !atMark.has(key));
}
