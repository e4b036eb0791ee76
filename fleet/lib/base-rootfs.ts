// A cached minbase Debian root filesystem that every fleet host uses as its overlay lower layer.
//
// First run: debootstrap (20-45 s, needs a reachable Debian mirror) into a temporary directory,
// apply the fleet recipe's changes, pack as <cache>/base.tar.zst and rename into place.
// Later runs: unpack the tarball (< 1 s). Interrupting at any point leaves either the old state
// or a stale build-<pid>-* directory that the next run removes.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { run, runOk, tail } from './exec.ts';
import { safeRemove } from './mounts.ts';

/** Bump when the changes applied to the base change, so cached tarballs are rebuilt. */
export const BASE_RECIPE_VERSION = 1;
export const DEFAULT_SUITE = 'bookworm';

export function fleetCacheDir(): string {
  return process.env.PATCHLOOP_FLEET_CACHE || '/var/cache/patchloop-fleet';
}

export interface BaseInfo {
  tarball: string;
  suite: string;
  mirror: string;
  recipeVersion: number;
  builtAt: string;
  buildSeconds: number;
}

/** Error for "this machine cannot host a fleet" (as opposed to a bug in the harness). */
export class FleetUnavailableError extends Error {
  override name = 'FleetUnavailableError';
}

function splitDeb822(text: string): Map<string, string>[] {
  const stanzas: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  let lastKey = '';
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') {
      if (cur.size) stanzas.push(cur);
      cur = new Map();
      continue;
    }
    if (raw.startsWith('#')) continue;
    if (/^\s/.test(raw) && lastKey) {
      cur.set(lastKey, `${cur.get(lastKey) ?? ''} ${raw.trim()}`);
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    if (m) {
      lastKey = m[1]!.toLowerCase();
      cur.set(lastKey, m[2]!.trim());
    }
  }
  if (cur.size) stanzas.push(cur);
  return stanzas;
}

/**
 * The Debian mirror to debootstrap from, read at run time from the machine's apt sources
 * (deb822 *.sources first, then one-line sources.list). PATCHLOOP_FLEET_MIRROR overrides.
 */
export function readMirror(suite = DEFAULT_SUITE): string | undefined {
  if (process.env.PATCHLOOP_FLEET_MIRROR) return process.env.PATCHLOOP_FLEET_MIRROR;
  const dir = '/etc/apt/sources.list.d';
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sources')).sort() : [];
  for (const f of files) {
    for (const st of splitDeb822(readFileSync(join(dir, f), 'utf8'))) {
      if (st.get('enabled')?.toLowerCase() === 'no') continue;
      const types = (st.get('types') ?? '').split(/\s+/);
      const suites = (st.get('suites') ?? '').split(/\s+/);
      const uri = (st.get('uris') ?? '').split(/\s+/)[0];
      if (types.includes('deb') && suites.includes(suite) && uri) return uri;
    }
  }
  const lists = ['/etc/apt/sources.list'];
  if (existsSync(dir)) lists.push(...readdirSync(dir).filter((f) => f.endsWith('.list')).map((f) => join(dir, f)));
  for (const f of lists) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (m && m[2] === suite) return m[1];
    }
  }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SIGKILLs processes whose command line names `dir` (host processes or a debootstrap left behind
 * by a harness process that died). Used only for directories of dead harness processes.
 */
export function killProcessesUsing(dir: string): number[] {
  const killed: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.split('\0').some((a) => a === dir || a.startsWith(`${dir}/`))) continue;
    try {
      process.kill(Number(name), 'SIGKILL');
      killed.push(Number(name));
    } catch {
      /* gone already */
    }
  }
  return killed;
}

