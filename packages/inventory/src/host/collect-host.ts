import { access, readdir, readFile } from 'node:fs/promises';
import { arch as nodeArch, hostname, machine, networkInterfaces, release } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot, OsInfo } from '@patchloop/core';
import { installedKernelReleases, kernelReleasesFromBootListing, toKernelInfo } from './kernel/kernel.js';
import type { KernelPackageManager } from './kernel/kernel.js';
import { ecosystemForOs, parseOsInfo } from './os-release/os-release.parser.js';
import { pushTextLines, type PackageDbKind, type PackageDbLineParser, type PackageDbParseOptions, type PackageDbParseResult } from './package-db.js';
import { packageDbFormats } from './package-db.registry.js';
import { debianRebootStatus } from './reboot/reboot-required.js';
import { forEachLine, forEachLineOfText } from './line-splitter.js';
import type { RebootStatus } from './reboot/reboot-required.js';
import { RPM_QA_QUERYFORMAT } from './rpm/rpm-qa.parser.js';

/** Options of collectHostInventory. */
export interface CollectHostOptions {
  /**
   * Filesystem root to read, default "/". With another root (a mounted image or chroot) the
   * running kernel, architecture and addresses are not read, since they belong to this machine.
   */
  root?: string;
}

/** Where each package database lives, relative to the root, in the order they are tried. */
const PACKAGE_DBS: readonly { manager: KernelPackageManager; kind: PackageDbKind; paths: readonly string[] }[] = [
  { manager: 'dpkg', kind: 'dpkg-status', paths: ['var/lib/dpkg/status'] },
  { manager: 'rpm', kind: 'rpm-qa', paths: ['var/lib/rpm', 'usr/lib/sysimage/rpm'] },
  { manager: 'apk', kind: 'apk-installed', paths: ['lib/apk/db/installed'] },
];

interface PackageDbFound {
  manager: KernelPackageManager;
  kind: PackageDbKind;
  /** Path relative to the root, e.g. "var/lib/dpkg/status". */
  dbPath: string;
  path: string;
}

/**
 * Reads this host's inventory: OS, installed packages (dpkg status, else `rpm -qa`, else the
 * apk installed db), kernels, pending reboot, hostname, architecture and addresses.
 *
 * @example
 * const snapshot = await collectHostInventory();
 * const fromImage = await collectHostInventory({ root: '/mnt/image' });
 */
export async function collectHostInventory({ root = '/' }: CollectHostOptions = {}): Promise<InventorySnapshot> {
  const warnings: string[] = [];
  const os = await readOsInfo(root, warnings);
  const ecosystem = chooseEcosystem(os, warnings);
  const db = await findPackageDb(root);
  const parsed = db ? await readPackageDb(db, root, ecosystem) : emptyResult(warnings);
  const kernel = toKernelInfo({ running: root === '/' ? release() : undefined, installed: await readInstalledKernels(root, db, parsed.packages) });
  const reboot = await readDebianRebootStatus(root);
  return {
    asset: {
      name: await readHostname(root),
      kind: 'host',
      os,
      arch: root === '/' ? machineArch() : undefined,
      kernel,
      rebootRequired: reboot.required || kernel.rebootNeededForKernel === true,
      addresses: root === '/' ? listAddresses() : [],
      source: db ? packageDbFormats[db.kind].source : 'collector:host',
    },
    packages: parsed.packages,
    warnings: [...warnings, ...parsed.warnings],
  };
}

/**
 * Reads one package-database file and parses it line by line; parse errors name `path`. The file
 * is read whole (a large dpkg status is a few MB): one read, no stream.
 * For 'rpm-qa' the file is saved `rpm -qa --queryformat RPM_QA_QUERYFORMAT` output.
 *
 * @example
 * const { packages } = await parseInventoryFile('dpkg-status', '/var/lib/dpkg/status', { ecosystem: 'Debian:12' });
 */
export async function parseInventoryFile(kind: PackageDbKind, path: string, opts: Omit<PackageDbParseOptions, 'file'>): Promise<PackageDbParseResult> {
  const parser = packageDbFormats[kind].createParser({ ...opts, file: path });
  try {
    // Read as one buffer and decoded once: with an encoding, readFile decodes chunk by chunk into a string that is then copied flat.
    const text = (await readFile(path)).toString('utf8');
    // Without "\r", LineSplitter's line endings are linesOf's.
    if (text.includes('\r')) forEachLineOfText(text, (line) => parser.pushLine(line));
    else pushTextLines(parser, text);
  } catch (cause) {
    if (cause instanceof DomainError) throw cause;
    throw new DomainError('E_INVENTORY_FILE_UNREADABLE', 'not_found', `cannot read ${kind} file`, { cause, location: { file: path } });
  }
  return parser.finish();
}

async function pushLines(input: Readable, parser: PackageDbLineParser): Promise<void> {
  try {
    await forEachLine(input, (line) => parser.pushLine(line));
  } finally {
    input.destroy();
  }
}

