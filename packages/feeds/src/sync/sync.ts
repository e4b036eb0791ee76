import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isDomainError } from '@patchloop/core';
import type { FeedSourceName } from '../feed-format.js';
import { IMPORT_ONLY_REASONS, feedSyncMode, listFeedFiles, type FeedSelection } from './feed-urls.js';
import { fetchToFile, type FetcherOptions, type FetchToFileResult } from './fetcher.js';
import { syncNvdMirror, syncNvdPages, type NvdSyncOptions } from './nvd-sync.js';
import { syncCsafProvider, type CsafDocumentFailure, type CsafSyncOptions } from './csaf-sync.js';
import type { CsafCapReport } from './csaf-plan.js';
import { readSyncState, writeSyncState, type SourceSyncState } from './sync-state.js';

export type SourceSyncStatus = 'updated' | 'not-modified' | 'failed' | 'import-only';

/** One source's outcome, as a value: a failure here never stops the other sources. */
export interface SourceSyncResult {
  source: FeedSourceName;
  status: SourceSyncStatus;
  /** Files fetched (relative to <cacheDir>/<source>/) with what happened to each. */
  files: { relPath: string; url: string; status: 'downloaded' | 'not-modified'; bytes: number }[];
  /** What was handed to importPath (a file or the source directory). */
  importedPath?: string;
  /** The import callback's result (e.g. the import report). */
  imported?: unknown;
  /** `CODE: message` of the failure, or why an import-only source is not fetched. */
  error?: string;
  note?: string;
  /** CSAF: documents (or provider index entries) refused or failed; the others were kept. */
  failures?: CsafDocumentFailure[];
  /** CSAF: documents left out by the cap (`maxDocuments`). */
  capped?: CsafCapReport;
}

export interface SyncFeedsOptions {
  sources: readonly FeedSourceName[];
  /** Downloads go to <cacheDir>/<source>/, state to <cacheDir>/.sync-state/. */
  cacheDir: string;
  /** Fetch every file from this base URL instead of the official locations (see README layout). */
  mirror?: string;
  selection?: FeedSelection;
  fetcher?: FetcherOptions;
  /** Verify each download against `<url>.sha256` (mirrors may publish these; the official sources do not). */
  checksumSidecars?: boolean;
  nvd?: NvdSyncOptions;
  /** The CSAF provider (default Red Hat) and the cap on documents per run. */
  csaf?: CsafSyncOptions;
  /** Imports a downloaded file or directory as one version of the source. */
  importPath: (source: FeedSourceName, path: string, origin: string) => Promise<unknown>;
  /** Records an attempt on the source (with the error when it failed); the old data stays. */
  recordAttempt: (source: FeedSourceName, error?: string) => Promise<void>;
  log?: (message: string) => void;
}

type Fetched = { relPath: string; url: string } & FetchToFileResult;

/** What a source's fetch step hands back; `report` carries per-document outcomes (CSAF). */
interface FetchOutcome {
  files: Fetched[];
  state: SourceSyncState;
  changed: boolean;
  origin: string;
  /** Nothing on disk to import (CSAF before any document arrived). */
  empty?: boolean;
  report?: Pick<SourceSyncResult, 'failures' | 'capped' | 'note'>;
}

/**
 * Downloads each source (conditionally, with retries) and imports it as one version. A source
 * whose files all answered 304, and whose files were imported before, is not imported again.
 *
 * @example
 * const results = await syncFeeds({ sources: ['kev', 'epss'], cacheDir: 'data/feeds',
 *   importPath: (source, path, origin) => importFeedPath(store, path, { source, origin }),
 *   recordAttempt: (source, error) => store.feeds.recordAttempt(source, new Date().toISOString(), error ? { error } : {}) });
 */
export async function syncFeeds(opts: SyncFeedsOptions): Promise<SourceSyncResult[]> {
  const results: SourceSyncResult[] = [];
  for (const source of opts.sources) {
    results.push(await syncOneSource(source, opts));
    const last = results[results.length - 1]!;
    opts.log?.(`${source}: ${last.status}${last.error ? ` (${last.error})` : ''}`);
  }
  return results;
}

async function syncOneSource(source: FeedSourceName, opts: SyncFeedsOptions): Promise<SourceSyncResult> {
  if (feedSyncMode(source) === 'import-only') return { source, status: 'import-only', files: [], note: IMPORT_ONLY_REASONS[source] };
  const sourceDir = join(opts.cacheDir, source);
  let state = await readSyncState(opts.cacheDir, source);
  let files: Fetched[] = [];
  try {
    const fetched = await fetchBySource(source, sourceDir, state, opts);
    files = fetched.files;
    state = fetched.state;
    const summary = files.map(({ relPath, url, status, bytes }) => ({ relPath, url, status, bytes }));
    const report = fetched.report ?? {};
    if (!fetched.changed && (state.imported || fetched.empty)) {
      await writeSyncState(opts.cacheDir, source, state);
      const error = describeFailures(report.failures);
      await opts.recordAttempt(source, error);
      return { source, status: error ? 'failed' : 'not-modified', files: summary, ...report, ...(error ? { error } : {}) };
    }
    await writeSyncState(opts.cacheDir, source, { ...state, imported: false });
    const importedPath = files.length === 1 && feedSyncMode(source) === 'files' ? join(sourceDir, files[0]!.relPath) : sourceDir;
    const imported = await opts.importPath(source, importedPath, fetched.origin);
    await writeSyncState(opts.cacheDir, source, { ...state, imported: true });
    return { source, status: 'updated', files: summary, importedPath, imported, ...report };
  } catch (e) {
    const error = describeError(e);
    await opts.recordAttempt(source, error).catch(() => undefined);
    return { source, status: 'failed', files: files.map(({ relPath, url, status, bytes }) => ({ relPath, url, status, bytes })), error };
  }
}

