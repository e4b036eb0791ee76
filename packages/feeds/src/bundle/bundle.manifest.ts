import { DomainError } from '@patchloop/core';
import { FEED_SOURCE_NAMES, type FeedSourceName } from '../feed-format.js';
import { E_BUNDLE_INVALID } from './bundle.errors.js';

export const BUNDLE_FORMAT = 'patchloop-feed-bundle/1';
export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';

/** One feed file in a bundle, stored at `files/<source>/<path>`. */
export interface BundleFileEntry {
  source: FeedSourceName;
  /** Path under the source's directory (forward slashes, no "..", not absolute). */
  path: string;
  size: number;
  sha256: string;
  /** Where the file was fetched from (a URL, or `cache:`/`file:` when unknown). */
  origin: string;
}

/** manifest.json; manifest.sig is an Ed25519 signature (base64) over its exact bytes. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  files: BundleFileEntry[];
}

/** The tar entry name of a manifest entry. */
export function bundleEntryName(f: Pick<BundleFileEntry, 'source' | 'path'>): string {
  return `files/${f.source}/${f.path}`;
}

/** True for a relative path with no empty, "." or ".." segment, no backslash and no NUL. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\0]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Parses and checks a manifest (after its signature was verified): shape, sources, safe unique paths. */
export function parseBundleManifest(bytes: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw bundleInvalid(`manifest.json is not JSON: ${(cause as Error).message}`);
  }
  const m = json as Partial<BundleManifest> | null;
  if (m?.format !== BUNDLE_FORMAT || typeof m.createdAt !== 'string' || !Array.isArray(m.files)) throw bundleInvalid(`manifest.json is not a ${BUNDLE_FORMAT} manifest`);
  const seen = new Set<string>();
  for (const f of m.files) {
    checkEntry(f);
    const name = bundleEntryName(f);
    if (seen.has(name)) throw bundleInvalid(`manifest lists ${name} twice`);
    seen.add(name);
  }
  return m as BundleManifest;
}

function checkEntry(f: Partial<BundleFileEntry>): void {
  const where = JSON.stringify(f?.path ?? f);
  if (typeof f?.source !== 'string' || !(FEED_SOURCE_NAMES as readonly string[]).includes(f.source)) throw bundleInvalid(`manifest entry ${where}: unknown source ${JSON.stringify(f?.source)}`);
  if (typeof f.path !== 'string' || !isSafeRelativePath(f.path)) throw bundleInvalid(`manifest entry ${where}: unsafe path (absolute, "..", empty segment or backslash)`);
  if (typeof f.size !== 'number' || !Number.isSafeInteger(f.size) || f.size < 0) throw bundleInvalid(`manifest entry ${where}: bad size`);
  if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) throw bundleInvalid(`manifest entry ${where}: bad sha256`);
  if (typeof f.origin !== 'string') throw bundleInvalid(`manifest entry ${where}: missing origin`);
}

export function bundleInvalid(message: string, file?: string): DomainError {
  return new DomainError(E_BUNDLE_INVALID, 'invalid_input', message, file ? { location: { file } } : {});
}