async function readOsInfo(root: string, warnings: string[]): Promise<OsInfo | undefined> {
  for (const rel of ['etc/os-release', 'usr/lib/os-release']) {
    const path = join(root, rel);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return parseOsInfo(text, { file: path });
  }
  warnings.push('os-release: neither etc/os-release nor usr/lib/os-release found');
  return undefined;
}

/** The OSV ecosystem, or "<id>:<version>" with a warning when Patchloop has none for this OS. */
function chooseEcosystem(os: OsInfo | undefined, warnings: string[]): string {
  const known = os ? ecosystemForOs(os) : undefined;
  if (known !== undefined) return known;
  const fallback = [os?.id ?? 'unknown', os?.version].filter((p) => p !== undefined).join(':');
  warnings.push(`os-release: no known ecosystem for ${os?.name ?? 'this OS'}; packages are tagged "${fallback}" and will not match distro advisories`);
  return fallback;
}

async function findPackageDb(root: string): Promise<PackageDbFound | undefined> {
  for (const db of PACKAGE_DBS) {
    for (const rel of db.paths) {
      const path = join(root, rel);
      if (await exists(path)) return { manager: db.manager, kind: db.kind, dbPath: rel, path };
    }
  }
  return undefined;
}

function readPackageDb(db: PackageDbFound, root: string, ecosystem: string): Promise<PackageDbParseResult> {
  return db.kind === 'rpm-qa' ? queryRpmDb(root, `/${db.dbPath}`, ecosystem) : parseInventoryFile(db.kind, db.path, { ecosystem });
}

/**
 * Runs `rpm --root ROOT --dbpath DB -qa --queryformat RPM_QA_QUERYFORMAT` and parses its output as it
 * streams. --dbpath is the database found, so the rpm binary's own default (which differs between
 * builds: /var/lib/rpm, /usr/lib/sysimage/rpm, ~/.rpmdb on Debian) does not matter.
 */
async function queryRpmDb(root: string, dbPath: string, ecosystem: string): Promise<PackageDbParseResult> {
  const args = ['--root', root, '--dbpath', dbPath, '-qa', '--queryformat', RPM_QA_QUERYFORMAT];
  // Loaded here: only rpm hosts need child processes (and their streams) at all.
  const { spawn } = await import('node:child_process');
  const child = spawn('rpm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  exited.catch(() => undefined); // handled below; this keeps an early parse error from leaving it unhandled
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const parser = packageDbFormats['rpm-qa'].createParser({ ecosystem, file: 'rpm -qa' });
  try {
    await pushLines(child.stdout, parser);
  } finally {
    child.kill();
  }
  const code = await exited.catch((cause: unknown) => {
    throw new DomainError('E_RPM_QUERY_FAILED', 'unavailable', 'cannot run rpm', { cause });
  });
  if (code !== 0) throw new DomainError('E_RPM_QUERY_FAILED', 'unavailable', `rpm -qa exited ${code}: ${stderr.trim().slice(0, 500)}`);
  return parser.finish();
}

function emptyResult(warnings: string[]): PackageDbParseResult {
  warnings.push('packages: no dpkg, rpm or apk database found');
  return { packages: [], skipped: [], warnings: [] };
}

/** Kernel packages from the database; when there are none, /boot and /lib/modules listings. */
async function readInstalledKernels(root: string, db: PackageDbFound | undefined, packages: readonly InstalledPackage[]): Promise<string[]> {
  const fromPackages = db ? installedKernelReleases(packages, db.manager) : [];
  if (fromPackages.length > 0) return fromPackages;
  const names = [...(await listDir(join(root, 'boot'))), ...(await listDir(join(root, 'lib/modules')))];
  return kernelReleasesFromBootListing(names);
}

/** Debian's flag file; /run first because var/run is an absolute symlink that would escape another root. */
async function readDebianRebootStatus(root: string): Promise<RebootStatus> {
  for (const dir of ['run', 'var/run']) {
    const flag = join(root, dir, 'reboot-required');
    if (!(await exists(flag))) continue;
    const pkgsText = await readFile(`${flag}.pkgs`, 'utf8').catch(() => '');
    return debianRebootStatus({ flagExists: true, pkgsText });
  }
  return debianRebootStatus({ flagExists: false });
}

async function readHostname(root: string): Promise<string> {
  if (root === '/') return hostname();
  const text = await readFile(join(root, 'etc/hostname'), 'utf8').catch(() => '');
  return text.trim() || basename(root);
}

/** `uname -m` style (x86_64, aarch64); node's os.arch() names (x64, arm64) only if machine() is empty. */
function machineArch(): string {
  return machine() || nodeArch();
}

/** Non-loopback addresses; IPv6 link-local (fe80::/10) is left out, being the same on every network. */
function listAddresses(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return addresses.filter((a) => !a.internal && !/^fe[89ab]/i.test(a.address)).map((a) => a.address);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}
