import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, isDomainError } from '@patchloop/core';
import { detectFeedFormat, getFeedFormat, readHead, type FeedFormat, type FeedRejection } from '@patchloop/feeds';
import type { Store } from '@patchloop/store';
import { rematchAdvisoryChanges, type RematchResult } from '../detection/rematch.js';
import { hashInput, listFiles } from './input-hash.js';

export interface FeedImportOptions {
  /** Source name; detected from content when absent. */
  source?: string;
  strict?: boolean;
  /** When the data was fetched (default: now). */
  fetchedAt?: string;
  /** Import time (default: now). */
  at?: string;
  /** Where the data came from, recorded in provenance/status (default: the path). */
  origin?: string;
}

export interface FeedImportReport {
  source: string;
  origin: string;
  unchanged: boolean;
  versionId?: string;
  records: number;
  advisories: number;
  intel: number;
  rejected: FeedRejection[];
  dataDate?: string;
  changes: { added: number; changed: number; removed: number };
  rematch: RematchResult;
  seconds: number;
}

const NO_REMATCH: RematchResult = { opened: 0, reopened: 0, changed: 0, resolved: 0, assets: 0, advisories: 0 };

/**
 * Imports one feed file or directory: unchanged input stops before parsing; otherwise the whole
 * input is parsed, written as a new active version atomically, and only the packages it touched
 * are re-matched. A fatal error is recorded on the source and nothing changes.
 */
export async function importFeedPath(store: Store, path: string, opts: FeedImportOptions = {}): Promise<FeedImportReport> {
  const started = performance.now();
  const at = opts.at ?? new Date().toISOString();
  const origin = opts.origin ?? path;
  const format = await chooseFormat(path, opts.source);
  try {
    const inputHash = await hashInput(path);
    if (await store.feeds.isActiveInput(format.source, inputHash)) {
      await store.feeds.recordAttempt(format.source, at, {});
      return unchangedReport(format.source, origin, started);
    }
    const parsed = await format.parsePath(path, { fetchedAt: opts.fetchedAt ?? at, strict: opts.strict ?? false, displayName: basename(path) });
    const outcome = await store.feeds.importVersion({ source: format.source, inputHash, records: parsed.records, rejected: parsed.rejected.length, ...(parsed.dataDate ? { dataDate: parsed.dataDate } : {}), fetchedAt: opts.fetchedAt ?? at, origin, advisories: parsed.advisories, intel: parsed.intel }, at);
    const rematch = outcome.unchanged ? NO_REMATCH : await rematchAdvisoryChanges(store, outcome.changes, at);
    return {
      source: format.source, origin, unchanged: outcome.unchanged, versionId: outcome.versionId, records: parsed.records, advisories: parsed.advisories.length, intel: parsed.intel.length,
      rejected: parsed.rejected, ...(parsed.dataDate ? { dataDate: parsed.dataDate } : {}),
      changes: { added: outcome.changes.added.length, changed: outcome.changes.changed.length, removed: outcome.changes.removed.length }, rematch, seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    await store.feeds.recordAttempt(format.source, at, { error: isDomainError(e) ? `${e.code}: ${e.message}` : String((e as Error).message ?? e) }).catch(() => undefined);
    throw e;
  }
}

async function chooseFormat(path: string, source: string | undefined): Promise<FeedFormat> {
  if (source) return getFeedFormat(source);
  const sample = await sampleFile(path);
  const head = await readHead(sample);
  const format = detectFeedFormat(head, basename(sample));
  if (!format) throw new DomainError('E_FEED_FORMAT_UNKNOWN', 'invalid_input', 'cannot tell which feed this is from its content; give --source', { location: { file: path } });
  return format;
}

async function sampleFile(path: string): Promise<string> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new DomainError('E_FEED_INPUT_UNREADABLE', 'not_found', `cannot read: ${(cause as Error).message}`, { cause, location: { file: path } });
  });
  if (!info.isDirectory()) return path;
  const first = (await listFiles(path))[0];
  if (!first) throw new DomainError('E_FEED_INPUT_EMPTY', 'invalid_input', 'the directory holds no files', { location: { file: path } });
  return first;
}

function unchangedReport(source: string, origin: string, started: number): FeedImportReport {
  return { source, origin, unchanged: true, records: 0, advisories: 0, intel: 0, rejected: [], changes: { added: 0, changed: 0, removed: 0 }, rematch: NO_REMATCH, seconds: (performance.now() - started) / 1000 };
}
