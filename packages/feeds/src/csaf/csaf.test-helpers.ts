// Test-only helpers shared by the csaf tests: fixture paths and the shared/ data location.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsafDocument } from './csaf.types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');

/** A file in csaf/testdata/. */
export const testdata = (name: string): string => resolve(here, 'testdata', name);

/** The shared data folder (../shared beside the repository; PATCHLOOP_SHARED overrides). */
export const sharedRoot = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');

/** A file under shared/feeds/, and the skip reason when it is missing (printed once). */
export function sharedFeedFile(relative: string): { path: string; skip: string | false } {
  const path = resolve(sharedRoot, 'feeds', relative);
  const skip = existsSync(path) ? false : `${path} not found (set PATCHLOOP_SHARED)`;
  if (skip) console.log(`# skipping: ${skip}`);
  return { path, skip };
}

/** Read and parse a JSON file (a fresh copy each call, safe to edit). */
export function readJson<T = CsafDocument>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const FETCHED_AT = '2024-09-02T00:00:00.000Z';
