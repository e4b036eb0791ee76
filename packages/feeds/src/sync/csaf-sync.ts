import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { DomainError, invalidInput, isDomainError } from '@patchloop/core';
import { E_CHECKSUM_MISMATCH, E_CHECKSUM_UNAVAILABLE, E_FETCH_HTTP_STATUS } from './fetch.errors.js';
import { fetchText, fetchToFile, type FetcherOptions } from './fetcher.js';
import { CSAF_MIRROR_PATH, CSAF_PROVIDER_METADATA_URL, mirrorUrl } from './feed-urls.js';
import { E_CSAF_PROVIDER_INVALID, parseProviderMetadata, type CsafProvider } from './csaf-provider.js';
import { parseChangesCsv, parseRolieFeed, type CsafIndex, type CsafIndexEntry } from './csaf-index.js';
import { planCsafDownloads, type CsafCapReport, type CsafSyncState } from './csaf-plan.js';

/** CSAF provider options (`feeds sync csaf`). */
export interface CsafSyncOptions {
  /** provider-metadata.json URL; default Red Hat's, or `<mirror>/csaf/provider-metadata.json` with a mirror. */
  providerMetadataUrl?: string;
  /** Most documents kept in the window, newest first (default 2,000; `--csaf-max-documents`). */
  maxDocuments?: number;
  /** Documents downloaded in parallel (default 4). */
  concurrency?: number;
}

export const DEFAULT_CSAF_MAX_DOCUMENTS = 2000;

/** A document (or index entry) that was refused or failed; the others went on. */
export interface CsafDocumentFailure {
  entry: string;
  url?: string;
  error: string;
}

export interface CsafDownloaded {
  relPath: string;
  url: string;
  bytes: number;
}

export interface CsafSyncOutcome {
  downloaded: CsafDownloaded[];
  failures: CsafDocumentFailure[];
  capped?: CsafCapReport;
  /** The state to keep after this run. */
  csaf: CsafSyncState;
  /** Documents now under <cache>/csaf/ (0: nothing to import). */
  documentsOnDisk: number;
  origin: string;
  /** E.g. ROLIE feeds skipped because they are not TLP:WHITE/CLEAR. */
  notes: string[];
}

export interface SyncCsafProviderInput extends CsafSyncOptions {
  cacheDir: string;
  mirror?: string;
  state: CsafSyncState | undefined;
  fetcher?: FetcherOptions;
}

/** Which provider-metadata.json a run reads: explicit URL, else the mirror's copy, else Red Hat's. */
export function csafMetadataUrl(opts: { providerMetadataUrl?: string; mirror?: string }): string {
  return opts.providerMetadataUrl ?? (opts.mirror ? mirrorUrl(opts.mirror, CSAF_MIRROR_PATH) : CSAF_PROVIDER_METADATA_URL);
}

/**
 * Syncs one CSAF trusted provider (CSAF 2.0 section 7) into <cacheDir>/csaf/<path>: reads
 * provider-metadata.json, then changes.csv of the directory distribution (or the ROLIE feeds when
 * there is none), downloads the documents changed since the last run (capped, newest first), each
 * verified against its .sha256/.sha512 sidecar in a staging directory before it replaces the
 * cached copy. Failures are per document; the run goes on.
 *
 * @example
 * const out = await syncCsafProvider({ cacheDir: 'data/feeds', state: undefined, maxDocuments: 500 });
 * out.downloaded.length; out.capped?.count;
 */
export async function syncCsafProvider(input: SyncCsafProviderInput): Promise<CsafSyncOutcome> {
  const { cacheDir, fetcher = {}, maxDocuments = DEFAULT_CSAF_MAX_DOCUMENTS, concurrency = 4 } = input;
  const metadataUrl = csafMetadataUrl(input);
  const csafDir = join(cacheDir, 'csaf');
  const provider = await fetchProvider(metadataUrl, fetcher);
  const index = await fetchIndex(provider, fetcher);
  const prior = input.state?.providerUrl === metadataUrl ? input.state : undefined;
  const plan = planCsafDownloads({ ...index, state: prior, present: await listDocuments(csafDir), maxDocuments });
  const { downloaded, failed } = await downloadAll(plan.fetch, csafDir, join(cacheDir, '.csaf-staging'), fetcher, concurrency);
  const failures = [...plan.problems.map(({ entry, url, error }) => ({ entry, ...(url ? { url } : {}), error })), ...failed.map((f) => f.failure)];
  const newestAt = plan.newestAt ?? prior?.newestAt;
  const newestPaths = plan.newestAt ? plan.newestPaths : prior?.newestPaths;
  return {
    downloaded,
    failures,
    ...(plan.capped ? { capped: plan.capped } : {}),
    csaf: { providerUrl: metadataUrl, ...(newestAt ? { newestAt } : {}), ...(newestPaths ? { newestPaths } : {}), retry: failed.map((f) => f.relPath) },
    documentsOnDisk: [...(await listDocuments(csafDir))].filter((p) => p.endsWith('.json')).length,
    origin: metadataUrl,
    notes: provider.skippedFeeds.map((u) => `ROLIE feed ${u} skipped: not TLP:WHITE/CLEAR`),
  };
}

