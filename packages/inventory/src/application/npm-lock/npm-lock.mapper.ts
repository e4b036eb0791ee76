import type { InstalledPackage } from '@patchloop/core';
import type { NpmLockPackage, NpmLockV1Dependency } from './npm-lock.types.js';

/** A mapped entry: a package, or why the entry was skipped (a warning). */
export type NpmEntryResult = { pkg: InstalledPackage } | { skipped: string } | undefined;

const NODE_MODULES = 'node_modules/';
/** A registry version (semver): anything else (a URL, git spec, file: path) is not in any advisory. */
const REGISTRY_VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/;

/**
 * The package name of a v2/v3 install path: the part after the last "node_modules/",
 * scoped names ("@s/x") included. Undefined for paths outside node_modules (the root, workspaces).
 *
 * @example
 * packageNameFromPath('node_modules/a/node_modules/@s/b') // '@s/b'
 */
export function packageNameFromPath(path: string): string | undefined {
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0 || (at > 0 && path[at - 1] !== '/')) return undefined;
  const name = path.slice(at + NODE_MODULES.length);
  return name === '' ? undefined : name;
}

/**
 * One v2/v3 `packages` entry -> package. The root "" and workspace folders are the project itself;
 * `link: true` entries point at a workspace folder: both give nothing. An aliased install
 * ("node_modules/x" with name "y") is package y. dev and optional packages are included.
 */
export function npmLockPackageToPackage(path: string, entry: NpmLockPackage): NpmEntryResult {
  const installedAs = packageNameFromPath(path);
  if (installedAs === undefined || entry.link === true) return undefined;
  const name = entry.name ?? installedAs;
  if (entry.version === undefined) return { skipped: `packages["${path}"] has no version: skipped` };
  return { pkg: { ecosystem: 'npm', name, version: entry.version, purl: npmPurl(name, entry.version) } };
}

/** One v1 `dependencies` entry -> package; versions that are not registry versions are skipped. */
export function npmLockV1DependencyToPackage(path: string, name: string, dep: NpmLockV1Dependency): NpmEntryResult {
  if (dep.version === undefined) return { skipped: `dependencies ${path} has no version: skipped` };
  if (!REGISTRY_VERSION.test(dep.version)) {
    return { skipped: `dependencies ${path} has version "${dep.version}", not a registry version: skipped` };
  }
  return { pkg: { ecosystem: 'npm', name, version: dep.version, purl: npmPurl(name, dep.version) } };
}

/** The purl npm itself writes: pkg:npm/%40scope/name@version. */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace(/^@/, '%40')}@${encodeURIComponent(version)}`;
}
