import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** The shared feeds folder: $PATCHLOOP_SHARED, else ../shared beside the repository. */
export const SHARED_DIR = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');

/** A path under shared/feeds, and the skip reason (printed) when it is absent. */
export function sharedFeed(relative: string): { path: string; skip: string | false } {
  const path = resolve(SHARED_DIR, 'feeds', relative);
  if (existsSync(path)) return { path, skip: false };
  const reason = `shared data not found: ${path} (set PATCHLOOP_SHARED)`;
  console.log(`# skip: ${reason}`);
  return { path, skip: reason };
}
