import { spawn } from 'node:child_process';
import { constants, createReadStream } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import unbzip2Stream from 'unbzip2-stream';
import { DomainError, invalidInput } from '@patchloop/core';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';

export type Compression = 'none' | 'gzip' | 'bzip2' | 'zip';

/** bzip2 decompression: 'bzip2-cli' runs the system bzip2 in a child process (about 4x faster). */
export type Bzip2Decompressor = 'auto' | 'js' | 'bzip2-cli';

export interface OpenInputOptions {
  decompressor?: Bzip2Decompressor;
  limits?: Partial<InputLimits>;
}

/** Detects compression from magic bytes, never from the file name. */
export async function detectCompression(path: string): Promise<Compression> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (bytesRead >= 3 && head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    return 'none';
  } finally {
    await handle.close();
  }
}

/**
 * Opens a file as a stream of its decompressed bytes (plain, gzip or bzip2; zip archives are
 * read entry by entry elsewhere). The stream fails with E_INPUT_TOO_LARGE past the expanded-size
 * or ratio limit, and with E_GZIP_INVALID / E_BZ2_INVALID on corrupt or truncated data.
 */
export async function openInput(path: string, { decompressor = 'auto', limits = {} }: OpenInputOptions = {}): Promise<Readable> {
  const lim = { ...DEFAULT_INPUT_LIMITS, ...limits };
  const compression = await detectCompression(path);
  const file = basename(path);
  if (compression === 'zip') throw invalidInput('E_INPUT_IS_ARCHIVE', 'this is a zip archive: open it with the archive reader', { file });
  if (compression === 'none') return createReadStream(path);
  const compressedBytes = (await stat(path)).size;
  const inflated = compression === 'gzip' ? gunzip(path, file) : await bunzip2(path, file, decompressor);
  const guard = sizeGuard(file, Math.min(lim.maxExpandedBytes, Math.max(compressedBytes, 4096) * lim.maxRatio));
  inflated.on('error', (e) => guard.destroy(e));
  guard.on('close', () => inflated.destroy());
  return inflated.pipe(guard);
}

function gunzip(path: string, file: string): Readable {
  const out = new PassThrough();
  const raw = createReadStream(path);
  const z = createGunzip();
  raw.on('error', (e) => out.destroy(e));
  z.on('error', (e) => out.destroy(invalidInput('E_GZIP_INVALID', `corrupt or truncated gzip data: ${e.message}`, { file }, e)));
  raw.pipe(z).pipe(out);
  return out;
}

async function bunzip2(path: string, file: string, decompressor: Bzip2Decompressor): Promise<Readable> {
  const useCli = decompressor === 'bzip2-cli' || (decompressor === 'auto' && (await findOnPath('bzip2')) !== undefined);
  return useCli ? bunzip2WithCli(path, file) : bunzip2WithJs(createReadStream(path), file);
}

/** Fails the stream once more than `max` bytes went through. */
export function sizeGuard(file: string, max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) return done(new DomainError('E_INPUT_TOO_LARGE', 'too_large', `expands past ${max} bytes (limit on expanded size and compression ratio): refusing a possible decompression bomb`, { location: { file } }));
      done(null, chunk);
    },
  });
}

function bunzip2WithJs(raw: Readable, file: string): Readable {
  const out = new PassThrough();
  const decompressor = unbzip2Stream();
  raw.on('error', (e) => out.destroy(e));
  decompressor.on('error', (e: Error) => {
    raw.destroy();
    out.destroy(invalidInput('E_BZ2_INVALID', `corrupt bzip2 data: ${e.message}`, { file }, e));
  });
  out.on('close', () => raw.destroy());
  raw.pipe(decompressor).pipe(out);
  return out;
}

function bunzip2WithCli(path: string, file: string): Readable {
  const out = new PassThrough();
  const child = spawn('bzip2', ['-dc', '--', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.on('error', (e) => out.destroy(e));
  child.stdout.pipe(out, { end: false });
  child.on('close', (code) => {
    if (code === 0) out.end();
    else out.destroy(invalidInput('E_BZ2_INVALID', `corrupt bzip2 data: bzip2 exited ${code}: ${stderr.trim()}`, { file }));
  });
  out.on('close', () => {
    if (child.exitCode === null) child.kill();
  });
  return out;
}

async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Reads the first `bytes` of the content as text for format detection: decompressed for gzip and
 * bzip2; for a zip archive the raw bytes (signature and first entry name), as latin1.
 */
export async function readHead(path: string, bytes = 8192): Promise<string> {
  if ((await detectCompression(path)) === 'zip') return readRawHead(path, bytes);
  const stream = await openInput(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes).toString('utf8');
}

async function readRawHead(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}
