import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@patchloop/core';
import type { InventorySnapshot } from '@patchloop/core';
import { collectHostInventory, parseInventoryFile } from './collect-host.js';

const fixture = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));

/** A fake root: relative path -> fixture file to copy, or literal text. */
type RootLayout = Record<string, { copy: string } | { text: string }>;

function makeRoot(base: string, name: string, layout: RootLayout): string {
  const root = join(base, name);
  for (const [rel, src] of Object.entries(layout)) {
    const dest = join(root, rel);
    mkdirSync(dirname(dest), { recursive: true });
    if ('copy' in src) copyFileSync(fixture(src.copy), dest);
    else writeFileSync(dest, src.text);
  }
  mkdirSync(root, { recursive: true });
  return root;
}

describe('collectHostInventory on fake roots', () => {
  let base = '';
  before(() => (base = mkdtempSync(join(tmpdir(), 'patchloop-collect-'))));
  after(() => rmSync(base, { recursive: true, force: true }));

  const cases: { name: string; layout: RootLayout; check: (s: InventorySnapshot) => void }[] = [
    {
      name: 'Debian root: dpkg status, reboot-required with .pkgs, hostname from etc/hostname',
      layout: {
        'etc/os-release': { copy: './os-release/testdata/debian-12.os-release' },
        'etc/hostname': { text: 'web-01\n' },
        'var/lib/dpkg/status': { copy: './dpkg/testdata/handmade.status' },
        'run/reboot-required': { text: '*** System restart required ***\n' },
        'run/reboot-required.pkgs': { text: 'linux-image-6.1.0-18-amd64\n' },
      },
      check: (s) => {
        assert.equal(s.asset.name, 'web-01');
        assert.equal(s.asset.source, 'collector:dpkg');
        assert.deepEqual(s.asset.os, { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12', codename: 'bookworm' });
        assert.equal(s.packages.length, 9);
        assert.ok(s.packages.every((p) => p.ecosystem === 'Debian:12'));
        assert.deepEqual(s.asset.kernel, { running: undefined, installed: ['6.1.0-18-amd64'] });
        assert.equal(s.asset.rebootRequired, true);
        assert.equal(s.asset.arch, undefined, 'arch belongs to this machine, not to another root');
        assert.deepEqual(s.asset.addresses, []);
        assert.equal(s.warnings.length, 3, s.warnings.join('\n'));
      },
    },
    {
      name: 'Alpine root: apk installed db, usr/lib/os-release fallback, kernels from /lib/modules',
      layout: {
        'usr/lib/os-release': { copy: './os-release/testdata/alpine-3.19.os-release' },
        'lib/apk/db/installed': { copy: './apk/testdata/syft-multiple-1.installed' },
        'lib/modules/6.6.14-0-virt/modules.dep': { text: '' },
      },
      check: (s) => {
        assert.equal(s.asset.name, 'alpine-root', 'no etc/hostname: the root directory name');
        assert.equal(s.asset.source, 'collector:apk');
        assert.deepEqual(s.packages.map((p) => `${p.ecosystem} ${p.name}`), ['Alpine:v3.19 bash', 'Alpine:v3.19 busybox-binsh', 'Alpine:v3.19 musl', 'Alpine:v3.19 readline']);
        assert.deepEqual(s.asset.kernel?.installed, ['6.6.14-0-virt']);
        assert.equal(s.asset.rebootRequired, false);
        assert.deepEqual(s.warnings, []);
      },
    },
    {
      name: 'empty root: no os-release, no package db -> warnings, no packages',
      layout: {},
      check: (s) => {
        assert.equal(s.asset.source, 'collector:host');
        assert.deepEqual(s.packages, []);
        assert.equal(s.asset.os, undefined);
        assert.equal(s.warnings.length, 3, s.warnings.join('\n'));
      },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const root = makeRoot(base, c.name.split(':')[0]!.toLowerCase().replace(/\W+/g, '-'), c.layout);
      c.check(await collectHostInventory({ root }));
    });
  }
});

describe('collectHostInventory on an rpm root (real rpm binary)', () => {
  let base = '';
  before(() => (base = mkdtempSync(join(tmpdir(), 'patchloop-collect-rpm-'))));
  after(() => rmSync(base, { recursive: true, force: true }));

  it('spawns rpm -qa against the root\'s database and parses what it prints', async (t) => {
    if (spawnSync('rpm', ['--version']).status !== 0) return t.skip('rpm is not installed here');
    const root = makeRoot(base, 'rocky', { 'etc/os-release': { copy: './os-release/testdata/rocky-9.3.os-release' } });
    const rpm = (...args: string[]) => assert.equal(spawnSync('rpm', ['--root', root, '--dbpath', '/var/lib/rpm', ...args]).status, 0, `rpm ${args.join(' ')}`);
    rpm('--initdb');
    rpm('--import', fixture('./rpm/testdata/fixture-signing-key.asc'));
    const s = await collectHostInventory({ root });
    assert.equal(s.asset.source, 'collector:rpm');
    assert.deepEqual(s.packages, [
      { ecosystem: 'Rocky Linux:9', name: 'gpg-pubkey', version: 'd002d58e-6b08a020', sourceName: undefined, sourceVersion: undefined, arch: undefined, purl: 'pkg:rpm/rocky/gpg-pubkey@d002d58e-6b08a020?distro=rocky-9' },
    ]);
  });
});

describe('collectHostInventory on this machine', () => {
  it('reads the real dpkg database, os-release and running kernel', async (t) => {
    if (!existsSync('/var/lib/dpkg/status')) return t.skip('not a dpkg host');
    const snapshot = await collectHostInventory();
    assert.equal(snapshot.asset.kind, 'host');
    assert.equal(snapshot.asset.source, 'collector:dpkg');
    assert.equal(snapshot.asset.kernel?.running, release());
    assert.ok(snapshot.asset.arch);
    const q = spawnSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}\n'], { encoding: 'utf8' });
    if (q.status !== 0) return t.skip('dpkg-query not runnable');
    const installed = q.stdout.split('\n').filter((s) => /^.i $/.test(s)).length;
    assert.equal(snapshot.packages.length, installed);
  });
});

