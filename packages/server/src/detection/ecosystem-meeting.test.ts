import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { AdvisoryIndex, matchInventory, versionSchemes, type Advisory, type InstalledPackage } from '@patchloop/core';
import { ubuntuOval } from '@patchloop/feeds';
import { ecosystemForOs, parseOsInfo } from '@patchloop/inventory';

// Feeds name ecosystems the OSV way ("Ubuntu:24.04:LTS", "Red Hat:enterprise_linux:9::appstream");
// the inventory names the host's release ("Ubuntu:24.04", "Red Hat:9"). They must meet.
const index = (advisories: readonly Advisory[]) => {
  const i = new AdvisoryIndex({ schemeFor: (n) => versionSchemes[n] });
  i.upsert(advisories);
  return i;
};

describe('feed ecosystems meet inventory ecosystems', () => {
  it('a noble host (named from its os-release) gets the real USN for libssl3t64', async () => {
    const ecosystem = ecosystemForOs(parseOsInfo('NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\n'))!;
    const excerpt = fileURLToPath(new URL('../../../feeds/src/ubuntu-oval/testdata/noble-usn-excerpt.xml', import.meta.url));
    const { advisories } = await ubuntuOval.ubuntuOvalFormat.parsePath(excerpt, { fetchedAt: '2026-01-01T00:00:00.000Z' });
    const pkgs: InstalledPackage[] = [
      { ecosystem, name: 'libssl3t64', version: '3.0.13-0ubuntu2', arch: 'amd64', sourceName: 'openssl' },
      { ecosystem, name: 'libssl-dev', version: '3.0.13-0ubuntu3.1', arch: 'amd64', sourceName: 'openssl' },
    ];
    const found = matchInventory(pkgs, index(advisories), { assetId: 'noble-1' });
    assert.equal(ecosystem, 'Ubuntu:24.04');
    assert.ok(found.some((f) => f.advisoryId === 'USN-6663-3' && f.package.name === 'libssl3t64'), 'vulnerable binary found');
    assert.ok(!found.some((f) => f.advisoryId === 'USN-6663-3' && f.package.name === 'libssl-dev'), 'binary at the fixed version is not');
  });

  it('a RHEL 9 host matches enterprise_linux:9 records but not subscription variants (AUS/E4S)', () => {
    const rec = (ecosystem: string, recordId: string): Advisory => ({
      id: 'CVE-2024-0001', aliases: ['RHSA-2024:0001'], source: 'csaf', severities: [], references: [],
      affected: [{ ecosystem, name: 'openssl-libs', packageKind: 'binary', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:3.0.7-27.el9' }] }], versions: [] }],
      provenance: { feed: 'csaf', recordId, fetchedAt: '2026-01-01T00:00:00.000Z', contentHash: recordId },
    });
    const host: InstalledPackage[] = [{ ecosystem: 'Red Hat:9', name: 'openssl-libs', version: '1:3.0.7-25.el9', arch: 'x86_64' }];
    assert.equal(matchInventory(host, index([rec('Red Hat:enterprise_linux:9::baseos', 'a')]), { assetId: 'r' }).length, 1);
    assert.equal(matchInventory(host, index([rec('Red Hat:rhel_e4s:9.0::baseos', 'b')]), { assetId: 'r' }).length, 0);
  });
});
