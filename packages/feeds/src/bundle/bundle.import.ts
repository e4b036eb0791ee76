import { createHash, verify, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { DomainError, isDomainError } from '@patchloop/core';
import type { FeedSourceName } from '../feed-format.js';
import { E_BUNDLE_SIGNATURE_INVALID } from './bundle.errors.js';
import { MANIFEST_NAME, SIGNATURE_NAME, bundleEntryName, bundleInvalid, isSafeRelativePath, parseBundleManifest, type BundleFileEntry, type BundleManifest } from './bundle.manifest.js';

/** Largest manifest.json / manifest.sig accepted (read into memory before verification). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ImportBundleOptions {
  file: string;
  publicKey: KeyObject;
  /** Imports one source's extracted file or directory (wired to importFeedPath by the CLI). */
  importPath: (source: FeedSourceName, path: string, origin: string) => Promise<unknown>;
  /** Where the temporary extraction directory is made (default: the OS temp dir). */
  tempRoot?: string;
}

export interface BundleSourceImport {
  source: FeedSourceName;
  status: 'imported' | 'failed';
  origin: string;
  files: number;
  result?: unknown;
  error?: string;
}

/**
 * Verifies the manifest signature BEFORE anything is extracted or imported, extracts into a
 * temporary directory (only regular files the manifest lists, with matching size and sha256;
 * absolute paths, "..", links and strangers are refused), then imports each source with
 * origin `bundle:<file>#<path>`. The temporary directory is always removed.
 *
 * @example
 * const results = await importBundle({ file: 'feeds.tar.gz', publicKey, importPath });
 */
export async function importBundle({ file, publicKey, importPath, tempRoot = tmpdir() }: ImportBundleOptions): Promise<BundleSourceImport[]> {
  const manifest = await verifyBundle(file, publicKey);
  const dir = await mkdtemp(join(tempRoot, 'patchloop-bundle-'));
  try {
    await extractBundle(file, manifest, dir);
    const results: BundleSourceImport[] = [];
    for (const [source, files] of groupBySource(manifest.files)) results.push(await importSource(file, dir, source, files, importPath));
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads manifest.json and manifest.sig (nothing else is written) and checks the signature. */
export async function verifyBundle(file: string, publicKey: KeyObject): Promise<BundleManifest> {
  const found = new Map<string, Buffer>();
  await walkTar(file, async (header, stream) => {
    if ((header.name === MANIFEST_NAME || header.name === SIGNATURE_NAME) && header.type === 'file' && !found.has(header.name)) found.set(header.name, await readSmall(stream, file));
    else stream.resume();
  });
  const manifest = found.get(MANIFEST_NAME);
  const sig = found.get(SIGNATURE_NAME);
  if (!manifest || !sig) throw signatureInvalid(file, `the bundle has no ${manifest ? SIGNATURE_NAME : MANIFEST_NAME}`);
  const signature = Buffer.from(sig.toString('utf8').trim(), 'base64');
  if (signature.length !== 64 || !verify(null, manifest, publicKey, signature)) throw signatureInvalid(file, 'the manifest signature does not verify with the trusted key (tampered manifest or wrong key)');
  return parseBundleManifest(manifest);
}

async function extractBundle(file: string, manifest: BundleManifest, dir: string): Promise<void> {
  const expected = new Map(manifest.files.map((f) => [bundleEntryName(f), f]));
  const seen = new Set<string>();
  const root = resolve(dir);
  await walkTar(file, async (header, stream) => {
    if (header.name === MANIFEST_NAME || header.name === SIGNATURE_NAME) return void stream.resume();
    const entry = checkTarEntry(header, expected, seen, file);
    const target = resolve(root, ...header.name.split('/'));
    if (!target.startsWith(root + sep)) throw bundleInvalid(`entry ${JSON.stringify(header.name)} escapes the extraction directory`, file);
    await mkdir(dirname(target), { recursive: true });
    await writeVerified(stream, target, entry, file);
    seen.add(header.name);
  });
  const missing = [...expected.keys()].filter((n) => !seen.has(n));
  if (missing.length > 0) throw bundleInvalid(`the bundle lacks ${missing.length} file(s) its manifest lists, e.g. ${missing[0]}`, file);
}

function checkTarEntry(header: tar.Header, expected: Map<string, BundleFileEntry>, seen: Set<string>, file: string): BundleFileEntry {
  const name = header.name;
  if (header.type !== 'file') throw bundleInvalid(`entry ${JSON.stringify(name)} is a ${header.type ?? 'special entry'}, not a regular file`, file);
  if (!isSafeRelativePath(name)) throw bundleInvalid(`entry ${JSON.stringify(name)} has an unsafe path (absolute or "..")`, file);
  const entry = expected.get(name);
  if (!entry) throw bundleInvalid(`entry ${JSON.stringify(name)} is not in the signed manifest`, file);
  if (seen.has(name)) throw bundleInvalid(`entry ${JSON.stringify(name)} appears twice`, file);
  if (header.size !== entry.size) throw bundleInvalid(`entry ${name} has ${header.size} bytes, the manifest says ${entry.size}`, file);
  return entry;
}

async function writeVerified(stream: Readable, target: string, entry: BundleFileEntry, file: string): Promise<void> {
  const h = createHash('sha256');
  const tap = new Transform({ transform(chunk: Buffer, _e, done) { h.update(chunk); done(null, chunk); } });
  await pipeline(stream, tap, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  const actual = h.digest('hex');
  if (actual !== entry.sha256) throw bundleInvalid(`entry ${bundleEntryName(entry)} has sha256 ${actual}, the manifest says ${entry.sha256}`, file);
}

async function importSource(file: string, dir: string, source: FeedSourceName, files: BundleFileEntry[], importPath: ImportBundleOptions['importPath']): Promise<BundleSourceImport> {
  const rel = files.length === 1 ? bundleEntryName(files[0]!) : `files/${source}`;
  const origin = `bundle:${file}#${rel}`;
  try {
    const result = await importPath(source, join(dir, ...rel.split('/')), origin);
    return { source, status: 'imported', origin, files: files.length, result };
  } catch (e) {
    return { source, status: 'failed', origin, files: files.length, error: isDomainError(e) ? `${e.code}: ${e.message}` : (e as Error).message };
  }
}

function groupBySource(files: readonly BundleFileEntry[]): Map<FeedSourceName, BundleFileEntry[]> {
  const m = new Map<FeedSourceName, BundleFileEntry[]>();
  for (const f of files) m.set(f.source, [...(m.get(f.source) ?? []), f]);
  return m;
}

/** Feeds every entry of a .tar.gz to `onEntry` in order; errors abort the walk. */
async function walkTar(file: string, onEntry: (header: tar.Header, stream: Readable) => Promise<void>): Promise<void> {
  const extract = tar.extract();
  const walked = (async () => {
    for await (const entry of extract) await onEntry(entry.header, entry as unknown as Readable); // a streamx Readable: same iteration, resume() and piping as node streams
  })();
  try {
    await Promise.all([pipeline(createReadStream(file), createGunzip(), extract), walked]);
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw bundleInvalid(`cannot read the bundle as .tar.gz: ${(e as Error).message}`, file);
  }
}

async function readSmall(stream: Readable, file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_MANIFEST_BYTES) throw bundleInvalid(`manifest larger than ${MAX_MANIFEST_BYTES} bytes`, file);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function signatureInvalid(file: string, message: string): DomainError {
  return new DomainError(E_BUNDLE_SIGNATURE_INVALID, 'invalid_input', `${message}; nothing was extracted or imported`, { location: { file } });
}
