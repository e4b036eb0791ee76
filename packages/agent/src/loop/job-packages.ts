import { diffSoftware, type InstalledPackage, type PinnedPackage } from '@patchloop/core';
import type { ExecutableJob } from '../executors/executor.js';

const MAX_REPORTED = 10_000;

/** The package names a job is about: its arguments, else whatever changed while it ran. */
export function jobPackageNames(job: ExecutableJob, before: readonly InstalledPackage[], after: readonly InstalledPackage[]): Set<string> {
  const args = job.args as { packages?: (string | PinnedPackage)[] };
  if (Array.isArray(args.packages)) return new Set(args.packages.map((p) => (typeof p === 'string' ? p : p.name)));
  return new Set(diffSoftware(before, after).map((c) => (c.after ?? c.before)?.name ?? '').filter((n) => n !== ''));
}

/** name=version of the named packages in an inventory, for packagesBefore/packagesAfter. */
export function pinnedOf(packages: readonly InstalledPackage[], names: ReadonlySet<string>): PinnedPackage[] {
  const seen = new Set<string>();
  const out: PinnedPackage[] = [];
  for (const p of packages) {
    const key = `${p.name}=${p.version}`;
    if (!names.has(p.name) || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: p.name, version: p.version });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_REPORTED);
}

/**
 * For install and rollback: the requested name=version pairs not installed after the job. apt can
 * exit 0 and still leave another version (e.g. a hold), which is a failure to report.
 */
export function missingRequestedVersions(job: ExecutableJob, after: readonly InstalledPackage[]): PinnedPackage[] {
  if (job.kind !== 'install' && job.kind !== 'rollback') return [];
  const installed = new Set(after.map((p) => `${p.name}=${p.version}`));
  return (job.args as { packages: PinnedPackage[] }).packages.filter((p) => !installed.has(`${p.name}=${p.version}`));
}