describe('parseInventoryFile', () => {
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'patchloop-invfile-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('streams a real file through the parser', async () => {
    const { packages } = await parseInventoryFile('rpm-qa', fixture('./rpm/testdata/rpmdb-built-here.qa.tsv'), { ecosystem: 'Rocky Linux:9' });
    assert.equal(packages.length, 9);
  });

  const errors: { name: string; kind: 'dpkg-status' | 'rpm-qa' | 'apk-installed'; text: string; code: string; line?: number }[] = [
    { name: 'malformed dpkg status names the file and line', kind: 'dpkg-status', text: 'Package: a\nStatus: install ok installed\nVersion: 1\n\nnonsense\n', code: 'E_DPKG_STATUS_INVALID', line: 5 },
    { name: 'malformed rpm output names the file and line', kind: 'rpm-qa', text: 'a\t(none)\t1\n', code: 'E_RPM_QA_INVALID', line: 1 },
    { name: 'malformed apk db names the file and line', kind: 'apk-installed', text: 'P:a\nV:1\n\nnonsense\n', code: 'E_APK_INSTALLED_INVALID', line: 4 },
  ];
  for (const c of errors) {
    it(c.name, async () => {
      const path = join(dir, `${c.kind}.txt`);
      writeFileSync(path, c.text);
      await assert.rejects(parseInventoryFile(c.kind, path, { ecosystem: 'x' }), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, c.code);
        assert.ok(e.message.startsWith(`${path}, line ${c.line}: `), e.message);
        return true;
      });
    });
  }

  it('a missing file is E_INVENTORY_FILE_UNREADABLE naming the file', async () => {
    const path = join(dir, 'nope');
    await assert.rejects(parseInventoryFile('dpkg-status', path, { ecosystem: 'Debian:12' }), (e: unknown) => {
      assert.ok(isDomainError(e));
      assert.equal(e.code, 'E_INVENTORY_FILE_UNREADABLE');
      assert.equal(e.location?.file, path);
      return true;
    });
  });
});
