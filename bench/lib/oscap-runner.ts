import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Is `oscap` on PATH? */
export function oscapAvailable(): boolean {
  return spawnSync('oscap', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The first line of `oscap --version`. */
export function oscapVersion(): string {
  return execFileSync('oscap', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
}

/** A fake root for OpenSCAP's offline mode (OSCAP_PROBE_ROOT) plus the APT config it needs. */
export interface FakeRoot {
  root: string;
  /** Value for APT_CONFIG (see {@link prepareFakeRoot}). */
  aptConfig: string;
}

/**
 * Builds `dir`/root with what Debian's OVAL and OpenSCAP 1.3.7 read offline: etc/debian_version
 * (tst:1 "Debian 12 is installed" matches `(\d+)\.\d` in it) and var/lib/dpkg/status (the
 * dpkginfo probe, through libapt-pkg). libapt-pkg also needs usr/share/dpkg/cputable, an empty
 * sources.list and apt's state/cache dirs inside the root. Two host quirks are neutralised by an
 * APT_CONFIG file outside the root: the architecture list is given (else apt chroots into the root
 * to run `dpkg --print-foreign-architectures`, which is not there) and the host's apt.conf.d is
 * not read (Docker's `Dir::Cache::pkgcache ""` becomes the root dir itself under RootDir, and the
 * cache write fails). The uname_test (tst:2) is "not applicable" offline, which an AND ignores.
 */
export function prepareFakeRoot(dir: string, statusText: string, { debianVersion = readFileSync('/etc/debian_version', 'utf8') }: { debianVersion?: string } = {}): FakeRoot {
  const root = join(dir, 'root');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['etc/apt/sources.list.d', 'var/lib/dpkg/updates', 'var/lib/dpkg/info', 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'usr/share/dpkg']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'etc/debian_version'), debianVersion);
  if (existsSync('/etc/os-release')) copyFileSync('/etc/os-release', join(root, 'etc/os-release'));
  writeFileSync(join(root, 'etc/apt/sources.list'), '');
  writeFileSync(join(root, 'var/lib/dpkg/status'), statusText);
  writeFileSync(join(root, 'var/lib/dpkg/available'), '');
  for (const f of readdirSync('/usr/share/dpkg').filter((n) => n.endsWith('table'))) copyFileSync(join('/usr/share/dpkg', f), join(root, 'usr/share/dpkg', f));
  const parts = join(dir, 'apt.conf.d');
  mkdirSync(parts);
  const arch = execFileSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).trim();
  const aptConfig = join(dir, 'apt.conf');
  writeFileSync(aptConfig, `APT::Architecture "${arch}";\nAPT::Architectures { "${arch}"; };\nDir::Etc::parts "${parts}/";\nDir::Etc::main "${join(dir, 'none.conf')}";\n`);
  return { root, aptConfig };
}

export interface OscapRun {
  seconds: number;
  /** Definition id -> result ("true", "false", "error", ...). */
  results: Map<string, string>;
  stderr: string;
}

/**
 * `oscap oval eval [--results R.xml] OVAL.xml`, on this host or offline on a fake root.
 * Results come from the results file when given, else from the per-definition stdout lines.
 */
export function runOscapEval({ oval, fakeRoot, resultsPath }: { oval: string; fakeRoot?: FakeRoot; resultsPath?: string }): OscapRun {
  if (fakeRoot) rmSync(join(fakeRoot.root, 'var/cache/apt'), { recursive: true, force: true });
  if (fakeRoot) mkdirSync(join(fakeRoot.root, 'var/cache/apt/archives/partial'), { recursive: true });
  const env = fakeRoot ? { ...process.env, OSCAP_PROBE_ROOT: fakeRoot.root, APT_CONFIG: fakeRoot.aptConfig } : process.env;
  const args = ['oval', 'eval', ...(resultsPath ? ['--results', resultsPath] : []), oval];
  const started = performance.now();
  const r = spawnSync('oscap', args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`oscap ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (/dpkginfo_init has failed/.test(r.stderr)) throw new Error(`oscap could not read the dpkg database: ${r.stderr}`);
  const results = resultsPath ? readResultsFile(resultsPath) : readStdoutResults(r.stdout);
  return { seconds, results, stderr: r.stderr };
}

function readResultsFile(path: string): Map<string, string> {
  const xml = readFileSync(path, 'utf8');
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<definition definition_id="([^"]+)" result="([^"]+)"/g)) out.set(m[1]!, m[2]!);
  return out;
}

function readStdoutResults(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of stdout.matchAll(/^Definition (\S+): (.+)$/gm)) out.set(m[1]!, m[2]!.trim());
  return out;
}
