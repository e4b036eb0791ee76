import { versionSchemes, type PinnedPackage } from '@patchloop/core';
import type { InstalledRpm } from './installed-rpms.js';

/**
 * What dnf must do to reach exact versions: NEVRA specs to `dnf install` (new packages and
 * upgrades) and to `dnf downgrade` (explicit), and the packages already there.
 */
export interface ExactVersionPlan {
  install: string[];
  downgrade: string[];
  unchanged: PinnedPackage[];
}

/**
 * `name-[epoch:]version-release.arch`, the arch left off when unknown (a package not installed
 * yet: dnf then picks the best arch for the host, as for a bare name).
 * @example nevraSpec('openssl-libs', '1:3.0.7-27.el9', 'x86_64') // 'openssl-libs-1:3.0.7-27.el9.x86_64'
 */
export function nevraSpec(name: string, evr: string, arch?: string): string {
  return `${name}-${evr}${arch ? `.${arch}` : ''}`;
}

const cmp = (a: string, b: string) => versionSchemes.rpm.compare(a, b);

/**
 * Compares each requested version with what is installed, per installed arch (multilib: both
 * glibc.x86_64 and glibc.i686 move), in rpm's order (a missing epoch is 0). An arch that already
 * has the version (also one of several installonly kernels) needs nothing; otherwise the newest
 * installed version decides between install (older) and downgrade (newer).
 * @example planExactVersions([{ name: 'demo-web', version: '1.0-1' }], [{ name: 'demo-web', evr: '2.0-1', arch: 'noarch' }]).downgrade // ['demo-web-1.0-1.noarch']
 */
export function planExactVersions(requested: readonly PinnedPackage[], installed: readonly InstalledRpm[]): ExactVersionPlan {
  const plan: ExactVersionPlan = { install: [], downgrade: [], unchanged: [] };
  for (const p of requested) {
    const byArch = archGroups(installed.filter((r) => r.name === p.name));
    if (byArch.size === 0) plan.install.push(nevraSpec(p.name, p.version));
    let changes = 0;
    for (const [arch, evrs] of byArch) {
      if (evrs.some((evr) => cmp(p.version, evr) === 0)) continue;
      const newest = evrs.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
      (cmp(p.version, newest) > 0 ? plan.install : plan.downgrade).push(nevraSpec(p.name, p.version, arch));
      changes++;
    }
    if (byArch.size > 0 && changes === 0) plan.unchanged.push(p);
  }
  return plan;
}

/**
 * The requested packages not installed at exactly that version: none installed, or an installed
 * arch without that version.
 */
export function missingExactVersions(requested: readonly PinnedPackage[], installed: readonly InstalledRpm[]): PinnedPackage[] {
  return requested.filter((p) => {
    const byArch = archGroups(installed.filter((r) => r.name === p.name));
    return byArch.size === 0 || [...byArch.values()].some((evrs) => !evrs.some((evr) => cmp(p.version, evr) === 0));
  });
}

/** Installed EVRs by arch ('' for none, e.g. gpg-pubkey). */
function archGroups(rows: readonly InstalledRpm[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.arch ?? '', [...(groups.get(r.arch ?? '') ?? []), r.evr]);
  return groups;
}
