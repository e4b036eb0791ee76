import type { InstalledPackage } from '../inventory/asset.js';
import { splitEcosystem } from '../version/ecosystem.js';
import { makePurl, parsePurl, type Purl } from './purl.js';

/** Qualifiers that tell two builds of the same package version apart; compared only when both sides have them. */
const DISTINGUISHING_QUALIFIERS = ['arch', 'distro'] as const;

/**
 * True when a statement's purl covers a package's purl:
 * - type, namespace and name equal (namespace/name case-insensitive where the purl spec says so);
 * - version equal when the statement has one (rpm `epoch` folded in first); any version when it has none;
 * - `arch` and `distro` equal (case-insensitive) when both sides carry them; every other qualifier and the subpath are ignored.
 *
 * @example
 * purlCovers(parsePurl('pkg:apk/wolfi/git')!, parsePurl('pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64')!); // true
 */
export function purlCovers(statement: Purl, pkg: Purl): boolean {
  if (statement.type !== pkg.type || statement.name !== pkg.name) return false;
  if ((statement.namespace ?? '') !== (pkg.namespace ?? '')) return false;
  const wanted = effectiveVersion(statement);
  if (wanted !== undefined && wanted !== effectiveVersion(pkg)) return false;
  return DISTINGUISHING_QUALIFIERS.every((key) => {
    const a = statement.qualifiers[key];
    const b = pkg.qualifiers[key];
    return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
  });
}

function effectiveVersion(p: Purl): string | undefined {
  const epoch = p.type === 'rpm' ? p.qualifiers['epoch'] : undefined;
  if (p.version === undefined || epoch === undefined || epoch === '0' || p.version.includes(':')) return p.version;
  return `${epoch}:${p.version}`;
}

/** OSV ecosystem base -> purl type and namespace, for packages that carry no purl of their own. */
const PURL_OF_ECOSYSTEM: Readonly<Record<string, { type: string; namespace?: string }>> = {
  Debian: { type: 'deb', namespace: 'debian' },
  Ubuntu: { type: 'deb', namespace: 'ubuntu' },
  Alpine: { type: 'apk', namespace: 'alpine' },
  'Red Hat': { type: 'rpm', namespace: 'redhat' },
  'Rocky Linux': { type: 'rpm', namespace: 'rocky-linux' },
  AlmaLinux: { type: 'rpm', namespace: 'almalinux' },
  npm: { type: 'npm' },
  PyPI: { type: 'pypi' },
  Maven: { type: 'maven' },
  Go: { type: 'golang' },
  'crates.io': { type: 'cargo' },
  RubyGems: { type: 'gem' },
  NuGet: { type: 'nuget' },
  Packagist: { type: 'composer' },
};

/** Maven "group:artifact", npm "@scope/name", Go "host/path/name" -> purl namespace and name. */
function splitPackageName(type: string, name: string): { namespace?: string; name: string } {
  const sep = type === 'maven' ? name.lastIndexOf(':') : ['npm', 'golang', 'composer'].includes(type) ? name.lastIndexOf('/') : -1;
  return sep <= 0 ? { name } : { namespace: name.slice(0, sep), name: name.slice(sep + 1) };
}

function derivedPurl(pkg: InstalledPackage): Purl | undefined {
  const base = PURL_OF_ECOSYSTEM[splitEcosystem(pkg.ecosystem).base];
  if (base === undefined) return undefined;
  const split = splitPackageName(base.type, pkg.name);
  const namespace = [base.namespace, split.namespace].filter((s): s is string => s !== undefined).join('/');
  const qualifiers: Record<string, string> = pkg.arch === undefined ? {} : { arch: pkg.arch };
  return makePurl({ type: base.type, namespace, name: split.name, version: pkg.version, qualifiers });
}

/**
 * The purls a package can be named by in a VEX statement: its own purl (or one derived from its
 * ecosystem, name and version when it has none), plus, for a distro binary built from a differently
 * named source package, the source package's purl at the source version.
 */
export function purlsOfPackage(pkg: InstalledPackage): Purl[] {
  const own = (pkg.purl === undefined ? undefined : parsePurl(pkg.purl)) ?? derivedPurl(pkg);
  if (own === undefined) return [];
  const sourceName = pkg.sourceName ?? pkg.name;
  const sourceVersion = pkg.sourceVersion ?? pkg.version;
  if (sourceName === pkg.name && sourceVersion === pkg.version) return [own];
  if (!['deb', 'rpm', 'apk'].includes(own.type)) return [own];
  return [own, makePurl({ type: own.type, namespace: own.namespace, name: sourceName, version: sourceVersion, qualifiers: pickDistro(own) })];
}

function pickDistro(p: Purl): Record<string, string> {
  const distro = p.qualifiers['distro'];
  return distro === undefined ? {} : { distro };
}
