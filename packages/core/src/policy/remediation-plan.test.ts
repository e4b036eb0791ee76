import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { AssetKind, InstalledPackage } from '../inventory/asset.js';
import { skipOracle } from '../testing/oracle-skip.js';
import { buildRemediationPlan, highestVersion, type RemediationItem } from './remediation-plan.js';
import { makeFinding } from './testing/make-finding.js';

const deb = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Debian:12', name, version, sourceName: 'openssl', arch: 'amd64' });
const kinds = new Map<string, AssetKind>([['h1', 'host'], ['h2', 'host'], ['h3', 'host'], ['img', 'image'], ['app', 'application']]);
const assetKindOf = (id: string): AssetKind | undefined => kinds.get(id);

function item(assetId: string, advisoryId: string, pkg: InstalledPackage, opts: { fixed?: string; onSource?: boolean; priority?: number; kev?: boolean; due?: string } = {}): RemediationItem {
  return { finding: makeFinding({ assetId, advisoryId, pkg, onSource: opts.onSource ?? true, fixedVersion: opts.fixed }), priority: opts.priority ?? 1, kev: opts.kev ?? false, dueDate: opts.due };
}

describe('buildRemediationPlan', () => {
  it('several binaries of one source on several hosts: one source upgrade to the highest fixed version (dpkg order)', () => {
    const plan = buildRemediationPlan([
      item('h1', 'CVE-2023-5678', deb('libssl3', '3.0.11-1~deb12u1'), { fixed: '3.0.11-1~deb12u2', priority: 5, due: '2026-03-01' }),
      item('h1', 'CVE-2023-5678', deb('openssl', '3.0.11-1~deb12u1'), { fixed: '3.0.11-1~deb12u2', priority: 5 }),
      item('h2', 'CVE-2024-0727', deb('libssl3', '3.0.11-1~deb12u2'), { fixed: '3.0.13-1~deb12u1', priority: 7, kev: true, due: '2026-02-15' }),
      item('img', 'CVE-2024-0727', deb('libssl3', '3.0.11-1~deb12u2'), { fixed: '3.0.13-1~deb12u1', priority: 7, kev: true }),
    ], { assetKindOf });
    assert.equal(plan.length, 1);
    assert.deepEqual(plan[0], {
      kind: 'upgrade-source-package',
      text: 'upgrade source package openssl to 3.0.13-1~deb12u1 on 2 hosts and 1 image fixes 2 CVEs, 1 in KEV',
      ecosystem: 'Debian:12',
      package: 'openssl',
      targetVersion: '3.0.13-1~deb12u1',
      versionOrder: 'dpkg',
      assets: { count: 3, ids: ['h1', 'h2', 'img'] },
      findings: 4,
      vulnerabilities: ['CVE-2023-5678', 'CVE-2024-0727'],
      kevCount: 1,
      riskRemoved: 24,
      earliestDue: '2026-02-15',
    });
  });

  const maxCases = [
    { name: 'tilde sorts before release (3.0.11-1~deb12u2 < 3.0.13-1~deb12u1)', ecosystem: 'Debian:12', versions: ['3.0.13-1~deb12u1', '3.0.11-1~deb12u2'], want: '3.0.13-1~deb12u1' },
    { name: '~rc is older than the release', ecosystem: 'Debian:12', versions: ['2.0', '2.0~rc1'], want: '2.0' },
    { name: 'epoch beats upstream', ecosystem: 'Ubuntu:22.04', versions: ['3.0-1', '1:2.0-1'], want: '1:2.0-1' },
    { name: 'binNMU above its base', ecosystem: 'Debian:12', versions: ['1.2-3+b1', '1.2-3'], want: '1.2-3+b1' },
    { name: 'semver for npm', ecosystem: 'npm', versions: ['4.17.9', '4.17.21', '4.17.21-rc.1'], want: '4.17.21' },
    { name: 'no scheme: numeric text order', ecosystem: 'Hackage', versions: ['1.9', '1.10'], want: '1.10', order: 'text' },
  ];
  for (const c of maxCases) {
    it(`highest fixed version: ${c.name}`, () => assert.equal(highestVersion(c.ecosystem, c.versions)?.version, c.want));
    if (c.order) it(`order reported: ${c.name}`, () => assert.equal(highestVersion(c.ecosystem, c.versions)?.order, c.order));
  }

  it('dpkg itself agrees with the chosen maxima (oracle)', (t) => {
    try {
      execFileSync('dpkg', ['--version'], { stdio: 'ignore' });
    } catch {
      return skipOracle(t, 'dpkg is not installed');
    }
    for (const c of maxCases.filter((x) => x.ecosystem.startsWith('Debian') || x.ecosystem.startsWith('Ubuntu'))) {
      for (const other of c.versions.filter((v) => v !== c.want)) execFileSync('dpkg', ['--compare-versions', c.want, 'gt', other]);
    }
  });

  it('application packages: one action per (ecosystem, package), wording from the asset kind', () => {
    const lodash = (v: string): InstalledPackage => ({ ecosystem: 'npm', name: 'lodash', version: v });
    const plan = buildRemediationPlan([
      item('app', 'CVE-2021-23337', lodash('4.17.15'), { onSource: false, fixed: '4.17.21', priority: 3 }),
      item('app', 'CVE-2020-8203', lodash('4.17.15'), { onSource: false, fixed: '4.17.19', priority: 2 }),
    ], { assetKindOf });
    assert.deepEqual(plan.map((a) => [a.kind, a.text]), [['upgrade-package', 'upgrade lodash to 4.17.21 on 1 application fixes 2 CVEs']]);
  });

  it('findings without a fixed version form a no-fix group per package', () => {
    const plan = buildRemediationPlan([
      item('h1', 'CVE-2024-1111', deb('libssl3', '3.0.11-1~deb12u2'), { fixed: '3.0.13-1~deb12u1', priority: 2 }),
      item('h1', 'CVE-2024-2222', deb('libssl3', '3.0.11-1~deb12u2'), { priority: 4, kev: true }),
      item('h3', 'CVE-2024-2222', deb('libssl3', '3.0.11-1~deb12u2'), { priority: 4, kev: true }),
    ], { assetKindOf });
    assert.deepEqual(plan.map((a) => [a.kind, a.text, a.targetVersion, a.riskRemoved]), [
      ['no-fix', 'no fix available for openssl on 2 hosts: mitigate or accept 1 CVE, 1 in KEV', undefined, 8],
      ['upgrade-source-package', 'upgrade source package openssl to 3.0.13-1~deb12u1 on 1 host fixes 1 CVE', '3.0.13-1~deb12u1', 2],
    ]);
  });

  it('orders by risk removed, then KEV count, then assets; counts a repeated finding once', () => {
    const pkg = (name: string): InstalledPackage => ({ ecosystem: 'PyPI', name, version: '1.0' });
    const a = item('h1', 'CVE-2024-0001', pkg('aaa'), { onSource: false, fixed: '1.1', priority: 5 });
    const plan = buildRemediationPlan([
      a,
      a,
      item('h1', 'CVE-2024-0002', pkg('bbb'), { onSource: false, fixed: '1.1', priority: 9 }),
      item('h1', 'CVE-2024-0003', pkg('ccc'), { onSource: false, fixed: '1.1', priority: 5, kev: true }),
      item('h1', 'CVE-2024-0004', pkg('ddd'), { onSource: false, fixed: '1.1', priority: 2.5 }),
      item('h2', 'CVE-2024-0004', pkg('ddd'), { onSource: false, fixed: '1.1', priority: 2.5 }),
    ]);
    assert.deepEqual(plan.map((x) => [x.package, x.riskRemoved, x.kevCount, x.assets.count]), [
      ['bbb', 9, 0, 1],
      ['ccc', 5, 1, 1],
      ['ddd', 5, 0, 2],
      ['aaa', 5, 0, 1],
    ]);
    assert.equal(plan.find((x) => x.package === 'ddd')?.text, 'upgrade ddd to 1.1 on 2 assets fixes 1 CVE');
  });

  it('an empty list gives an empty plan', () => assert.deepEqual(buildRemediationPlan([]), []));
});
