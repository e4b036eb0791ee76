import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FeedSourceName } from '../feed-format.js';
import type { CsafSyncState } from './csaf-plan.js';

/** What the sync remembers about one URL. */
export interface SyncedFileState {
  /** Path under <cacheDir>/<source>/. */
  relPath: string;
  etag?: string;
  lastModified?: string;
  sha256?: string;
  bytes?: number;
  /** When the current bytes were downloaded (ISO). */
  fetchedAt?: string;
}

/** Per-source sync state: validators per URL, whether the files on disk were imported, NVD window. */
export interface SourceSyncState {
  version: 1;
  /** Keyed by URL, so each URL is conditional on its own validators. */
  files: Record<string, SyncedFileState>;
  /** False from a download until its import succeeded: an all-304 run then imports again. */
  imported: boolean;
  /** NVD: the lastModEndDate of the last complete run (ISO), the start of the next window. */
  nvdLastModEnd?: string;
  /** CSAF: the provider, the newest changes.csv/ROLIE timestamp synced, documents to retry. */
  csaf?: CsafSyncState;
}

/**
 * Where the state lives: <cacheDir>/.sync-state/<source>.json. Not inside <cacheDir>/<source>/,
 * because that directory is imported as-is and must hold only feed files.
 */
export function syncStatePath(cacheDir: string, source: FeedSourceName): string {
  return join(cacheDir, '.sync-state', `${source}.json`);
}

export async function readSyncState(cacheDir: string, source: FeedSourceName): Promise<SourceSyncState> {
  try {
    const parsed = JSON.parse(await readFile(syncStatePath(cacheDir, source), 'utf8')) as Partial<SourceSyncState>;
    if (parsed.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null) return emptySyncState();
    return { version: 1, files: parsed.files, imported: parsed.imported === true, ...(parsed.nvdLastModEnd ? { nvdLastModEnd: parsed.nvdLastModEnd } : {}), ...(isCsafState(parsed.csaf) ? { csaf: parsed.csaf } : {}) };
  } catch {
    return emptySyncState(); // absent or unreadable: every URL is fetched unconditionally
  }
}

/** Writes the state atomically (temp file + rename). */
export async function writeSyncState(cacheDir: string, source: FeedSourceName, state: SourceSyncState): Promise<void> {
  const path = syncStatePath(cacheDir, source);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, path);
}

function isCsafState(v: unknown): v is CsafSyncState {
  const s = v as Partial<CsafSyncState> | undefined;
  return typeof s?.providerUrl === 'string' && (s.newestAt === undefined || typeof s.newestAt === 'string') && (s.retry === undefined || Array.isArray(s.retry)) && (s.newestPaths === undefined || Array.isArray(s.newestPaths));
}

export function emptySyncState(): SourceSyncState {
  return { version: 1, files: {}, imported: false };
}
