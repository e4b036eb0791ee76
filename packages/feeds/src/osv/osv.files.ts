import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@patchloop/core';
import { openInput } from '../shared/open-input.js';
import type { InputLimits } from '../shared/input-limits.js';
import { E_INPUT_TOO_LARGE } from './osv.errors.js';

/**
 * Every `.json` (or `.json.gz` / `.json.bz2`) file under a directory, recursively, sorted by
 * path so the import order never depends on the file system.
 */
export async function listJsonFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).filter((n) => /\.json(?:\.gz|\.bz2)?$/.test(n));
  const files: string[] = [];
  for (const name of names.sort()) if ((await stat(join(dir, name))).isFile()) files.push(name);
  return files;
}

/**
 * A file's decompressed text, refused with E_INPUT_TOO_LARGE past `maxBytes` (plain files are
 * checked by size before reading, compressed ones while inflating, with the ratio guard).
 */
export async function readTextBounded(path: string, file: string, maxBytes: number, limits: InputLimits): Promise<string> {
  const size = (await stat(path)).size;
  if (size > maxBytes) throw tooLarge(file, maxBytes);
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of (await openInput(path, { limits: { ...limits, maxExpandedBytes: maxBytes } })) as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > maxBytes) throw tooLarge(file, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, seen).toString('utf8');
}

function tooLarge(file: string, max: number): DomainError {
  return new DomainError(E_INPUT_TOO_LARGE, 'too_large', `larger than ${max} bytes`, { location: { file } });
}
