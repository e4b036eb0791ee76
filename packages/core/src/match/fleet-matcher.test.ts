import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import type { FindingDelta } from './finding.js';
import { FleetMatcher } from './fleet-matcher.js';
import { advisoryOf } from './testing/osv-record.js';
import { debPackage as pkg, debSource as src } from './testing/match-helpers.js';
import { testSchemeFor } from './testing/schemes.js';

const fixedIn = (id: string, name: string, fixed: string) => advisoryOf(id, [src(name, [{ introduced: '0' }, { fixed }])]);
const brief = (d: FindingDelta) => ({
  opened: d.opened.map((f) => `${f.package.name} ${f.advisoryId}`),
  closed: d.closed.map((f) => `${f.package.name} ${f.advisoryId}`),
  changed: d.changed.map((f) => `${f.package.name} ${f.package.version} ${f.advisoryId}`),
});

function fleetWith(advisories: Advisory[], hosts: Record<string, InstalledPackage[]>): FleetMatcher {
  const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
  fleet.upsertAdvisories(advisories);
  for (const [id, packages] of Object.entries(hosts)) fleet.applyInventory(id, packages);
  return fleet;
}

describe('FleetMatcher: incremental deltas', () => {
  const advisories = [fixedIn('CVE-1', 'openssl', '3.0.13-1'), fixedIn('CVE-2', 'openssl', '3.0.15-1'), fixedIn('CVE-3', 'zlib', '1:1.3-1')];
  const hostA = [pkg('libssl3', '3.0.11-1', { sourceName: 'openssl' }), pkg('zlib1g', '1:1.2.13-1', { sourceName: 'zlib' })];

  it('a new host opens its findings', () => {
    const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
    fleet.upsertAdvisories(advisories);
    assert.deepEqual(brief(fleet.applyInventory('a', hostA)), { opened: ['libssl3 CVE-1', 'libssl3 CVE-2', 'zlib1g CVE-3'], closed: [], changed: [] });
  });

  it('re-applying the same inventory changes nothing', () => {
    const fleet = fleetWith(advisories, { a: hostA });
    assert.deepEqual(brief(fleet.applyInventory('a', hostA)), { opened: [], closed: [], changed: [] });
  });

  it('an upgrade to a partial fix closes one finding and changes the other', () => {
    const fleet = fleetWith(advisories, { a: hostA });
    const upgraded = [pkg('libssl3', '3.0.13-1', { sourceName: 'openssl' }), hostA[1]!];
    assert.deepEqual(brief(fleet.applyInventory('a', upgraded)), { opened: [], closed: ['libssl3 CVE-1'], changed: ['libssl3 3.0.13-1 CVE-2'] });
  });

  it('an advisory upsert reports only the assets holding the package', () => {
    const fleet = fleetWith(advisories, { a: hostA, b: [pkg('curl', '7.88.1-10')] });
    const deltas = fleet.upsertAdvisories([fixedIn('CVE-4', 'curl', '7.88.1-10+deb12u5')]);
    assert.deepEqual(deltas.map((d) => [d.assetId, brief(d)]), [['b', { opened: ['curl CVE-4'], closed: [], changed: [] }]]);
  });

  it('an advisory update that moves the fix closes the findings it no longer covers', () => {
    const fleet = fleetWith(advisories, { a: hostA });
    const deltas = fleet.upsertAdvisories([fixedIn('CVE-3', 'zlib', '1:1.2.13-1')]);
    assert.deepEqual(deltas.map((d) => [d.assetId, brief(d)]), [['a', { opened: [], closed: ['zlib1g CVE-3'], changed: [] }]]);
  });

  it('removing an advisory closes its findings', () => {
    const fleet = fleetWith(advisories, { a: hostA });
    const deltas = fleet.removeAdvisories([{ source: 'osv', id: 'CVE-1' }]);
    assert.deepEqual(deltas.map((d) => [d.assetId, brief(d)]), [['a', { opened: [], closed: ['libssl3 CVE-1'], changed: [] }]]);
  });

  it('keys are shared across hosts and dropped when no host holds them', () => {
    const fleet = fleetWith(advisories, { a: hostA, b: hostA });
    assert.deepEqual(fleet.stats(), { assets: 2, packages: 2, keys: 4, groups: 4, advisories: 3 });
    fleet.applyInventory('a', []);
    fleet.removeAsset('b');
    assert.deepEqual(fleet.stats(), { assets: 1, packages: 0, keys: 0, groups: 0, advisories: 3 });
  });

  it('removing an asset closes all its findings', () => {
    const fleet = fleetWith(advisories, { a: hostA });
    assert.deepEqual(brief(fleet.removeAsset('a')).closed, ['libssl3 CVE-1', 'libssl3 CVE-2', 'zlib1g CVE-3']);
    assert.deepEqual(fleet.findingsForAsset('a'), []);
  });

  it('removing one of two versions on one slot changes the finding the other still holds', () => {
    const fleet = fleetWith(advisories, { a: [pkg('zlib1g', '1:1.2.12-1', { sourceName: 'zlib' }), hostA[1]!] });
    assert.deepEqual(brief(fleet.applyInventory('a', [hostA[1]!])), { opened: [], closed: [], changed: ['zlib1g 1:1.2.13-1 CVE-3'] });
    assert.equal(fleet.findingCountOf('a'), 1);
  });
});

