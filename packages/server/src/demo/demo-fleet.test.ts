import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory, InstalledPackage } from '@patchloop/core';
import { buildDemoFleet } from './demo-fleet.js';

const adv = (id: string, fixed: string): Advisory => ({
  id, aliases: [], source: 'debian-oval', severities: [], references: [],
  affected: [{ ecosystem: 'Debian:12', name: 'openssl', packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [] }],
  provenance: { feed: 'debian-oval', recordId: id, fetchedAt: '2026-01-01T00:00:00.000Z', contentHash: id },
});

describe('buildDemoFleet', () => {
  const template: InstalledPackage[] = [
    { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.15-1~deb12u1', sourceName: 'openssl', sourceVersion: '3.0.15-1~deb12u1', arch: 'amd64' },
    { ecosystem: 'Debian:12', name: 'bash', version: '5.2.15-2+b7', arch: 'amd64' },
  ];
  const advisories = [adv('CVE-A', '3.0.9-1'), adv('CVE-B', '3.0.11-1~deb12u1'), adv('CVE-C', '1.1.1n-0+deb11u5'), adv('CVE-D', '3.0.8-1')];

  it('is deterministic and only uses versions the advisories name (versions that really shipped)', () => {
    const a = buildDemoFleet(template, advisories);
    assert.deepEqual(a, buildDemoFleet(template, advisories));
    const shipped = new Set(['3.0.9-1', '3.0.11-1~deb12u1', '1.1.1n-0+deb11u5', '3.0.8-1', '3.0.15-1~deb12u1']);
    for (const host of a) {
      const ssl = host.packages.find((p) => p.name === 'libssl3')!;
      assert.ok(shipped.has(ssl.version), `${host.facts.name}: ${ssl.version}`);
      assert.equal(host.packages.find((p) => p.name === 'bash')!.version, '5.2.15-2+b7', 'packages no advisory names stay as in the template');
    }
  });

  it('makes some hosts lag behind (older than the newest fix) and tags them demo', () => {
    const fleet = buildDemoFleet(template, advisories);
    assert.equal(fleet.length, 8);
    assert.ok(fleet.some((h) => h.packages[0]!.version !== '3.0.15-1~deb12u1'));
    assert.ok(fleet.every((h) => h.facts.tags.includes('demo') && h.facts.source === 'demo'));
  });
});
