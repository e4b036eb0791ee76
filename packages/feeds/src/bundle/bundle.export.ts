import { createHash, sign, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { FEED_SOURCE_NAMES, type FeedSourceName } from '../feed-format.js';
import { readSyncState } from '../sync/sync-state.js';
import { BUNDLE_FORMAT, MANIFEST_NAME, SIGNATURE_NAME, bundleEntryName, bundleInvalid, type BundleFileEntry, type BundleManifest } from './bundle.manifest.js';

/** What to pack for one source: a file or a directory, and where its files came from. */
export interface BundleInput {
  source: FeedSourceName;
  /** A file (packed under its base name) or a directory (packed recursively, dot files skipped). */
  root: string;
  /** Origin per path under the source; default `file:<absolute path>`. */
  origins?: Record<string, string>;
}

export interface ExportBundleOptions {
  out: string;
  privateKey: KeyObject;
  inputs: readonly BundleInput[];
  /** Manifest createdAt (default: now). */
  createdAt?: string;
}

/**
 * Writes a .tar.gz holding manifest.json, manifest.sig (Ed25519 over the manifest's exact bytes,
 * base64) and files/<source>/<path> for every input file. Written to a temp file, then renamed.
 *
 * @example
 * await exportBundle({ out: 'feeds.tar.gz', privateKey, inputs: await listCacheBundleInputs('data/feeds') });
 */
export async function exportBundle({ out, privateKey, inputs, createdAt = new Date().toISOString() }: ExportBundleOptions): Promise<BundleManifest> {
  const planned = (await Promise.all(inputs.map(listInputFiles))).flat();
  if (planned.length === 0) throw bundleInvalid('nothing to bundle: no feed files found');
  const files: BundleFileEntry[] = [];
  for (const p of planned) files.push({ ...p.entry, ...(await hashFile(p.absPath)) });
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, createdAt, files };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = Buffer.from(sign(null, manifestBytes, privateKey).toString('base64'));
  const temp = `${out}.${process.pid}.part`;
  try {
    await writeTarGz(temp, manifestBytes, signature, planned.map((p, i) => ({ name: bundleEntryName(files[i]!), absPath: p.absPath, size: files[i]!.size })));
    await rename(temp, out);
  } finally {
    await rm(temp, { force: true });
  }
  return manifest;
}

/**
 * The sync cache as bundle inputs: <cacheDir>/<source>/ for each source (all present ones when
 * none are named), with the origin URLs remembered in <cacheDir>/.sync-state/.
 */
export async function listCacheBundleInputs(cacheDir: string, sources?: readonly FeedSourceName[]): Promise<BundleInput[]> {
  const present = (await readdir(cacheDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name);
  const chosen = sources && sources.length > 0 ? sources : FEED_SOURCE_NAMES.filter((s) => present.includes(s));
  const inputs: BundleInput[] = [];
  for (const source of chosen) {
    if (!present.includes(source)) throw bundleInvalid(`the cache holds no ${source} files (run \`patchloop feeds sync ${source}\` first)`, join(cacheDir, source));
    const state = await readSyncState(cacheDir, source);
    const origins = Object.fromEntries(Object.entries(state.files).map(([url, f]) => [f.relPath, url]));
    inputs.push({ source, root: join(cacheDir, source), origins });
  }
  return inputs;
}

async function listInputFiles(input: BundleInput): Promise<{ absPath: string; entry: Omit<BundleFileEntry, 'size' | 'sha256'> }[]> {
  const info = await stat(input.root);
  const paths = info.isDirectory() ? await listRegularFiles(input.root) : [input.root];
  return paths.map((absPath) => {
    const path = info.isDirectory() ? relative(input.root, absPath).split(sep).join('/') : basename(absPath);
    return { absPath, entry: { source: input.source, path, origin: input.origins?.[path] ?? `file:${absPath}` } };
  });
}

async function listRegularFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue; // temp downloads and state are not feed data
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listRegularFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    h.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: h.digest('hex') };
}

async function writeTarGz(path: string, manifest: Buffer, signature: Buffer, files: { name: string; absPath: string; size: number }[]): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack, createGzip(), createWriteStream(path, { mode: 0o644 }));
  pack.entry({ name: MANIFEST_NAME, size: manifest.length, mode: 0o644 }, manifest);
  pack.entry({ name: SIGNATURE_NAME, size: signature.length, mode: 0o644 }, signature);
  for (const f of files) {
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: f.name, size: f.size, mode: 0o644 }, (err) => (err ? reject(err) : resolve()));
      pipeline(createReadStream(f.absPath), entry).catch(reject);
    });
  }
  pack.finalize();
  await done;
}
