// The fleet's own apt repository: tiny Architecture: all packages built with dpkg-deb.
//
//   demo-openssl  1.0-1, 1.0-2 (the "security fix"); depends on demo-libssl3 of the same version
//   demo-libssl3  1.0-1, 1.0-2; binary name differs from its source (Source: demo-openssl)
//   demo-web      2.0-1 (ok), 2.0-2 whose postinst exits 1 (a broken patch)
//   demo-svc      1.0-1 / 1.1-1 shipping /usr/bin/demo-svc-health (exit 0 healthy / 1 unhealthy)
//
// The repository is flat (`deb [trusted=yes] file:/srv/repo ./`): pool/*.deb, Packages(.gz), Release.
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runOk } from './exec.ts';
import { safeRemove } from './mounts.ts';
import { tempName } from './base-rootfs.ts';

export interface DemoPackage {
  name: string;
  version: string;
  source?: string;
  depends?: string;
  description: string;
  /** path inside the package -> [mode, content] */
  files?: Record<string, [number, string]>;
  postinst?: string;
}

const sh = (body: string) => `#!/bin/sh\n${body}\n`;

export const DEMO_PACKAGES: readonly DemoPackage[] = [
  ...['1.0-1', '1.0-2'].flatMap((v): DemoPackage[] => [
    {
      name: 'demo-libssl3',
      version: v,
      source: 'demo-openssl',
      description: `demo TLS library ${v}`,
      files: { '/usr/share/demo-openssl/libssl-version': [0o644, `${v}\n`] },
    },
    {
      name: 'demo-openssl',
      version: v,
      depends: `demo-libssl3 (= ${v})`,
      description: `demo TLS toolkit ${v}${v === '1.0-2' ? ' (security fix)' : ''}`,
      files: { '/usr/bin/demo-openssl': [0o755, sh(`echo "demo-openssl ${v}"`)] },
    },
  ]),
  {
    name: 'demo-web',
    version: '2.0-1',
    description: 'demo web server 2.0-1',
    files: { '/usr/bin/demo-web': [0o755, sh('echo "demo-web 2.0-1"')] },
    postinst: sh('set -e\nexit 0'),
  },
  {
    name: 'demo-web',
    version: '2.0-2',
    description: 'demo web server 2.0-2 (broken: postinst fails)',
    files: { '/usr/bin/demo-web': [0o755, sh('echo "demo-web 2.0-2"')] },
    postinst: sh('echo "demo-web postinst: configuration failed" >&2\nexit 1'),
  },
  {
    name: 'demo-svc',
    version: '1.0-1',
    description: 'demo service 1.0-1 (healthy)',
    files: { '/usr/bin/demo-svc-health': [0o755, sh('echo "demo-svc 1.0-1 healthy"\nexit 0')] },
  },
  {
    name: 'demo-svc',
    version: '1.1-1',
    description: 'demo service 1.1-1 (unhealthy after upgrade)',
    files: { '/usr/bin/demo-svc-health': [0o755, sh('echo "demo-svc 1.1-1 unhealthy" >&2\nexit 1')] },
  },
];

function control(p: DemoPackage): string {
  const lines = [
    `Package: ${p.name}`,
    ...(p.source ? [`Source: ${p.source}`] : []),
    `Version: ${p.version}`,
    'Architecture: all',
    'Maintainer: Patchloop Fleet <fleet@patchloop.invalid>',
    'Section: misc',
    'Priority: optional',
    ...(p.depends ? [`Depends: ${p.depends}`] : []),
    `Description: ${p.description}`,
    ' Tiny package for the Patchloop fleet tests.',
  ];
  return `${lines.join('\n')}\n`;
}

async function buildDeb(p: DemoPackage, work: string, pool: string): Promise<string> {
  const dir = join(work, `${p.name}_${p.version}`);
  mkdirSync(join(dir, 'DEBIAN'), { recursive: true });
  writeFileSync(join(dir, 'DEBIAN/control'), control(p));
  if (p.postinst) {
    writeFileSync(join(dir, 'DEBIAN/postinst'), p.postinst);
    chmodSync(join(dir, 'DEBIAN/postinst'), 0o755);
  }
  for (const [path, [mode, content]] of Object.entries(p.files ?? {})) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    chmodSync(full, mode);
  }
  const deb = join(pool, `${p.name}_${p.version}_all.deb`);
  // -Zgzip keeps the build quick; --root-owner-group so files are root:root inside the hosts.
  await runOk('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', dir, deb]);
  return deb;
}

/**
 * Builds the demo repository at `dest` (temp dir + rename, so `dest` is either absent or complete).
 * Returns `dest`. Existing `dest` is reused as is.
 */
export async function buildDemoRepo(dest: string, packages: readonly DemoPackage[] = DEMO_PACKAGES): Promise<string> {
  if (existsSync(join(dest, 'Release'))) return dest;
  const parent = dirname(dest);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, tempName('build'));
  try {
    const repo = join(tmp, 'repo');
    const pool = join(repo, 'pool');
    mkdirSync(pool, { recursive: true });
    for (const p of packages) await buildDeb(p, join(tmp, 'src'), pool);
    const pk = await runOk('apt-ftparchive', ['packages', 'pool'], { cwd: repo });
    writeFileSync(join(repo, 'Packages'), pk.stdout);
    await runOk('sh', ['-c', 'gzip -9n < Packages > Packages.gz'], { cwd: repo });
    const rel = await runOk(
      'apt-ftparchive',
      ['-o', 'APT::FTPArchive::Release::Origin=Patchloop', '-o', 'APT::FTPArchive::Release::Label=Patchloop fleet demo', 'release', '.'],
      { cwd: repo },
    );
    writeFileSync(join(repo, 'Release'), rel.stdout);
    chmodSync(repo, 0o755);
    if (existsSync(dest)) safeRemove(dest);
    renameSync(repo, dest);
    return dest;
  } finally {
    safeRemove(tmp);
  }
}
