import type { Advisory, AffectedPackage, PackageKind } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { schemeForEcosystem } from '../version/ecosystem.js';
import type { VersionScheme } from '../version/version-scheme.js';
import type { SchemeLookup } from './compiled-range.js';
import { InstalledVersion, parseWith } from './installed-version.js';
import { binaryKeyOf, normalizePackageName, packageGroupId, sourceKeyOf } from './match-key.js';

/**
 * The version X when the advisory's only `affected[]` entry for this package group is exactly one
 * ECOSYSTEM range `introduced "0", fixed X` with no `versions` list. Whatever its status, such an
 * entry gives no verdict for any valid version at or above X, so a scan whose installed versions of
 * the group all are at or above X can leave the advisory unread (see isRuledOutByPlainFixed).
 * Stored with the advisory at import time; undefined when the entry is anything else.
 *
 * @example plainFixedVersionOf(debianOvalDefinition, { ecosystem: 'Debian:12', kind: 'source', name: 'openssl' }) // "3.0.15-1~deb12u1"
 */
export function plainFixedVersionOf(advisory: Advisory, group: { ecosystem: string; kind: PackageKind; name: string }): string | undefined {
  const groupId = packageGroupId(group.ecosystem, group.kind, group.name);
  const entries = advisory.affected.filter((a) => a.ecosystem && a.name && packageGroupId(a.ecosystem, a.packageKind, normalizePackageName(a.ecosystem, a.name)) === groupId);
  return entries.length === 1 ? plainFixedOfEntry(entries[0]!) : undefined;
}

function plainFixedOfEntry(entry: AffectedPackage): string | undefined {
  if (entry.versions.length > 0 || entry.ranges.length !== 1) return undefined;
  const range = entry.ranges[0]!;
  if (range.type !== 'ECOSYSTEM' || range.events.length !== 2) return undefined;
  const [open, close] = range.events as unknown as [Record<string, unknown>, Record<string, unknown>];
  const plain = Object.keys(open).length === 1 && open.introduced === '0' && Object.keys(close).length === 1 && typeof close.fixed === 'string';
  return plain ? (close.fixed as string) : undefined;
}

/**
 * An inventory's installed versions by package group (every package's binary and source key, as
 * matchInventory builds them), to rule out advisories by their plain fixed version without reading
 * them. Versions parse once; each (group, fixed version) is decided once.
 *
 * @example
 * const installed = new InstalledGroups(packages, schemeFor);
 * installed.rulesOut({ ecosystem: 'Debian:12', kind: 'source', name: 'openssl', fixedBelow: '3.0.11-1~deb12u1' }) // true when every installed openssl is at or above it
 */
export class InstalledGroups {
  private readonly byGroup = new Map<string, GroupVersions>();
  private last: { ecosystem: string; kind: string; name: string; group: GroupVersions | undefined } = { ecosystem: '', kind: '', name: '', group: undefined };

  constructor(
    packages: readonly InstalledPackage[],
    private readonly schemeFor: SchemeLookup,
  ) {
    for (const pkg of packages) {
      for (const key of [binaryKeyOf(pkg), sourceKeyOf(pkg)]) {
        const id = packageGroupId(key.ecosystem, key.kind, key.name);
        const group = this.byGroup.get(id) ?? this.byGroup.set(id, { ecosystem: key.ecosystem, scheme: null, versions: new Map(), decided: new Map() }).get(id)!;
        if (!group.versions.has(key.version)) group.versions.set(key.version, new InstalledVersion(key.version));
      }
    }
  }

  /**
   * True when an advisory whose entry for the group is plain "introduced 0, fixed X"
   * (plainFixedVersionOf) gives no verdict for any installed version of the group: X and every
   * version parse with the ecosystem's scheme and every version is at or above X. False whenever
   * in doubt, and for a group with nothing installed (nothing would look the advisory up).
   */
  rulesOut({ ecosystem, kind, name, fixedBelow }: { ecosystem: string; kind: PackageKind; name: string; fixedBelow: string }): boolean {
    const group = this.groupOf(ecosystem, kind, name);
    if (!group) return false;
    let decided = group.decided.get(fixedBelow);
    if (decided === undefined) {
      decided = allAtOrAbove(group, fixedBelow, this.schemeFor);
      group.decided.set(fixedBelow, decided);
    }
    return decided;
  }

  /** Rows come sorted by group (one row's strings shared by its advisories): the last group is remembered. */
  private groupOf(ecosystem: string, kind: PackageKind, name: string): GroupVersions | undefined {
    const last = this.last;
    if (last.name !== name || last.kind !== kind || last.ecosystem !== ecosystem) {
      this.last = { ecosystem, kind, name, group: this.byGroup.get(packageGroupId(ecosystem, kind, name)) };
    }
    return this.last.group;
  }
}

interface GroupVersions {
  readonly ecosystem: string;
  /** The ecosystem's version scheme, looked up on first use (undefined: none). */
  scheme: VersionScheme | undefined | null;
  readonly versions: Map<string, InstalledVersion>;
  readonly decided: Map<string, boolean>;
}

function allAtOrAbove(group: GroupVersions, fixed: string, schemeFor: SchemeLookup): boolean {
  if (group.scheme === null) {
    const name = schemeForEcosystem(group.ecosystem);
    group.scheme = name ? schemeFor(name) : undefined;
  }
  const scheme = group.scheme;
  if (!scheme) return false;
  if (scheme.name !== 'semver' && group.versions.size > 0) return allCompareAtOrAbove(group, fixed, scheme);
  const bound = parseWith(scheme, fixed);
  if (!bound.ok) return false;
  for (const version of group.versions.values()) {
    const v = version.get(scheme);
    if (!v.ok || scheme.compareParsed(v.parsed, bound.parsed) < 0) return false;
  }
  return true;
}

/**
 * The same decision through scheme.compare, which validates both sides like parse and agrees with
 * compareParsed (VersionScheme), without building parsed versions: a scan decides thousands of
 * fixed versions (the dpkg scheme compares in place). Semver goes the parseWith way (its "v" prefix).
 */
function allCompareAtOrAbove(group: GroupVersions, fixed: string, scheme: VersionScheme): boolean {
  try {
    for (const version of group.versions.keys()) if (scheme.compare(version, fixed) < 0) return false;
    return true;
  } catch {
    return false;
  }
}
