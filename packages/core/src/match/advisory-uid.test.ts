import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { versionSchemes } from '../version/registry.js';
import { AdvisoryIndex } from './advisory-index.js';
import { matchInventory } from './match-inventory.js';
import { FleetMatcher } from './fleet-matcher.js';

// Debian's OVAL has one definition per (CVE, source package): CVE-2022-1271 names gzip and xz-utils
// in two records with the same advisory id. Both must match (found by the OpenSCAP comparison).
const def = (recordId: string, pkg: string, fixed: string): Advisory => ({
  id: 'CVE-2022-1271', aliases: [], source: 'debian-oval', severities: [], references: [],
  affected: [{ ecosystem: 'Debian:12', name: pkg, packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [], status: 'fixed' }],
  provenance: { feed: 'debian-oval', recordId, fetchedAt: '2026-01-01T00:00:00.000Z', contentHash: recordId },
});
const installed: InstalledPackage[] = [
  { ecosystem: 'Debian:12', name: 'gzip', version: '1.10-4', arch: 'amd64' },
  { ecosystem: 'Debian:12', name: 'xz-utils', version: '5.2.5-2', arch: 'amd64' },
];
const advisories = [def('oval:def:1', 'gzip', '1.12-1'), def('oval:def:2', 'xz-utils', '5.2.5-2.1')];

describe('advisory records sharing an id', () => {
  it('matchInventory keeps both records', () => {
    const index = new AdvisoryIndex({ schemeFor: (n) => versionSchemes[n] });
    index.upsert(advisories);
    assert.deepEqual(matchInventory(installed, index, { assetId: 'h' }).map((f) => f.package.name).sort(), ['gzip', 'xz-utils']);
  });

  it('the fleet matcher keeps both and removes one by its record id', () => {
    const fleet = new FleetMatcher({ schemeFor: (n) => versionSchemes[n] });
    fleet.upsertAdvisories(advisories);
    fleet.applyInventory('h', installed);
    assert.equal(fleet.findingsForAsset('h').length, 2);
    fleet.removeAdvisories([{ source: 'debian-oval', id: 'CVE-2022-1271', recordId: 'oval:def:2' }]);
    assert.deepEqual(fleet.findingsForAsset('h').map((f) => f.package.name), ['gzip']);
  });
});
