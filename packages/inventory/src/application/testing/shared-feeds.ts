import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helper: the repository root (five levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

/**
 * Test helper: the shared data directory (`../shared` beside the repository, or PATCHLOOP_SHARED),
 * or undefined when it is missing. Tests that read large real files skip when it is undefined.
 */
export function sharedDir(): string | undefined {
  const dir = process.env['PATCHLOOP_SHARED'] ?? resolve(repoRoot, '..', 'shared');
  return existsSync(join(dir, 'feeds')) ? dir : undefined;
}

/** Skip reason for node:test when the shared data is missing, else false. */
export function skipWithoutShared(): string | false {
  return sharedDir() === undefined ? 'shared data missing: set PATCHLOOP_SHARED or put it at ../shared' : false;
}

/** Reads a file under <shared>/feeds; only call after checking {@link sharedDir}. */
export function readFeedFile(relativePath: string): string {
  const dir = sharedDir();
  if (dir === undefined) throw new Error('shared data missing');
  return readFileSync(join(dir, 'feeds', relativePath), 'utf8');
}

/** Reads a fixture from a testdata/ folder given the test's import.meta.url. */
export function readTestdata(testUrl: string, name: string): string {
  return readFileSync(join(dirname(fileURLToPath(testUrl)), 'testdata', name), 'utf8');
}