describe('FleetMatcher: full evaluation', () => {
  const advisories = [fixedIn('CVE-1', 'openssl', '3.0.13-1'), fixedIn('CVE-2', 'openssl', '3.0.15-1'), fixedIn('CVE-3', 'zlib', '1:1.3-1')];
  const ssl = (version: string) => pkg('libssl3', version, { sourceName: 'openssl' });

  it('loaded inventories are evaluated once per key and counted per asset', () => {
    const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
    fleet.upsertAdvisories(advisories);
    fleet.loadInventory('a', [ssl('3.0.11-1'), pkg('zlib1g', '1:1.2.13-1', { sourceName: 'zlib' })]);
    fleet.loadInventory('b', [ssl('3.0.11-1')]);
    fleet.loadInventory('c', [ssl('3.0.14-1')]);
    fleet.loadInventory('d', [ssl('3.0.15-1')]);
    // libssl3 at three versions and zlib1g: binary and source keys each.
    assert.deepEqual(fleet.evaluateAll(), { keys: 8, matchedKeys: 3, assets: 4, findings: 6 });
    assert.deepEqual(['a', 'b', 'c', 'd', 'unknown'].map((id) => fleet.findingCountOf(id)), [3, 2, 1, 0, 0]);
  });

  it('counts follow incremental changes and advisory updates', () => {
    const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
    fleet.upsertAdvisories(advisories);
    fleet.loadInventory('a', [ssl('3.0.11-1')]);
    fleet.evaluateAll();
    fleet.applyInventory('a', [ssl('3.0.14-1')]);
    assert.equal(fleet.findingCountOf('a'), 1);
    fleet.upsertAdvisories([fixedIn('CVE-4', 'openssl', '3.0.16-1')]);
    assert.equal(fleet.findingCountOf('a'), 2);
    fleet.removeAsset('a');
    assert.equal(fleet.findingCountOf('a'), 0);
  });

  it('an advisory update after a bulk load reports the deltas of loaded assets', () => {
    const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
    fleet.upsertAdvisories(advisories);
    fleet.loadInventory('a', [ssl('3.0.14-1')]);
    const deltas = fleet.upsertAdvisories([fixedIn('CVE-2', 'openssl', '3.0.14-1')]);
    assert.deepEqual(deltas.map((d) => [d.assetId, brief(d)]), [['a', { opened: [], closed: ['libssl3 CVE-2'], changed: [] }]]);
  });
});
