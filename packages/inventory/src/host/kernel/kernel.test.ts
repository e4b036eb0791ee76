import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InstalledPackage, KernelInfo } from '@patchloop/core';
import { parseDpkgStatus } from '../dpkg/dpkg-status.parser.js';
import { parseRpmQa } from '../rpm/rpm-qa.parser.js';
import { compareKernelReleases, installedKernelReleases, kernelReleasesFromBootListing, toKernelInfo } from './kernel.js';
import type { KernelPackageManager } from './kernel.js';

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const apk = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Alpine:v3.19', name, version, arch: 'x86_64' });
const deb = (name: string): InstalledPackage => ({ ecosystem: 'Ubuntu:22.04', name, version: '1', arch: 'amd64' });

describe('installedKernelReleases', () => {
  const cases: { name: string; manager: KernelPackageManager; packages: () => InstalledPackage[]; want: string[] }[] = [
    {
      name: 'Debian fixture: linux-image-<release> installed; rc kernel and meta package ignored',
      manager: 'dpkg',
      packages: () => parseDpkgStatus(read('../dpkg/testdata/handmade.status'), { ecosystem: 'Debian:12' }).packages,
      want: ['6.1.0-18-amd64'],
    },
    {
      name: 'Ubuntu: unsigned image counted, -dbgsym and meta packages not',
      manager: 'dpkg',
      packages: () => [deb('linux-image-6.5.0-14-generic'), deb('linux-image-unsigned-6.5.0-15-generic'), deb('linux-image-6.5.0-15-generic-dbgsym'), deb('linux-image-generic'), deb('linux-image-virtual')],
      want: ['6.5.0-14-generic', '6.5.0-15-generic'],
    },
    {
      name: 'real rpm output: kernel + kernel-core of two releases, deduplicated, oldest first',
      manager: 'rpm',
      packages: () => parseRpmQa(read('../rpm/testdata/rpmdb-built-here.qa.tsv'), { ecosystem: 'Red Hat:9' }).packages,
      want: ['5.14.0-70.13.1.el9_0.x86_64', '5.14.0-362.8.1.el9_3.x86_64'],
    },
    {
      name: 'hand-checked RHEL sample: 362.18.1 is newer than 362.8.1',
      manager: 'rpm',
      packages: () => parseRpmQa(read('../rpm/testdata/rhel9-host.handchecked.qa.tsv'), { ecosystem: 'Red Hat:9' }).packages,
      want: ['5.14.0-362.8.1.el9_3.x86_64', '5.14.0-362.18.1.el9_3.x86_64'],
    },
    {
      name: 'Alpine: linux-lts and linux-virt; firmware and headers are not kernels',
      manager: 'apk',
      packages: () => [apk('linux-lts', '6.6.14-r0'), apk('linux-virt', '6.6.14-r1'), apk('linux-firmware-none', '20231111-r1'), apk('linux-headers', '6.5-r0')],
      want: ['6.6.14-0-lts', '6.6.14-1-virt'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(installedKernelReleases(c.packages(), c.manager), c.want));
});

describe('compareKernelReleases', () => {
  const cases: { a: string; b: string; want: -1 | 0 | 1 }[] = [
    { a: '6.1.0-18-amd64', b: '6.1.0-9-amd64', want: 1 },
    { a: '6.1.0-18-amd64', b: '6.1.0-18-amd64', want: 0 },
    { a: '5.14.0-362.8.1.el9_3.x86_64', b: '5.14.0-362.18.1.el9_3.x86_64', want: -1 },
    { a: '5.14.0-70.13.1.el9_0.x86_64', b: '5.14.0-362.8.1.el9_3.x86_64', want: -1 },
    { a: '6.6.14-1-lts', b: '6.6.14-0-lts', want: 1 },
    { a: '6.10.0-1-amd64', b: '6.9.0-1-amd64', want: 1 },
    { a: '6.1.0', b: '6.1.0-1', want: -1 },
    { a: '6.1.0-rc1', b: '6.1.0-1', want: -1 },
  ];
  for (const c of cases) {
    it(`${c.a} vs ${c.b} -> ${c.want}`, () => {
      assert.equal(compareKernelReleases(c.a, c.b), c.want);
      assert.equal(compareKernelReleases(c.b, c.a), -c.want || 0);
    });
  }
});

describe('kernelReleasesFromBootListing', () => {
  it('reads vmlinuz-* and /lib/modules names, ignores the rest', () => {
    assert.deepEqual(
      kernelReleasesFromBootListing(['config-6.1.0-18-amd64', 'vmlinuz-6.1.0-18-amd64', 'vmlinuz-6.1.0-9-amd64', 'initrd.img-6.1.0-18-amd64', 'grub', '6.1.0-18-amd64', 'vmlinuz']),
      ['6.1.0-9-amd64', '6.1.0-18-amd64'],
    );
  });
});

describe('toKernelInfo', () => {
  const cases: { name: string; running?: string; installed: string[]; want: KernelInfo }[] = [
    { name: 'running the newest: no reboot', running: '6.1.0-18-amd64', installed: ['6.1.0-18-amd64', '6.1.0-17-amd64'], want: { running: '6.1.0-18-amd64', installed: ['6.1.0-17-amd64', '6.1.0-18-amd64'], rebootNeededForKernel: false } },
    { name: 'newer kernel installed: reboot', running: '6.1.0-17-amd64', installed: ['6.1.0-17-amd64', '6.1.0-18-amd64'], want: { running: '6.1.0-17-amd64', installed: ['6.1.0-17-amd64', '6.1.0-18-amd64'], rebootNeededForKernel: true } },
    { name: 'running kernel removed after upgrade: reboot', running: '6.1.0-17-amd64', installed: ['6.1.0-18-amd64'], want: { running: '6.1.0-17-amd64', installed: ['6.1.0-18-amd64'], rebootNeededForKernel: true } },
    { name: 'running a kernel newer than any package (container, custom build): unknown', running: '6.18.44-fc-v595', installed: ['6.1.0-18-amd64'], want: { running: '6.18.44-fc-v595', installed: ['6.1.0-18-amd64'], rebootNeededForKernel: undefined } },
    { name: 'no kernel installed: unknown', running: '6.1.0-18-amd64', installed: [], want: { running: '6.1.0-18-amd64', installed: [] } },
    { name: 'running unknown', installed: ['6.1.0-18-amd64'], want: { running: undefined, installed: ['6.1.0-18-amd64'] } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(toKernelInfo({ running: c.running, installed: c.installed }), c.want));
});