/** Removes build-<pid>-* / unpack-<pid>-* / runs/<pid>-* directories left by dead processes. */
export function removeStale(cache = fleetCacheDir()): string[] {
  const removed: string[] = [];
  const scan = (dir: string, re: RegExp) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const m = re.exec(name);
      if (!m || pidAlive(Number(m[1]))) continue;
      killProcessesUsing(join(dir, name));
      safeRemove(join(dir, name));
      removed.push(join(dir, name));
    }
  };
  scan(cache, /^(?:build|unpack)-(\d+)-/);
  scan(join(cache, 'runs'), /^(\d+)-/);
  // A half-written tarball from an interrupted pack step.
  for (const name of existsSync(cache) ? readdirSync(cache) : []) {
    const m = /^base\.tar\.zst\.(\d+)\.tmp$/.exec(name);
    if (m && !pidAlive(Number(m[1]))) {
      safeRemove(join(cache, name));
      removed.push(join(cache, name));
    }
  }
  return removed;
}

export function tempName(prefix: string): string {
  return `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function readInfo(cache: string): BaseInfo | undefined {
  const infoPath = join(cache, 'base.json');
  const tarball = join(cache, 'base.tar.zst');
  if (!existsSync(infoPath) || !existsSync(tarball)) return undefined;
  try {
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as BaseInfo;
    if (info.recipeVersion !== BASE_RECIPE_VERSION) return undefined;
    return { ...info, tarball };
  } catch {
    return undefined;
  }
}

/** The recipe's changes to a fresh debootstrap tree (see /work/shared/fleetlab/README.md §2). */
export async function applyRecipe(rootfs: string): Promise<void> {
  // apt-get clean needs no /proc; it drops the downloaded .debs and pkgcache.
  await runOk('chroot', [rootfs, '/usr/bin/env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'apt-get', 'clean']);
  safeRemove(join(rootfs, 'var/lib/apt/lists'));
  mkdirSync(join(rootfs, 'var/lib/apt/lists/partial'), { recursive: true });
  // Services never start inside a host.
  writeFileSync(join(rootfs, 'usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n');
  chmodSync(join(rootfs, 'usr/sbin/policy-rc.d'), 0o755);
  // The only package source: the fleet's own repository, bind-mounted at /srv/repo.
  writeFileSync(join(rootfs, 'etc/apt/sources.list'), 'deb [trusted=yes] file:/srv/repo ./\n');
  const sld = join(rootfs, 'etc/apt/sources.list.d');
  if (existsSync(sld)) for (const f of readdirSync(sld)) safeRemove(join(sld, f));
  // Mount points for the repository and the machine's node binary.
  mkdirSync(join(rootfs, 'srv/repo'), { recursive: true });
  mkdirSync(join(rootfs, 'usr/local/bin'), { recursive: true });
  writeFileSync(join(rootfs, 'usr/local/bin/node'), '');
  writeFileSync(join(rootfs, 'etc/hostname'), 'fleet-host\n');
}

export interface EnsureOptions {
  suite?: string;
  mirror?: string;
  log?: (msg: string) => void;
  /** Give up on debootstrap after this long (default 15 minutes). */
  timeoutMs?: number;
}

/**
 * Returns the cached base tarball, building it first when missing or stale.
 * Throws FleetUnavailableError when it cannot be built here (no debootstrap, no mirror, ...).
 */
export async function ensureBaseTarball(opts: EnsureOptions = {}): Promise<BaseInfo> {
  const cache = fleetCacheDir();
  mkdirSync(cache, { recursive: true });
  removeStale(cache);
  const existing = readInfo(cache);
  if (existing) return existing;

  const suite = opts.suite ?? DEFAULT_SUITE;
  const mirror = opts.mirror ?? readMirror(suite);
  if (!mirror) throw new FleetUnavailableError(`no apt source for ${suite} found to debootstrap from (set PATCHLOOP_FLEET_MIRROR)`);
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const build = join(cache, tempName('build'));
  const rootfs = join(build, 'rootfs');
  mkdirSync(build, { recursive: true });
  try {
    log(`debootstrap --variant=minbase ${suite} from ${mirror} (first run only)`);
    // --pdeathsig: debootstrap dies with this process; what it leaves is removed by the next run.
    const res = await run('setpriv', ['--pdeathsig', 'KILL', 'debootstrap', '--variant=minbase', suite, rootfs, mirror], {
      timeoutMs: opts.timeoutMs ?? 15 * 60_000,
    });
    if (res.code !== 0) {
      const logFile = join(rootfs, 'debootstrap/debootstrap.log');
      const detail = existsSync(logFile) ? tail(readFileSync(logFile, 'utf8'), 10) : tail(res.stderr || res.stdout, 10);
      throw new FleetUnavailableError(`debootstrap ${suite} from ${mirror} failed (exit ${res.code ?? res.signal}):\n${detail}`);
    }
    await applyRecipe(rootfs);
    const tmpTar = join(cache, `base.tar.zst.${process.pid}.tmp`);
    await runOk('tar', ['--numeric-owner', '--xattrs', '-I', 'zstd -T0 -3', '-cf', tmpTar, '-C', rootfs, '.']);
    const info: BaseInfo = {
      tarball: join(cache, 'base.tar.zst'),
      suite,
      mirror,
      recipeVersion: BASE_RECIPE_VERSION,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    // Tarball first, then the info file: readInfo() needs both, so a crash in between only costs a rebuild.
    renameSync(tmpTar, info.tarball);
    writeFileSync(join(cache, `base.json.${process.pid}.tmp`), `${JSON.stringify(info, null, 2)}\n`);
    renameSync(join(cache, `base.json.${process.pid}.tmp`), join(cache, 'base.json'));
    log(`base built in ${info.buildSeconds} s (${(statSync(info.tarball).size / 1e6).toFixed(1)} MB)`);
    return info;
  } finally {
    safeRemove(build);
  }
}

/** Unpacks the base tarball into `dest` (which must not exist): temp dir first, then rename. */
export async function unpackBase(info: BaseInfo, dest: string): Promise<void> {
  if (existsSync(dest)) throw new Error(`${dest} already exists`);
  const parent = join(dest, '..');
  const tmp = join(parent, tempName('unpack'));
  mkdirSync(tmp, { recursive: true });
  try {
    await runOk('tar', ['--numeric-owner', '--xattrs', '-I', 'zstd -T0', '-xpf', info.tarball, '-C', tmp]);
    renameSync(tmp, dest);
  } catch (err) {
    safeRemove(tmp);
    throw err;
  }
}

function unpackedName(info: BaseInfo): string {
  const id = createHash('sha256').update(`${info.recipeVersion} ${info.suite} ${info.builtAt} ${statSync(info.tarball).size}`).digest('hex');
  return `rootfs-${info.suite}-v${info.recipeVersion}-${id.slice(0, 12)}`;
}

/** Is `dir` the lower layer of a mounted overlay (in this mount namespace)? */
export function usedAsLower(dir: string): boolean {
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const [fstype, , superOpts] = line.slice(sep + 3).split(' ');
    if (fstype !== 'overlay' || !superOpts) continue;
    const lower = /(?:^|,)lowerdir=([^,]*)/.exec(superOpts)?.[1];
    if (lower?.split(':').includes(dir)) return true;
  }
  return false;
}

/**
 * The unpacked base shared (read-only, as the overlay lower layer) by every fleet built from the
 * same tarball: unpacked once (temp dir + rename), then reused at no cost. Older unpacked bases
 * are removed when no overlay uses them any more. Nothing ever writes into it.
 */
export async function ensureUnpackedBase(info: BaseInfo): Promise<string> {
  const cache = fleetCacheDir();
  const name = unpackedName(info);
  const dest = join(cache, name);
  for (const other of readdirSync(cache)) {
    if (other.startsWith('rootfs-') && other !== name && !usedAsLower(join(cache, other))) safeRemove(join(cache, other));
  }
  if (existsSync(dest)) return dest;
  try {
    await unpackBase(info, dest);
  } catch (err) {
    // A concurrent run may have won the rename.
    if (!existsSync(dest)) throw err;
  }
  return dest;
}

/** Builds the base tarball when missing, then returns the shared unpacked base directory. */
export async function ensureBase(opts: EnsureOptions = {}): Promise<{ info: BaseInfo; dir: string }> {
  const info = await ensureBaseTarball(opts);
  return { info, dir: await ensureUnpackedBase(info) };
}
