import type { InstalledPackage, KernelInfo } from '@patchloop/core';

/** Package managers whose kernel packages Patchloop recognises. */
export type KernelPackageManager = 'dpkg' | 'rpm' | 'apk';

type KernelReleaseOf = (pkg: InstalledPackage) => string | undefined;

/** Debian/Ubuntu: linux-image-<release> (and Ubuntu's linux-image-unsigned-<release>); meta packages and -dbg are not kernels. */
const DPKG_KERNEL = /^linux-image-(?:unsigned-)?(\d[^\s]*)$/;
/** RHEL family: these package names carry the kernel; uname -r is version-release.arch. */
const RPM_KERNEL_NAMES: readonly string[] = ['kernel', 'kernel-core', 'kernel-uek', 'kernel-uek-core'];
/** Alpine: linux-<flavor>; version 6.6.14-r0 boots as 6.6.14-0-<flavor>. */
const APK_KERNEL = /^linux-(lts|virt|edge|rpi\d*)$/;

/** One function per package manager: package -> the `uname -r` it installs, or undefined. */
const kernelReleaseByManager: Record<KernelPackageManager, KernelReleaseOf> = {
  dpkg: (p) => {
    const release = DPKG_KERNEL.exec(p.name)?.[1];
    return release === undefined || /-dbg(sym)?$/.test(release) ? undefined : release;
  },
  rpm: (p) => (RPM_KERNEL_NAMES.includes(p.name) && p.arch ? `${p.version.replace(/^\d+:/, '')}.${p.arch}` : undefined),
  apk: (p) => {
    const flavor = APK_KERNEL.exec(p.name)?.[1];
    const m = /^(.+)-r(\d+)$/.exec(p.version);
    return flavor === undefined || !m ? undefined : `${m[1]}-${m[2]}-${flavor}`;
  },
};

/**
 * Kernel releases (as `uname -r` prints them) for which a kernel package is installed,
 * oldest first, without duplicates (rpm's kernel and kernel-core name the same release).
 *
 * @example
 * installedKernelReleases(packages, 'rpm'); // ['5.14.0-362.8.1.el9_3.x86_64', '5.14.0-362.18.1.el9_3.x86_64']
 */
export function installedKernelReleases(packages: readonly InstalledPackage[], manager: KernelPackageManager): string[] {
  const releaseOf = kernelReleaseByManager[manager];
  const releases = new Set<string>();
  for (const p of packages) {
    const release = releaseOf(p);
    if (release !== undefined) releases.add(release);
  }
  return [...releases].sort(compareKernelReleases);
}

/**
 * Kernel releases from a /boot listing (vmlinuz-<release>) or a /lib/modules listing (<release>),
 * for hosts whose kernels are not packaged. Other names are ignored. Oldest first.
 */
export function kernelReleasesFromBootListing(names: readonly string[]): string[] {
  const releases = new Set<string>();
  for (const name of names) {
    const release = name.startsWith('vmlinuz-') ? name.slice('vmlinuz-'.length) : name;
    if (/^\d+\.\d+/.test(release)) releases.add(release);
  }
  return [...releases].sort(compareKernelReleases);
}

/**
 * Orders kernel releases: digit runs compare as numbers, letter runs as text, a number beats
 * letters, and with an equal prefix the release with more parts is newer
 * (6.1.0-18-amd64 > 6.1.0-9-amd64; 5.14.0-362.18.1.el9_3 > 5.14.0-362.8.1.el9_3).
 */
export function compareKernelReleases(a: string, b: string): -1 | 0 | 1 {
  const ta = kernelReleaseTokens(a);
  const tb = kernelReleaseTokens(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i += 1) {
    const c = compareToken(ta[i] ?? '', tb[i] ?? '');
    if (c !== 0) return c;
  }
  return ta.length === tb.length ? 0 : ta.length > tb.length ? 1 : -1;
}

function kernelReleaseTokens(release: string): string[] {
  return release.match(/\d+|[A-Za-z]+/g) ?? [];
}

function compareToken(x: string, y: string): -1 | 0 | 1 {
  const xNum = /^\d/.test(x);
  const yNum = /^\d/.test(y);
  if (xNum !== yNum) return xNum ? 1 : -1;
  if (xNum) {
    const [nx, ny] = [x.replace(/^0+/, ''), y.replace(/^0+/, '')];
    if (nx.length !== ny.length) return nx.length > ny.length ? 1 : -1;
    return nx === ny ? 0 : nx > ny ? 1 : -1;
  }
  return x === y ? 0 : x > y ? 1 : -1;
}

/**
 * Builds KernelInfo. A reboot is needed when the newest installed kernel is newer than the running
 * one. It is unknown (undefined) when either side is missing, or when the running kernel is newer
 * than every installed one (a kernel not managed by the package manager: containers, custom builds).
 */
export function toKernelInfo({ running, installed }: { running?: string; installed: readonly string[] }): KernelInfo {
  const sorted = [...installed].sort(compareKernelReleases);
  const newest = sorted.at(-1);
  const info: KernelInfo = { running, installed: sorted };
  if (running === undefined || newest === undefined) return info;
  const order = compareKernelReleases(newest, running);
  return { ...info, rebootNeededForKernel: order > 0 ? true : order === 0 ? false : undefined };
}
