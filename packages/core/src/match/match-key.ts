import type { PackageKind } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { canonicalEcosystem } from '../version/ecosystem.js';

/**
 * One (ecosystem, kind, name, version) tuple an installed package is matched on.
 * Advisories are looked up by (ecosystem, kind, name): the "package group".
 */
export interface MatchKey {
  readonly ecosystem: string;
  readonly kind: PackageKind;
  readonly name: string;
  readonly version: string;
}

const SEP = '\u0000';

/**
 * Package name as advisories spell it. PyPI names are compared in PEP 503 normal form
 * (lower case, runs of `-_.` as one `-`); every other ecosystem compares names exactly.
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  if (!isPyPi(ecosystem)) return name;
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** splitEcosystem(ecosystem).base === 'PyPI', without building the parts. */
function isPyPi(ecosystem: string): boolean {
  return ecosystem.startsWith('PyPI') && (ecosystem.length === 4 || ecosystem.charCodeAt(4) === 0x3a);
}

/**
 * The binary-package key: what advisories naming the package itself (language
 * ecosystems, rpm/apk binary names) match on.
 */
export function binaryKeyOf(pkg: InstalledPackage): MatchKey {
  return { ecosystem: pkg.ecosystem, kind: 'binary', name: normalizePackageName(pkg.ecosystem, pkg.name), version: pkg.version };
}

/**
 * The source-package key: what Debian/Ubuntu (and source-naming rpm/apk) advisories match on.
 * The source name defaults to the binary name and the source version to the binary version,
 * so a binNMU `1.2-3+b1` with `Source: x (1.2-3)` is matched as x 1.2-3.
 */
export function sourceKeyOf(pkg: InstalledPackage): MatchKey {
  const name = pkg.sourceName ?? pkg.name;
  return { ecosystem: pkg.ecosystem, kind: 'source', name: normalizePackageName(pkg.ecosystem, name), version: pkg.sourceVersion ?? pkg.version };
}

/** The id of the advisory lookup group (ecosystem, kind, name). Ecosystems compare by release after canonicalEcosystem: "Debian:12" is not "Debian:11"; "Ubuntu:24.04:LTS" is "Ubuntu:24.04". */
export function packageGroupId(ecosystem: string, kind: PackageKind, name: string): string {
  return canonicalEcosystem(ecosystem) + SEP + kind + SEP + name;
}

/** The id of a key: its group id plus the version. */
export function matchKeyId(key: MatchKey): string {
  return packageGroupId(key.ecosystem, key.kind, key.name) + SEP + key.version;
}

/** How the installed package was mapped onto the key, for the finding's explanation. */
export function describeKeyMapping(pkg: InstalledPackage, key: MatchKey): string {
  const installed = `${pkg.name} ${pkg.version}`;
  if (key.kind === 'binary') return `binary ${installed} matched as itself`;
  const viaField = pkg.sourceName !== undefined || pkg.sourceVersion !== undefined;
  const how = viaField ? 'via Source field' : '(no Source field: source is the binary name and version)';
  return `binary ${installed} -> source ${key.name} ${key.version} ${how}`;
}
