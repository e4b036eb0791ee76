// The SemVer class alone: the package index loads every range and function module too.
import SemVer from 'semver/classes/semver.js';
import { invalidInput } from '../../errors/domain-error.js';
import { defineScheme, type Ordering, type VersionScheme } from '../version-scheme.js';

/**
 * SemVer 2.0 ordering through node-semver (the reference implementation, v7).
 *
 * Parsing is strict, as OSV SEMVER ranges and npm/crates.io/Hex versions are: node-semver's
 * non-loose mode (no '=' prefix, no '1.2.3beta', no leading zeros), and on top of it we refuse
 * the two things that mode still tolerates but SemVer 2.0 does not: a leading 'v' and
 * surrounding whitespace. Limits are node-semver's: at most 256 characters, major/minor/patch at
 * most Number.MAX_SAFE_INTEGER. Build metadata is kept but ignored in ordering.
 */

/** A parsed SemVer 2.0 version (node-semver's SemVer, non-loose). */
export type SemverVersion = SemVer;

function strictnessProblem(version: string): string | undefined {
  if (version !== version.trim()) return 'has surrounding whitespace';
  if (version.startsWith('v') || version.startsWith('V')) return "has a 'v' prefix (SemVer 2.0 has none)";
  return undefined;
}

/**
 * Parses a strict SemVer 2.0 version.
 * @example parseSemverVersion('1.2.3-rc.1+build.5').prerelease // ['rc', 1]
 * @throws DomainError E_VERSION_INVALID naming the version and node-semver's reason.
 */
export function parseSemverVersion(version: string): SemverVersion {
  const problem = strictnessProblem(version);
  if (problem !== undefined) throw invalidInput('E_VERSION_INVALID', `semver version "${version}": ${problem}`);
  try {
    return new SemVer(version, { loose: false });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw invalidInput('E_VERSION_INVALID', `semver version "${version}": not SemVer 2.0 (${reason})`, undefined, cause);
  }
}

/** Orders by major, minor, patch, then prerelease identifiers; build metadata is ignored. */
export function compareSemverVersions(a: SemverVersion, b: SemverVersion): Ordering {
  return a.compare(b);
}

/**
 * SemVer 2.0 ordering (node-semver, strict).
 * @example semverScheme.compare('1.0.0-rc.1', '1.0.0') // -1
 */
export const semverScheme: VersionScheme<SemverVersion> = defineScheme('semver', parseSemverVersion, compareSemverVersions);
