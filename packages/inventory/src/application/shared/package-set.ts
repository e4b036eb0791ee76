import type { InstalledPackage } from '@patchloop/core';

/**
 * Removes exact repeats of one package (same ecosystem, name, version, arch), keeping the first.
 * Lockfiles and "flat" SBOMs list one package once per install path; the inventory lists it once.
 * The same name at other versions is kept: those are different packages.
 */
export function dedupePackages(packages: InstalledPackage[]): InstalledPackage[] {
  const seen = new Set<string>();
  return packages.filter((p) => {
    const key = [p.ecosystem, p.name, p.version, p.arch ?? ''].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
