export type AssetKind = 'host' | 'image' | 'application';
export type Exposure = 'internet' | 'internal' | 'isolated';
export type Criticality = 1 | 2 | 3 | 4 | 5;

export const ASSET_KINDS: readonly AssetKind[] = ['host', 'image', 'application'];
export const EXPOSURES: readonly Exposure[] = ['internet', 'internal', 'isolated'];

/** Operating system as read from os-release (or an SBOM's metadata). */
export interface OsInfo {
  /** os-release ID_LIKE/ID family, lower case: debian, ubuntu, rhel, alpine ... */
  family: string;
  /** os-release ID, e.g. "debian". */
  id?: string;
  /** Human name, e.g. "Debian GNU/Linux". */
  name: string;
  /** VERSION_ID, e.g. "12" or "3.19.1". */
  version?: string;
  /** VERSION_CODENAME, e.g. "bookworm". */
  codename?: string;
}

export interface KernelInfo {
  /** `uname -r` of the running kernel, e.g. 6.1.0-18-amd64. */
  running?: string;
  /** Kernel releases for which a kernel image package is installed. */
  installed: string[];
  /** True when the newest installed kernel is not the running one. */
  rebootNeededForKernel?: boolean;
}

/** An asset as the domain sees it. Timestamps are ISO-8601 UTC strings. */
export interface Asset {
  id: string;
  kind: AssetKind;
  name: string;
  os?: OsInfo;
  arch?: string;
  kernel?: KernelInfo;
  rebootRequired?: boolean;
  /** The updates the host's package manager offers, as its agent last reported them. */
  updatesAvailable?: { name: string; version: string }[];
  addresses: string[];
  environment?: string;
  criticality: Criticality;
  exposure: Exposure;
  owner?: string;
  tags: string[];
  groups: string[];
  firstSeen: string;
  lastSeen: string;
  /** Where the data came from: "agent", "collector:dpkg", "sbom:cyclonedx", "api" ... */
  source: string;
}

/**
 * One installed package. `ecosystem` uses OSV naming ("Debian:12", "Alpine:v3.19", "npm", "PyPI").
 * `sourceName`/`sourceVersion` are set where the ecosystem has source packages (dpkg, rpm, apk origin).
 */
export interface InstalledPackage {
  ecosystem: string;
  name: string;
  version: string;
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  purl?: string;
}

/** What a collector or importer produced: facts about one asset plus its software. */
export interface InventorySnapshot {
  asset: Partial<Omit<Asset, 'id' | 'firstSeen' | 'lastSeen'>> & { name: string; kind: AssetKind };
  packages: InstalledPackage[];
  /** Problems that did not prevent the import (e.g. skipped non-installed dpkg stanzas). */
  warnings: string[];
}
