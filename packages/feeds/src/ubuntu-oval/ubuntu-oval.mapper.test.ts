import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { AdvisoryIndex, matchInventory, versionSchemes, type Advisory, type InstalledPackage } from '@patchloop/core';
import { parseUbuntuOval } from './ubuntu-oval.parser.js';
import { ubuntuOvalToAdvisories, type UbuntuOvalMappingResult } from './ubuntu-oval.mapper.js';
import { ubuntuEcosystemFromText } from './ubuntu-oval.release.js';
import { EXCERPT, FETCHED_AT } from './ubuntu-oval.test-helpers.js';

const fixedOf = (a: Advisory['affected'][number]): string | undefined => {
  const e = a.ranges[0]?.events.find((x) => 'fixed' in x);
  return e && 'fixed' in e ? e.fixed : undefined;
};

describe('ubuntuOvalToAdvisories on the excerpt', () => {
  let mapped: UbuntuOvalMappingResult;
  const byId = (id: string): Advisory => {
    const a = mapped.advisories.find((x) => x.id === id);
    assert.ok(a, id);
    return a;
  };
  before(async () => {
    mapped = ubuntuOvalToAdvisories(await parseUbuntuOval(createReadStream(EXCERPT), { file: 'excerpt.xml' }), { fetchedAt: FETCHED_AT });
  });

  it('the inventory definition is skipped; 4 USNs mapped, the kernel USN and the Livepatch notice rejected', () => {
    assert.deepEqual(mapped.advisories.map((a) => a.id).sort(), ['USN-6663-3', 'USN-6746-2', 'USN-6937-1', 'USN-7178-1']);
    assert.deepEqual(mapped.rejected.map((r) => [r.recordId, r.code]), [
      ['LSN-0104-1', 'E_OVAL_NO_PACKAGE'],
      ['USN-6817-2', 'E_OVAL_KERNEL_CHECK'],
    ]);
    assert.match(mapped.rejected[1]?.reason ?? '', /uname_test os_release pattern match 6\.8\.0-\\d\+\(-oem\); variable_test value less than 0:6\.8\.0-1006/);
  });

  it('USN-6937-1 (OpenSSL, hand-checked against the notice): 4 binaries fixed in 3.0.13-0ubuntu3.2, CVEs as aliases', () => {
    const a = byId('USN-6937-1');
    assert.deepEqual(a.aliases, ['CVE-2024-2511', 'CVE-2024-4603', 'CVE-2024-4741', 'CVE-2024-5535']);
    assert.equal(a.summary, 'OpenSSL vulnerabilities');
    assert.equal(a.published, '2024-07-31T00:00:00Z');
    assert.deepEqual(a.severities, [{ type: 'Ubuntu', score: 'low', source: 'Canonical' }]);
    assert.deepEqual(
      a.affected.map((x) => `${x.ecosystem} ${x.packageKind} ${x.name} ${fixedOf(x)} ${x.status}`),
      ['libssl3t64', 'libssl-dev', 'libssl-doc', 'openssl'].map((n) => `Ubuntu:24.04:LTS binary ${n} 3.0.13-0ubuntu3.2 fixed`),
    );
    assert.deepEqual(a.references[0], { type: 'ADVISORY', url: 'https://ubuntu.com/security/notices/USN-6937-1' });
    assert.equal(a.provenance.recordId, 'oval:com.ubuntu.noble:def:69371000000');
  });

  it('USN-6663-3 has no CVE and severity "None": no aliases, no severity, a launchpad bug reference', () => {
    const a = byId('USN-6663-3');
    assert.deepEqual(a.aliases, []);
    assert.deepEqual(a.severities, []);
    assert.ok(a.references.some((r) => r.type === 'REPORT' && r.url === 'https://launchpad.net/bugs/2054090'));
  });

  it('USN-6746-2: two dpkg tests with different fixed versions, each binary keeps its own', () => {
    const versions = new Set(byId('USN-6746-2').affected.map(fixedOf));
    assert.equal(versions.size, 2);
  });

  it('USN-7178-1: every binary of the 206-value variable', () => {
    assert.equal(byId('USN-7178-1').affected.length, 206);
  });
});

describe('a noble host and the USN OpenSSL advisories (through the real matcher)', () => {
  let advisories: Advisory[];
  before(async () => {
    advisories = ubuntuOvalToAdvisories(await parseUbuntuOval(createReadStream(EXCERPT)), { fetchedAt: FETCHED_AT }).advisories;
  });
  const host = (version: string): InstalledPackage[] => [{ ecosystem: 'Ubuntu:24.04:LTS', name: 'libssl3t64', version, sourceName: 'openssl', sourceVersion: version, arch: 'amd64' }];
  const cases = [
    { name: 'release version 3.0.13-0ubuntu3 → USN-6663-3 and USN-6937-1', version: '3.0.13-0ubuntu3', want: ['USN-6663-3', 'USN-6937-1'] },
    { name: '3.0.13-0ubuntu3.1 (USN-6663-3 applied) → USN-6937-1', version: '3.0.13-0ubuntu3.1', want: ['USN-6937-1'] },
    { name: '3.0.13-0ubuntu3.2 (USN-6937-1 applied) → nothing', version: '3.0.13-0ubuntu3.2', want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new AdvisoryIndex({ schemeFor: (name) => versionSchemes[name] });
      index.upsert(advisories);
      const findings = matchInventory(host(c.version), index, { assetId: 'noble-1' });
      assert.deepEqual(findings.map((f) => f.advisoryId).sort(), c.want);
      assert.ok(findings.every((f) => f.matchedOn.kind === 'binary' && f.matchedOn.name === 'libssl3t64'));
    });
  }
});

describe('ubuntuEcosystemFromText (OSV naming, ":LTS" mandatory for LTS)', () => {
  const cases = [
    { text: 'Check that Ubuntu 24.04 LTS (noble) is installed.', want: 'Ubuntu:24.04:LTS' },
    { text: 'Ubuntu 22.04 LTS (jammy) is installed.', want: 'Ubuntu:22.04:LTS' },
    { text: 'Check that Ubuntu 24.10 (oracular) is installed.', want: 'Ubuntu:24.10' },
    { text: 'Debian GNU/Linux 12', want: undefined },
  ];
  for (const c of cases) it(c.text, () => assert.equal(ubuntuEcosystemFromText(c.text), c.want));
});
