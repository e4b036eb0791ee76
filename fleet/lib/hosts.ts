// Overlay "hosts": each host is an overlay mount whose lower layer is the cached base root
// filesystem, and "running on a host" means unshare (mount, uts, pid namespaces) + chroot.
// No network namespace: hosts share the machine's loopback (an agent reaches the server on
// 127.0.0.1) and need no network for apt, which reads the fleet repository through a file: source.
//
//   await withFleet(2, async (fleet) => {
//     const [a] = fleet.hosts;
//     await runOn(a!, ['apt-get', 'update']);
//   });
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { hasCommand, run, runOk, type RunResult } from './exec.ts';
import { mountsUnder, safeRemove, unmountAllUnder } from './mounts.ts';
import { ensureBaseTarball, ensureUnpackedBase, fleetCacheDir, removeStale, tempName, type BaseInfo } from './base-rootfs.ts';
import { buildDemoRepo } from './demo-repo.ts';

export { FleetUnavailableError } from './base-rootfs.ts';

export const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Host {
  name: string;
  index: number;
  /** host directory: upper/, work/, root/ */
  dir: string;
  /** the merged overlay: the host's "/" */
  root: string;
  upper: string;
  work: string;
  /** overlay lower layer (the unpacked base) */
  lower: string;
  /** repository bind-mounted read-only at /srv/repo */
  repo: string;
}

export interface Fleet {
  /** run directory: repo/ and hosts/h<i>/ (removed on teardown) */
  dir: string;
  /** shared, read-only unpacked base (the overlay lower layer of every host) */
  base: string;
  repo: string;
  baseInfo: BaseInfo;
  hosts: Host[];
  /** milliseconds spent on each setup step */
  timings: Record<string, number>;
}

export interface HostRunOptions {
  /** extra environment inside the host (on top of PATH, HOME, LANG, DEBIAN_FRONTEND) */
  env?: Record<string, string>;
  /** SIGKILL the host process after this long (default 5 minutes for runOn, none for startOn) */
  timeoutMs?: number;
  input?: string;
}

export interface HostProcess {
  host: Host;
  /** pid of the unshare process (setpriv execs it; outside the host's pid namespace) */
  pid: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<RunResult>;
  /** SIGKILL the unshare process (--kill-child ends everything inside) and wait for it. */
  kill(): Promise<RunResult>;
}

// ---- registry of live fleets and processes, for cleanup on signals and exit ----

const liveFleets = new Set<Fleet>();
const liveProcs = new Set<HostProcess>();

function nodeBinary(): string {
  return realpathSync(process.execPath);
}

// The script unshare runs; positional arguments avoid any quoting of paths or commands.
const ENTER_SCRIPT = `set -e
root=$1 repo=$2 node=$3 hn=$4
shift 4
hostname "$hn"
mount --rbind /dev "$root/dev"
mount --bind "$repo" "$root/srv/repo"
mount -o remount,bind,ro "$root/srv/repo"
mount --bind "$node" "$root/usr/local/bin/node"
exec chroot "$root" /usr/bin/env -i PATH=${HOST_PATH} HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"`;

function hostArgv(host: Host, argv: readonly string[], env: Record<string, string> = {}): string[] {
  if (argv.length === 0) throw new Error('runOn: empty command');
  const envPairs = Object.entries(env).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`bad environment variable name: ${k}`);
    return `${k}=${v}`;
  });
  if (argv[0]!.includes('=')) throw new Error(`command must not contain '=': ${argv[0]}`);
  // setpriv --pdeathsig: if this node process dies (even by SIGKILL) unshare gets SIGKILL, and
  // unshare's --kill-child then ends the host's pid namespace. Nothing outlives the harness.
  return [
    '--pdeathsig', 'KILL',
    'unshare', '--mount', '--uts', '--pid', '--fork', '--kill-child', `--mount-proc=${host.root}/proc`,
    'sh', '-c', ENTER_SCRIPT, 'sh', host.root, host.repo, nodeBinary(), host.name,
    ...envPairs, ...argv,
  ];
}

/** Runs a command on a host and waits for it; never rejects on a non-zero exit code. */
export function runOn(host: Host, argv: readonly string[], opts: HostRunOptions = {}): Promise<RunResult> {
  return run('setpriv', hostArgv(host, argv, opts.env), { timeoutMs: opts.timeoutMs ?? 5 * 60_000, input: opts.input });
}

/** Like runOn, but throws (with the output) unless the command exits 0. */
export async function runOnOk(host: Host, argv: readonly string[], opts: HostRunOptions = {}): Promise<RunResult> {
  const res = await runOn(host, argv, opts);
  if (res.code !== 0) {
    throw new Error(`[${host.name}] ${argv.join(' ')} exited ${res.code ?? res.signal}\n${res.stdout}\n${res.stderr}`);
  }
  return res;
}

