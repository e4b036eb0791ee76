import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { missingExactVersions, planExactVersions, type ExactVersionPlan } from './exact-version.plan.js';
import type { InstalledRpm } from './installed-rpms.js';

const rpm = (name: string, evr: string, arch?: string): InstalledRpm => ({ name, evr, ...(arch ? { arch } : {}) });

describe('planExactVersions', () => {
  const cases: { name: string; want: { name: string; version: string }; installed: InstalledRpm[]; plan: Partial<ExactVersionPlan>; missing: boolean }[] = [
    { name: 'not installed: install NEVR (dnf picks the arch)', want: { name: 'jq', version: '1.6-15.el9' }, installed: [], plan: { install: ['jq-1.6-15.el9'] }, missing: true },
    { name: 'older installed: install NEVRA with the installed arch', want: { name: 'jq', version: '1.6-16.el9' }, installed: [rpm('jq', '1.6-15.el9', 'x86_64')], plan: { install: ['jq-1.6-16.el9.x86_64'] }, missing: true },
    { name: 'newer installed: explicit downgrade', want: { name: 'jq', version: '1.6-14.el9' }, installed: [rpm('jq', '1.6-15.el9', 'x86_64')], plan: { downgrade: ['jq-1.6-14.el9.x86_64'] }, missing: true },
    { name: 'same version: unchanged', want: { name: 'jq', version: '1.6-15.el9' }, installed: [rpm('jq', '1.6-15.el9', 'x86_64')], plan: { unchanged: [{ name: 'jq', version: '1.6-15.el9' }] }, missing: false },
    { name: 'epoch 0 written or not is the same version', want: { name: 'jq', version: '0:1.6-15.el9' }, installed: [rpm('jq', '1.6-15.el9', 'x86_64')], plan: { unchanged: [{ name: 'jq', version: '0:1.6-15.el9' }] }, missing: false },
    { name: 'an epoch outranks the version: 1:1.0 is newer than 2.0, so a downgrade', want: { name: 'vim-minimal', version: '2.0-1' }, installed: [rpm('vim-minimal', '1:1.0-1', 'x86_64')], plan: { downgrade: ['vim-minimal-2.0-1.x86_64'] }, missing: true },
    { name: 'multilib: each installed arch moves', want: { name: 'glibc', version: '2.34-100.el9' }, installed: [rpm('glibc', '2.34-83.el9', 'x86_64'), rpm('glibc', '2.34-83.el9', 'i686')], plan: { install: ['glibc-2.34-100.el9.x86_64', 'glibc-2.34-100.el9.i686'] }, missing: true },
    { name: 'installonly kernel: the version among several installed is unchanged', want: { name: 'kernel-core', version: '5.14.0-284.el9' }, installed: [rpm('kernel-core', '5.14.0-284.el9', 'x86_64'), rpm('kernel-core', '5.14.0-362.el9', 'x86_64')], plan: { unchanged: [{ name: 'kernel-core', version: '5.14.0-284.el9' }] }, missing: false },
    { name: 'installonly kernel: a newer one is installed beside the old', want: { name: 'kernel-core', version: '5.14.0-400.el9' }, installed: [rpm('kernel-core', '5.14.0-284.el9', 'x86_64'), rpm('kernel-core', '5.14.0-362.el9', 'x86_64')], plan: { install: ['kernel-core-5.14.0-400.el9.x86_64'] }, missing: true },
    { name: 'no arch (gpg-pubkey): spec without arch', want: { name: 'gpg-pubkey', version: 'fd431d51-4ae0493c' }, installed: [rpm('gpg-pubkey', 'fd431d51-4ae0493b')], plan: { install: ['gpg-pubkey-fd431d51-4ae0493c'] }, missing: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(planExactVersions([c.want], c.installed), { install: [], downgrade: [], unchanged: [], ...c.plan });
      assert.equal(missingExactVersions([c.want], c.installed).length === 1, c.missing);
    });
  }
});
