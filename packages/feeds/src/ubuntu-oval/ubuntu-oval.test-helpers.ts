// Test-only helpers shared by the ubuntu-oval tests: fixture paths and the shared/ data location.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const sharedRoot = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');

/** A file in ubuntu-oval/testdata/. */
export const testdata = (name: string): string => resolve(here, 'testdata', name);

/**
 * noble-usn-excerpt.xml: 7 definitions cut from the real noble file with every test, object,
 * state and variable they reference: the inventory check, USN-6663-3 and USN-6937-1 (OpenSSL),
 * USN-6746-2 (two dpkg tests), USN-7178-1 (DPDK, 206 binaries in one variable), USN-6817-2
 * (a running-kernel check) and LSN-0104-1 (Livepatch).
 */
export const EXCERPT = testdata('noble-usn-excerpt.xml');

/** The real noble USN OVAL file and the skip reason when shared/ is absent (printed). */
export function realNobleFile(): { path: string; skip: string | false } {
  const path = resolve(sharedRoot, 'feeds/ubuntu/oval/com.ubuntu.noble.usn.oval.xml.bz2');
  const skip = existsSync(path) ? false : `${path} not found (set PATCHLOOP_SHARED)`;
  if (skip) console.log(`# skipping: ${skip}`);
  return { path, skip };
}

export const FETCHED_AT = '2024-12-24T08:00:00.000Z';