/** Starts a long-running process on a host (e.g. an agent). Stop it with handle.kill(). */
export function startOn(host: Host, argv: readonly string[], opts: HostRunOptions = {}): HostProcess {
  const child = spawn('setpriv', hostArgv(host, argv, opts.env), {
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start unshare for ${host.name}`);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (opts.input !== undefined && child.stdin) {
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input);
  }
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
  const exited = new Promise<RunResult>((resolve) => {
    child.on('error', (e) => {
      err += String(e);
      resolve({ code: null, signal: null, stdout: out, stderr: err });
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  }).finally(() => {
    if (timer) clearTimeout(timer);
    liveProcs.delete(handle);
  });
  const handle: HostProcess = {
    host,
    pid: child.pid,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  liveProcs.add(handle);
  return handle;
}

async function killProcsOn(hosts: readonly Host[]): Promise<void> {
  const names = new Set(hosts.map((h) => h.name + h.dir));
  await Promise.all([...liveProcs].filter((p) => names.has(p.host.name + p.host.dir)).map((p) => p.kill()));
}

// ---- host lifecycle ----

export async function mountHost(host: Host): Promise<void> {
  for (const d of [host.upper, host.work, host.root]) mkdirSync(d, { recursive: true });
  await runOk('mount', [
    '-t', 'overlay', 'overlay',
    '-o', `lowerdir=${host.lower},upperdir=${host.upper},workdir=${host.work}`,
    host.root,
  ]);
}

function unmountHost(host: Host): void {
  const left = unmountAllUnder(host.dir);
  if (left.length) throw new Error(`${host.name}: could not unmount ${left.join(', ')}`);
}

/** Back to a pristine copy of the base: stop its processes, unmount, drop upper and work, mount. */
export async function resetHost(host: Host): Promise<void> {
  await killProcsOn([host]);
  unmountHost(host);
  safeRemove(host.upper);
  safeRemove(host.work);
  await mountHost(host);
}

/** Stops the host's processes, unmounts it and removes its directory. */
export async function destroyHost(host: Host): Promise<void> {
  await killProcsOn([host]);
  unmountHost(host);
  safeRemove(host.dir);
}

// ---- looking at a host from outside ----

export interface DpkgState {
  version: string;
  /** dpkg's abbreviated status, e.g. "ii" (installed), "iF" (half-configured), "un" */
  status: string;
}

/** Runs dpkg-query on the host's database from outside (no namespace needed). */
export async function dpkgQueryFormat(host: Host, pkg: string, format: string): Promise<string | undefined> {
  const res = await run('dpkg-query', [`--admindir=${host.root}/var/lib/dpkg`, '-W', '-f', format, pkg]);
  return res.code === 0 ? res.stdout : undefined;
}

/** Version and status of a package on a host, or undefined when dpkg does not know it. */
export async function dpkgQuery(host: Host, pkg: string): Promise<DpkgState | undefined> {
  const out = await dpkgQueryFormat(host, pkg, '${Version} ${db:Status-Abbrev}');
  if (out === undefined) return undefined;
  const m = /^(\S*) (\S+)\s*$/.exec(out);
  if (!m) throw new Error(`unexpected dpkg-query output for ${pkg} on ${host.name}: ${JSON.stringify(out)}`);
  return { version: m[1]!, status: m[2]! };
}

export interface DpkgAudit {
  clean: boolean;
  code: number | null;
  output: string;
}

/** `dpkg --audit` on the host's database (from outside). Clean = exit 0 and no output. */
export async function dpkgAudit(host: Host): Promise<DpkgAudit> {
  const res = await run('dpkg', [`--root=${host.root}`, '--audit']);
  const output = (res.stdout + res.stderr).trim();
  return { clean: res.code === 0 && output === '', code: res.code, output };
}

// ---- prerequisites ----

const REQUIRED_COMMANDS = ['debootstrap', 'unshare', 'chroot', 'mount', 'umount', 'tar', 'zstd', 'dpkg-deb', 'dpkg-query', 'apt-ftparchive', 'hostname', 'setpriv'];

/**
 * Why this machine cannot run a fleet, or undefined when it can (root, Linux, the tools,
 * unshare with mount/uts/pid namespaces, overlay mounts). Does not build the base.
 */
export async function fleetUnavailableReason(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `fleet hosts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'fleet hosts need root (mount, unshare, chroot)';
  const missing = REQUIRED_COMMANDS.filter((c) => !hasCommand(c));
  if (missing.length) return `missing commands: ${missing.join(', ')} (apt-get install -y debootstrap apt-utils zstd)`;
  const ns = await run('unshare', ['--mount', '--uts', '--pid', '--fork', '--kill-child', '--mount-proc', 'true']);
  if (ns.code !== 0) return `unshare --mount --uts --pid does not work here: ${ns.stderr.trim()}`;
  const cache = fleetCacheDir();
  try {
    mkdirSync(cache, { recursive: true });
  } catch (err) {
    return `cannot create the fleet cache ${cache}: ${(err as Error).message}`;
  }
  const probe = join(cache, tempName('build'));
  try {
    for (const d of ['lower', 'upper', 'work', 'merged']) mkdirSync(join(probe, d), { recursive: true });
    const m = await run('mount', ['-t', 'overlay', 'overlay', '-o',
      `lowerdir=${probe}/lower,upperdir=${probe}/upper,workdir=${probe}/work`, `${probe}/merged`]);
    if (m.code !== 0) return `overlay mounts are not available in ${cache}: ${m.stderr.trim()}`;
    return undefined;
  } finally {
    safeRemove(probe);
  }
}

// ---- fleets ----

export interface FleetOptions {
  log?: (msg: string) => void;
  /** host name prefix (default "fleet") */
  prefix?: string;
}

/** Creates a fleet of n mounted hosts. Prefer withFleet, which always cleans up. */
export async function createFleet(n: number, opts: FleetOptions = {}): Promise<Fleet> {
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings[label] = Math.round(performance.now() - t0);
    }
  };
  const cache = fleetCacheDir();
  const baseInfo = await time('baseTarball', () => ensureBaseTarball({ log: opts.log }));
  const dir = join(cache, 'runs', `${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const fleet: Fleet = { dir, base: '', repo: join(dir, 'repo'), baseInfo, hosts: [], timings };
  liveFleets.add(fleet);
  installCleanupHandlers();
  try {
    fleet.base = await time('unpackBase', () => ensureUnpackedBase(baseInfo));
    await time('demoRepo', () => buildDemoRepo(fleet.repo));
    await time('mountHosts', async () => {
      for (let i = 0; i < n; i++) {
        const hdir = join(dir, 'hosts', `h${i}`);
        const host: Host = {
          name: `${opts.prefix ?? 'fleet'}-h${i}`,
          index: i,
          dir: hdir,
          root: join(hdir, 'root'),
          upper: join(hdir, 'upper'),
          work: join(hdir, 'work'),
          lower: fleet.base,
          repo: fleet.repo,
        };
        await mountHost(host);
        fleet.hosts.push(host);
      }
    });
    return fleet;
  } catch (err) {
    destroyFleetSync(fleet);
    throw err;
  }
}

/** Synchronous teardown (usable from signal and exit handlers): SIGKILL, unmount, remove. */
export function destroyFleetSync(fleet: Fleet): void {
  for (const p of liveProcs) {
    if (p.host.dir.startsWith(`${fleet.dir}/`) && p.child.exitCode === null && p.child.signalCode === null) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  try {
    safeRemove(fleet.dir);
  } finally {
    liveFleets.delete(fleet);
    if (liveFleets.size === 0) removeCleanupHandlers();
  }
}

/** Stops the fleet's processes (waiting for them), unmounts every host and removes the run directory. */
export async function destroyFleet(fleet: Fleet): Promise<void> {
  await killProcsOn(fleet.hosts);
  destroyFleetSync(fleet);
}

/**
 * Creates n hosts, runs fn, and always tears them down: on success, on failure, and on
 * SIGINT/SIGTERM/SIGHUP (the signal is re-raised after cleanup). Run directories left by a
 * SIGKILLed process are removed by the next run.
 */
export async function withFleet<T>(n: number, fn: (fleet: Fleet) => Promise<T>, opts: FleetOptions = {}): Promise<T> {
  removeStale();
  const fleet = await createFleet(n, opts);
  try {
    return await fn(fleet);
  } finally {
    await destroyFleet(fleet);
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let handlersInstalled = false;

function onSignal(sig: NodeJS.Signals): void {
  cleanupAllSync();
  removeCleanupHandlers();
  process.kill(process.pid, sig);
}

function onExit(): void {
  cleanupAllSync();
}

function cleanupAllSync(): void {
  for (const f of [...liveFleets]) {
    try {
      destroyFleetSync(f);
    } catch (err) {
      process.stderr.write(`fleet cleanup of ${f.dir} failed: ${(err as Error).message}\n`);
    }
  }
}

function installCleanupHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', onExit);
}

function removeCleanupHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', onExit);
}

/** Mounts this process still has under the fleet cache (for tests and leak checks). */
export function fleetMounts(): string[] {
  const cache = fleetCacheDir();
  return existsSync(cache) ? mountsUnder(cache) : [];
}

