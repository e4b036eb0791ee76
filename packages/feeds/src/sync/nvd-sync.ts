import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { invalidInput } from '@patchloop/core';
import { listNvdPageStartIndexes, NVD_MAX_RESULTS_PER_PAGE } from '../nvd/nvd.pages.js';
import { fetchText, fetchToFile, type FetcherOptions } from './fetcher.js';
import { NVD_API_URL, mirrorUrl } from './feed-urls.js';
import type { SourceSyncState } from './sync-state.js';

/** NVD options; the API key comes from NVD_API_KEY in the CLI. */
export interface NvdSyncOptions {
  apiKey?: string;
  /** Wait between pages; default 6000 ms without a key, 600 ms with one (NVD's published limits). */
  pageDelayMs?: number;
  resultsPerPage?: number;
  /** The API URL (tests point it at a local server). */
  apiUrl?: string;
  /** Clock for the lastModEndDate window. */
  now?: () => Date;
}

export interface NvdRunOutcome {
  /** Files fetched by this run, relative to the source directory. */
  files: string[];
  /** False when nothing new arrived (empty delta window, or every mirror page 304). */
  changed: boolean;
  origin: string;
  state: SourceSyncState;
}

/** The API allows lastModStartDate..lastModEndDate windows of at most 120 days. */
const MAX_WINDOW_MS = 120 * 24 * 3600_000;

/**
 * Fetches NVD CVE API 2.0 pages into <sourceDir>/<stamp>-full/ (first run, or when the last run
 * is older than 120 days: the older run directories are then removed) or <stamp>-delta/
 * (lastModStartDate/lastModEndDate since the last run). Directory names sort by time, so when
 * the source directory is imported the newest copy of a CVE comes last and wins.
 */
export async function syncNvdPages(sourceDir: string, state: SourceSyncState, fetcher: FetcherOptions, opts: NvdSyncOptions = {}): Promise<NvdRunOutcome> {
  const end = (opts.now ?? (() => new Date()))();
  const start = state.nvdLastModEnd && end.getTime() - Date.parse(state.nvdLastModEnd) < MAX_WINDOW_MS ? state.nvdLastModEnd : undefined;
  const runName = `${end.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${start ? 'delta' : 'full'}`;
  const runDir = join(sourceDir, runName);
  await mkdir(runDir, { recursive: true });
  try {
    const total = await fetchAllPages(runDir, fetcher, opts, start ? { lastModStartDate: nvdDate(start), lastModEndDate: nvdDate(end.toISOString()) } : {});
    if (total === 0) await rm(runDir, { recursive: true, force: true });
    if (!start) await removeOtherRuns(sourceDir, runName);
    const files = total === 0 ? [] : (await readdir(runDir)).sort().map((f) => `${runName}/${f}`);
    return { files, changed: total > 0 || !start, origin: opts.apiUrl ?? NVD_API_URL, state: { ...state, nvdLastModEnd: end.toISOString() } };
  } catch (e) {
    await rm(runDir, { recursive: true, force: true });
    throw e;
  }
}

async function fetchAllPages(runDir: string, fetcher: FetcherOptions, opts: NvdSyncOptions, window: Record<string, string>): Promise<number> {
  const perPage = opts.resultsPerPage ?? NVD_MAX_RESULTS_PER_PAGE;
  const headers = { ...fetcher.headers, ...(opts.apiKey ? { apiKey: opts.apiKey } : {}) };
  const delay = opts.pageDelayMs ?? (opts.apiKey ? 600 : 6000);
  const sleep = fetcher.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const fetchPage = async (startIndex: number): Promise<string> => {
    const url = new URL(opts.apiUrl ?? NVD_API_URL);
    for (const [k, v] of Object.entries({ resultsPerPage: String(perPage), startIndex: String(startIndex), ...window })) url.searchParams.set(k, v);
    const path = join(runDir, `page-${String(startIndex).padStart(7, '0')}.json`);
    await fetchToFile(url.toString(), path, { ...fetcher, headers });
    return path;
  };
  const first = await fetchPage(0);
  const totalResults = readTotalResults(JSON.parse(await readFile(first, 'utf8')) as unknown, first);
  for (const startIndex of listNvdPageStartIndexes({ totalResults, resultsPerPage: perPage }).slice(1)) {
    await sleep(delay);
    await fetchPage(startIndex);
  }
  return totalResults;
}

/**
 * From a mirror: <mirror>/nvd/index.json lists the page files ({"files": ["page-0000000.json", ...]}),
 * each fetched conditionally from <mirror>/nvd/<name> into <sourceDir>/mirror/.
 */
export async function syncNvdMirror(sourceDir: string, mirror: string, state: SourceSyncState, fetcher: FetcherOptions): Promise<NvdRunOutcome & { results: { url: string; relPath: string; status: 'downloaded' | 'not-modified'; etag?: string; lastModified?: string; sha256?: string; bytes: number }[] }> {
  const indexUrl = mirrorUrl(mirror, 'nvd/index.json');
  const index = JSON.parse(await fetchText(indexUrl, fetcher)) as { files?: unknown };
  const names = Array.isArray(index.files) ? index.files.filter((f): f is string => typeof f === 'string' && /^[\w.-]+\.json(\.gz)?$/.test(f)) : [];
  if (names.length === 0) throw invalidInput('E_NVD_MIRROR_INDEX_INVALID', `${indexUrl}: expected {"files": ["page-0000000.json", ...]}`, { file: indexUrl });
  const results = [];
  for (const name of names) {
    const url = mirrorUrl(mirror, `nvd/${name}`);
    const relPath = `mirror/${name}`;
    const known = state.files[url];
    const r = await fetchToFile(url, join(sourceDir, relPath), { ...fetcher, validators: { ...(known?.etag ? { etag: known.etag } : {}), ...(known?.lastModified ? { lastModified: known.lastModified } : {}) } });
    results.push({ url, relPath, ...r });
  }
  return { files: results.map((r) => r.relPath), changed: results.some((r) => r.status === 'downloaded'), origin: mirrorUrl(mirror, 'nvd/'), state, results };
}

function readTotalResults(json: unknown, file: string): number {
  const total = (json as { totalResults?: unknown } | null)?.totalResults;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) throw invalidInput('E_NVD_INVALID', 'the first NVD page has no totalResults', { file });
  return total;
}

/** NVD wants "2024-01-01T00:00:00.000+00:00"-style timestamps. */
function nvdDate(iso: string): string {
  return iso.replace(/Z$/, '+00:00');
}

async function removeOtherRuns(sourceDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(sourceDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== keep && /-(full|delta)$/.test(entry.name)) await rm(join(sourceDir, entry.name), { recursive: true, force: true });
  }
}