async function fetchProvider(metadataUrl: string, fetcher: FetcherOptions): Promise<CsafProvider> {
  const text = await fetchText(metadataUrl, fetcher);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalidInput(E_CSAF_PROVIDER_INVALID, 'not JSON', { file: metadataUrl }, e);
  }
  return parseProviderMetadata(json, metadataUrl);
}

/** The first directory distribution's changes.csv, else every public ROLIE feed. */
async function fetchIndex(provider: CsafProvider, fetcher: FetcherOptions): Promise<CsafIndex> {
  const directory = provider.directoryUrls[0];
  if (directory) return parseChangesCsv(await fetchText(`${directory}changes.csv`, fetcher), directory);
  const merged: CsafIndex = { entries: [], problems: [] };
  for (const feedUrl of provider.rolieFeedUrls) {
    const text = await fetchText(feedUrl, fetcher);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw invalidInput(E_CSAF_PROVIDER_INVALID, 'ROLIE feed is not JSON', { file: feedUrl }, e);
    }
    const one = parseRolieFeed(json, feedUrl);
    merged.entries.push(...one.entries);
    merged.problems.push(...one.problems);
  }
  return merged;
}

async function listDocuments(csafDir: string): Promise<Set<string>> {
  const entries = await readdir(csafDir, { recursive: true }).catch(() => [] as string[]);
  return new Set(entries.map((e) => e.split(sep).join('/')));
}

type Attempt = { ok: CsafDownloaded } | { relPath: string; failure: CsafDocumentFailure };

async function downloadAll(entries: CsafIndexEntry[], csafDir: string, stagingDir: string, fetcher: FetcherOptions, concurrency: number): Promise<{ downloaded: CsafDownloaded[]; failed: { relPath: string; failure: CsafDocumentFailure }[] }> {
  await rm(stagingDir, { recursive: true, force: true }); // leftovers of an interrupted run
  await mkdir(stagingDir, { recursive: true });
  const attempts: Attempt[] = new Array<Attempt>(entries.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < entries.length; i = next++) attempts[i] = await attemptDocument(entries[i]!, csafDir, stagingDir, fetcher);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, entries.length)) }, worker));
  await rm(stagingDir, { recursive: true, force: true });
  return {
    downloaded: attempts.flatMap((a) => ('ok' in a ? [a.ok] : [])),
    failed: attempts.flatMap((a) => ('failure' in a ? [a] : [])),
  };
}

async function attemptDocument(entry: CsafIndexEntry, csafDir: string, stagingDir: string, fetcher: FetcherOptions): Promise<Attempt> {
  try {
    return { ok: await downloadDocument(entry, csafDir, stagingDir, fetcher) };
  } catch (e) {
    const error = isDomainError(e) ? `${e.code}: ${e.message}` : `${(e as Error)?.message ?? String(e)}`;
    return { relPath: entry.relPath, failure: { entry: entry.relPath, url: entry.url, error } };
  }
}

/** Download to staging, check the sidecar digest, then move over the cached copy. */
async function downloadDocument(entry: CsafIndexEntry, csafDir: string, stagingDir: string, fetcher: FetcherOptions): Promise<CsafDownloaded> {
  const digest = await readDigest(entry, fetcher);
  const staged = join(stagingDir, `${randomBytes(8).toString('hex')}.json`);
  try {
    const r = await fetchToFile(entry.url, staged, fetcher);
    const actual = digest.algorithm === 'sha256' ? r.sha256 : await hashFile(staged, digest.algorithm);
    if (actual !== digest.hex) throw new DomainError(E_CHECKSUM_MISMATCH, 'invalid_input', `${entry.url}: ${digest.algorithm} is ${actual}, expected ${digest.hex} (from ${digest.url}); the download was discarded`);
    const dest = join(csafDir, entry.relPath);
    await mkdir(dirname(dest), { recursive: true });
    await rename(staged, dest);
    return { relPath: entry.relPath, url: entry.url, bytes: r.bytes };
  } finally {
    await rm(staged, { force: true });
  }
}

type Digest = { algorithm: 'sha256' | 'sha512'; hex: string; url: string };

/** The first sidecar that exists (404 on .sha256 tries .sha512); a published but unreadable one fails. */
async function readDigest(entry: CsafIndexEntry, fetcher: FetcherOptions): Promise<Digest> {
  for (const url of entry.hashUrls) {
    let text: string;
    try {
      text = await fetchText(url, fetcher);
    } catch (e) {
      if (isDomainError(e) && e.code === E_FETCH_HTTP_STATUS) continue;
      throw e;
    }
    const algorithm = url.endsWith('.sha512') ? 'sha512' : url.endsWith('.sha256') ? 'sha256' : undefined;
    const hex = /^\s*([0-9a-fA-F]{64}(?:[0-9a-fA-F]{64})?)(?:\s|$)/.exec(text)?.[1]?.toLowerCase();
    const found = algorithm ?? (hex?.length === 128 ? 'sha512' : 'sha256');
    if (!hex || hex.length !== (found === 'sha512' ? 128 : 64)) throw new DomainError(E_CHECKSUM_UNAVAILABLE, 'unavailable', `${url}: no ${found} digest in the sidecar`);
    return { algorithm: found, hex, url };
  }
  throw new DomainError(E_CHECKSUM_UNAVAILABLE, 'unavailable', `${entry.url}: no checksum sidecar (${entry.hashUrls.join(', ')}); the document was not downloaded`);
}

async function hashFile(path: string, algorithm: string): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