function fetchBySource(source: FeedSourceName, sourceDir: string, state: SourceSyncState, opts: SyncFeedsOptions): Promise<FetchOutcome> {
  const mode = feedSyncMode(source);
  if (mode === 'nvd-api') return fetchNvd(sourceDir, state, opts);
  if (mode === 'csaf-provider') return fetchCsaf(state, opts);
  return fetchSourceFiles(source, sourceDir, state, opts);
}

/** CSAF: documents changed at the provider since the last run, each checked against its sidecar. */
async function fetchCsaf(state: SourceSyncState, opts: SyncFeedsOptions): Promise<FetchOutcome> {
  const out = await syncCsafProvider({ ...opts.csaf, cacheDir: opts.cacheDir, ...(opts.mirror ? { mirror: opts.mirror } : {}), state: state.csaf, ...(opts.fetcher ? { fetcher: opts.fetcher } : {}) });
  const changed = out.downloaded.length > 0;
  const notes = [
    ...(out.failures.length > 0 ? [`${out.failures.length} CSAF document(s) refused or failed (see failures)`] : []),
    ...(out.capped ? [`${out.capped.count} older document(s) not synced: over the cap of ${out.capped.maxDocuments} (newest skipped changed ${out.capped.newestSkipped})`] : []),
    ...out.notes,
  ];
  return {
    files: out.downloaded.map((d) => ({ ...d, status: 'downloaded', attempts: 1 })),
    state: { ...state, files: {}, csaf: out.csaf, ...(changed ? { imported: false } : {}) },
    changed,
    origin: out.origin,
    empty: out.documentsOnDisk === 0,
    report: { ...(out.failures.length > 0 ? { failures: out.failures } : {}), ...(out.capped ? { capped: out.capped } : {}), ...(notes.length > 0 ? { note: notes.join('; ') } : {}) },
  };
}

function describeFailures(failures: CsafDocumentFailure[] | undefined): string | undefined {
  const first = failures?.[0];
  return first ? `${failures.length} document(s) failed, first: ${first.entry}: ${first.error}` : undefined;
}

/** Fetches every planned file; state is saved after each download so a later failure keeps validators right. */
async function fetchSourceFiles(source: FeedSourceName, sourceDir: string, state: SourceSyncState, opts: SyncFeedsOptions): Promise<FetchOutcome> {
  const plan = listFeedFiles(source, opts.selection, opts.mirror);
  await removeStaleFiles(sourceDir, state, new Set(plan.map((p) => p.relPath)));
  const files: Fetched[] = [];
  let next: SourceSyncState = { ...state, files: Object.fromEntries(Object.entries(state.files).filter(([url]) => plan.some((p) => p.url === url))) };
  for (const { url, relPath } of plan) {
    const known = next.files[url];
    const r = await fetchToFile(url, join(sourceDir, relPath), {
      ...opts.fetcher,
      validators: { ...(known?.etag ? { etag: known.etag } : {}), ...(known?.lastModified ? { lastModified: known.lastModified } : {}) },
      ...(opts.checksumSidecars ? { sha256Url: `${url}.sha256` } : {}),
    });
    files.push({ url, relPath, ...r });
    if (r.status === 'downloaded') {
      next = { ...next, imported: false, files: { ...next.files, [url]: dropUndefined({ relPath, etag: r.etag, lastModified: r.lastModified, sha256: r.sha256, bytes: r.bytes, fetchedAt: new Date().toISOString() }) } };
      await writeSyncState(opts.cacheDir, source, next);
    }
  }
  const changed = files.some((f) => f.status === 'downloaded') || plan.length !== Object.keys(state.files).length;
  return { files, state: next, changed, origin: plan.length === 1 ? plan[0]!.url : plan.map((p) => p.url).join(' ') };
}

async function fetchNvd(sourceDir: string, state: SourceSyncState, opts: SyncFeedsOptions): Promise<FetchOutcome> {
  if (opts.mirror) {
    const r = await syncNvdMirror(sourceDir, opts.mirror, state, opts.fetcher ?? {});
    const files = Object.fromEntries(r.results.map((f) => [f.url, dropUndefined({ relPath: f.relPath, etag: f.etag, lastModified: f.lastModified, sha256: f.sha256 ?? state.files[f.url]?.sha256, bytes: f.bytes })]));
    return { files: r.results.map((f) => ({ ...f, attempts: 1 })), state: { ...state, files }, changed: r.changed, origin: r.origin };
  }
  const r = await syncNvdPages(sourceDir, state, opts.fetcher ?? {}, opts.nvd);
  return { files: r.files.map((relPath) => ({ relPath, url: r.origin, status: 'downloaded', bytes: 0, attempts: 1 })), state: r.state, changed: r.changed, origin: r.origin };
}

/** Drops leftovers of interrupted downloads and files of releases no longer configured. */
async function removeStaleFiles(sourceDir: string, state: SourceSyncState, planned: ReadonlySet<string>): Promise<void> {
  for (const old of Object.values(state.files)) if (!planned.has(old.relPath)) await rm(join(sourceDir, old.relPath), { force: true });
  const entries = await readdir(sourceDir, { recursive: true }).catch(() => [] as string[]);
  for (const entry of entries) if (entry.endsWith('.part')) await rm(join(sourceDir, entry), { force: true });
}

function describeError(e: unknown): string {
  return isDomainError(e) ? `${e.code}: ${e.message}` : (e as Error)?.message ?? String(e);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
