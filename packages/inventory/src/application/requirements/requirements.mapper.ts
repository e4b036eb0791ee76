import type { InstalledPackage } from '@patchloop/core';
import { normalizePypiName } from '../shared/pypi-name.js';
import type { ParsedRequirement } from './requirements.types.js';

/** A requirement mapped: a package, optionally with a warning, or only a warning when it is not pinned. */
export type RequirementResult = { pkg?: InstalledPackage; warning?: string };

/**
 * A requirement -> an exactly pinned package (one `==` clause without a wildcard, or `===`).
 * Anything else cannot be inventoried exactly and yields a warning naming the line.
 * A line with an environment marker is kept (the marker cannot be evaluated here) with a warning.
 *
 * @example
 * requirementToPackage({ name: 'Django', extras: [], clauses: [{ operator: '==', version: '4.2' }] }, 3)
 * // { pkg: { ecosystem: 'PyPI', name: 'django', version: '4.2', purl: 'pkg:pypi/django@4.2' } }
 */
export function requirementToPackage(req: ParsedRequirement, line: number): RequirementResult {
  const [only, ...more] = req.clauses;
  const pinned = only !== undefined && more.length === 0 && (only.operator === '===' || (only.operator === '==' && !only.version.endsWith('.*')));
  if (!pinned) {
    const spec = req.clauses.map((c) => `${c.operator}${c.version}`).join(',') || 'no version';
    return { warning: `line ${line}: ${req.name} is not pinned (${spec}): not inventoried` };
  }
  const name = normalizePypiName(req.name);
  const pkg: InstalledPackage = { ecosystem: 'PyPI', name, version: only.version, purl: `pkg:pypi/${name}@${encodeURIComponent(only.version)}` };
  if (req.marker === undefined) return { pkg };
  return { pkg, warning: `line ${line}: ${req.name} applies only where "${req.marker}" holds: listed anyway` };
}
