import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * sha256 of an import's raw input: a file's bytes, or every file of a directory (relative path
 * and bytes, in sorted order). Equal hashes mean the source's data did not change, so the import
 * can stop before parsing.
 */
export async function hashInput(path: string): Promise<string> {
  const h = createHash('sha256');
  const files = (await stat(path)).isDirectory() ? await listFiles(path) : [path];
  for (const file of files) {
    h.update(`${relative(path, file)}\u0000`);
    for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

/** Regular files under a directory, recursively, sorted by path. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}
