import type { InstalledPackage } from '@patchloop/core';
import { normalizePypiName } from '../shared/pypi-name.js';
import type { PoetryLockPackage } from './poetry-lock.types.js';

/** Source types that are the project's own code on disk: not a released package. */
const LOCAL_SOURCES = new Set(['directory', 'file']);
/** Source types whose version is what the lock says, not necessarily a PyPI release. */
const UNRELEASED_SOURCES = new Set(['git', 'url']);

/**
 * One [[package]] -> a PyPI package with a PEP 503 name. Local directory/file packages are skipped
 * with a warning; git/url packages are kept with a warning (their version may not be a release).
 *
 * @example
 * poetryPackageToPackage({ name: 'SQLAlchemy', version: '1.4.22' }, 7)
 * // { pkg: { ecosystem: 'PyPI', name: 'sqlalchemy', version: '1.4.22', purl: 'pkg:pypi/sqlalchemy@1.4.22' } }
 */
export function poetryPackageToPackage(entry: PoetryLockPackage, line: number): { pkg?: InstalledPackage; warning?: string } {
  const sourceType = entry.source?.type;
  if (sourceType !== undefined && LOCAL_SOURCES.has(sourceType)) {
    return { warning: `line ${line}: ${entry.name} comes from a local ${sourceType} (${entry.source?.url ?? ''}): not inventoried` };
  }
  const name = normalizePypiName(entry.name);
  const pkg: InstalledPackage = { ecosystem: 'PyPI', name, version: entry.version, purl: `pkg:pypi/${name}@${encodeURIComponent(entry.version)}` };
  if (sourceType === undefined || !UNRELEASED_SOURCES.has(sourceType)) return { pkg };
  return { pkg, warning: `line ${line}: ${entry.name} ${entry.version} comes from ${sourceType} ${entry.source?.url ?? ''}: listed, may not be a PyPI release` };
}
