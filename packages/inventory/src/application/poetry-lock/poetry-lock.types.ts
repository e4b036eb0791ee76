/** The parts of a poetry.lock the inventory reads. */
export interface PoetryLock {
  package: PoetryLockPackage[];
  metadata?: { 'lock-version'?: string; 'content-hash'?: string };
}

/**
 * One [[package]] table. `category` ("main"/"dev", poetry < 1.5) and `groups` (poetry 2) are
 * not carried into the inventory: every locked package is listed.
 */
export interface PoetryLockPackage {
  name: string;
  version: string;
  category?: string;
  groups?: string[];
  optional?: boolean;
  source?: { type?: string; url?: string; reference?: string };
}
