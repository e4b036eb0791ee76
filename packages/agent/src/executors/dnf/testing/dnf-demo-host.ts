import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test support: a throwaway rpm "host" for real dnf. Builds tiny noarch rpms with rpmbuild into a
 * local repository made by createrepo_c, and writes a dnf.conf (repository, plugin config and the
 * versionlock list all inside `dir`) for `dnf --config=... --installroot=...`. Nothing outside
 * `dir` is written; no network is used (the repository is a file:// URL).
 */
export interface DnfDemoHost {
  /** The installroot (its rpm database is created by the first dnf transaction). */
  root: string;
  /** dnf.conf with the demo repository and pluginconfpath inside `dir`. */
  configFile: string;
  /** The same config with plugins=0: dnf then has no versionlock command, as on a host without the plugin. */
  noPluginsConfigFile: string;
  /** The versionlock list the plugin writes. */
  locklist: string;
  repo: string;
}

/** A demo package version: the scriptlet may fail on purpose. */
interface DemoRpm {
  name: string;
  epoch?: number;
  version: string;
  release: string;
  failPost?: boolean;
}

/**
 * demo-web: 1.0-1, 2.0-1, and 2.0-2 whose %post fails; ships /etc/demo-web.conf as
 * %config(noreplace). The long-named package has an epoch (1:1.0-1, 1:1.1-1), so specs carry it
 * and dnf's list output wraps its name column.
 */
export const DEMO_LONG = 'demo-epoch-tool-with-an-intentionally-long-name';

export const DEMO_RPMS: readonly DemoRpm[] = [
  { name: 'demo-web', version: '1.0', release: '1' },
  { name: 'demo-web', version: '2.0', release: '1' },
  { name: 'demo-web', version: '2.0', release: '2', failPost: true },
  { name: DEMO_LONG, epoch: 1, version: '1.0', release: '1' },
  { name: DEMO_LONG, epoch: 1, version: '1.1', release: '1' },
];

/** Tools the demo host needs; the first missing one, or undefined. */
export function missingDemoTool(): string | undefined {
  return ['rpm', 'rpmbuild', 'createrepo_c', 'dnf'].find((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

/**
 * Builds the rpms and the repository under `dir`, and the dnf config.
 * @example const host = buildDnfDemoHost(mkdtempSync(join(tmpdir(), 'dnf-')));
 */
export function buildDnfDemoHost(dir: string): DnfDemoHost {
  const repo = join(dir, 'repo');
  const root = join(dir, 'root');
  for (const d of [repo, root, join(dir, 'plugins'), join(dir, 'repos.d')]) mkdirSync(d, { recursive: true });
  for (const rpm of DEMO_RPMS) buildRpm(dir, rpm);
  const built = join(dir, 'build', 'RPMS', 'noarch');
  for (const f of readdirSync(built)) copyFileSync(join(built, f), join(repo, f));
  mustRun('createrepo_c', ['-q', repo]);
  return { root, repo, ...writeDnfConfig(dir, repo) };
}

function writeDnfConfig(dir: string, repo: string): { configFile: string; noPluginsConfigFile: string; locklist: string } {
  const locklist = join(dir, 'plugins', 'versionlock.list');
  writeFileSync(locklist, '');
  writeFileSync(join(dir, 'plugins', 'versionlock.conf'), `[main]\nenabled = 1\nlocklist = ${locklist}\n`);
  const configFile = join(dir, 'dnf.conf');
  const main = ['[main]', 'gpgcheck=0', `reposdir=${join(dir, 'repos.d')}`, `pluginconfpath=${join(dir, 'plugins')}`, 'install_weak_deps=False'];
  const repoSection = ['[demo]', 'name=demo', `baseurl=file://${repo}`, 'gpgcheck=0', 'metadata_expire=0', ''];
  writeFileSync(configFile, [...main, '', ...repoSection].join('\n'));
  const noPluginsConfigFile = join(dir, 'dnf-noplugins.conf');
  writeFileSync(noPluginsConfigFile, [...main, 'plugins=0', '', ...repoSection].join('\n'));
  return { configFile, noPluginsConfigFile, locklist };
}

function buildRpm(dir: string, rpm: DemoRpm): void {
  const spec = join(dir, `${rpm.name}-${rpm.version}-${rpm.release}.spec`);
  writeFileSync(spec, specText(rpm));
  mustRun('rpmbuild', ['-bb', '--quiet', '--define', `_topdir ${join(dir, 'build')}`, spec]);
}

/** A noarch spec with one %config(noreplace) file and a Lua %post (Lua needs no /bin/sh in the root). */
function specText(rpm: DemoRpm): string {
  const post = rpm.failPost ? `error("${rpm.name} %post failing on purpose")` : `print("${rpm.name} configured")`;
  return [
    `Name: ${rpm.name}`,
    ...(rpm.epoch === undefined ? [] : [`Epoch: ${rpm.epoch}`]),
    `Version: ${rpm.version}`,
    `Release: ${rpm.release}`,
    'Summary: patchloop dnf executor test package',
    'License: MIT',
    'BuildArch: noarch',
    '%description',
    'A package for the agent dnf executor tests.',
    '%install',
    `mkdir -p %{buildroot}/etc %{buildroot}/usr/share/${rpm.name}`,
    `echo "setting=${rpm.version}" > %{buildroot}/etc/${rpm.name}.conf`,
    `echo "${rpm.version}-${rpm.release}" > %{buildroot}/usr/share/${rpm.name}/version`,
    '%post -p <lua>',
    post,
    '%files',
    `%config(noreplace) /etc/${rpm.name}.conf`,
    `/usr/share/${rpm.name}/version`,
    '',
  ].join('\n');
}

function mustRun(file: string, args: string[]): void {
  const res = spawnSync(file, args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${res.status}: ${res.stderr}${res.error?.message ?? ''}`);
}
