import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared feed data for tests: $PATCHLOOP_SHARED/feeds, else <repo>/../shared/feeds.
 * Undefined when absent (tests then skip with a printed reason).
 */
export function sharedFeedsDir(): string | undefined {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const shared = process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared');
  const dir = join(shared, 'feeds');
  return existsSync(join(dir, 'kev', 'known_exploited_vulnerabilities.json')) ? dir : undefined;
}
