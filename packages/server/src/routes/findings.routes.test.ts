import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Advisory, Clock, InstalledPackage, VulnerabilityIntel } from '@patchloop/core';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { buildApp } from '../app.js';
import { rematchAdvisoryChanges } from '../detection/rematch.js';

const T0 = '2026-11-20T00:00:00.000Z';

describe('findings, vulnerabilities, remediation plan, exceptions and VEX over HTTP', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let now = T0;
  const clock: Clock = { nowIso: () => now };
  const as: Record<string, { authorization: string }> = {};
  const ids: Record<string, string> = {};
  const get = async (url: string, who = 'alice') => {
    const res = await app.inject({ url, headers: as[who]! });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t = await openSqliteTestStore();
    const s = t.store;
    for (const [name, role] of [['alice', 'admin'], ['bob', 'approver'], ['viewer', 'viewer']] as const) as[name] = { authorization: `Bearer ${(await s.tokens.createToken(name, role, T0)).token}` };
    const hosts: [string, 'host' | 'image' | 'application', InstalledPackage[], Partial<{ criticality: 1 | 2 | 3 | 4 | 5; exposure: 'internet' | 'internal' }>][] = [
      ['web-1', 'host', [deb('libssl3', '3.0.9-1', 'openssl'), deb('openssl', '3.0.9-1')], { criticality: 5, exposure: 'internet' }],
      ['db-1', 'host', [deb('libssl3', '3.0.9-1', 'openssl'), deb('zlib1g', '1:1.2.13.dfsg-1', 'zlib')], { criticality: 2 }],
      ['api-image', 'image', [deb('libssl3', '3.0.9-1', 'openssl')], {}],
      ['shop', 'application', [{ ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' }], {}],
    ];
    for (const [name, kind, pkgs, ctx] of hosts) {
      const a = await s.assets.createAsset({ kind, name, source: 'test', groups: kind === 'host' ? ['linux'] : [], ...ctx }, T0);
      ids[name] = a.id;
      await s.inventory.recordInventory(a.id, pkgs, T0);
    }
    const v = await s.feeds.importVersion({ source: 'test-advisories', inputHash: 'a', records: 3, rejected: 0, fetchedAt: T0, advisories: [ovalAdv('CVE-2023-0286', 'openssl', '3.0.11-1'), ovalAdv('CVE-2022-37434', 'zlib', '1:1.2.13.dfsg-2'), npmAdv('CVE-2021-23337', 'lodash', '4.17.21')], intel: [] }, T0);
    await s.feeds.importVersion({ source: 'kev', inputHash: 'k', records: 1, rejected: 0, fetchedAt: T0, advisories: [], intel: [kev('CVE-2023-0286')] }, T0);
    await s.feeds.importVersion({ source: 'epss', inputHash: 'e', records: 2, rejected: 0, fetchedAt: T0, advisories: [], intel: [epss('CVE-2023-0286', 0.9), epss('CVE-2021-23337', 0.01)] }, T0);
    await rematchAdvisoryChanges(s, v.changes, T0);
    app = await buildApp({ store: s, clock, logger: false });
  });
  after(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('lists findings ranked by priority, KEV first, with outcome, due date and explanation', async () => {
    const body = await get('/api/v1/findings');
    assert.equal(body.total, 6);
    const top = body.findings[0];
    assert.deepEqual([top.vulnerabilityId, top.assetId, top.kev !== null], ['CVE-2023-0286', ids['web-1'], true]);
    assert.ok(top.priority.score >= body.findings[1].priority.score);
    assert.ok(['Act', 'Attend', 'Track*', 'Track'].includes(top.ssvc.outcome));
    assert.ok(top.dueDate <= '2026-11-22T00:00:00.000Z', `KEV or SLA due date, got ${top.dueDate}`);
    assert.match(top.explanation, /3\.0\.9-1/);
  });

  const filters: [string, string, number][] = [
    ['by asset', `asset=__web-1__`, 2],
    ['by group', 'group=linux', 4],
    ['by vulnerability', 'vulnerability=CVE-2022-37434', 1],
    ['KEV only', 'kev=true', 4],
    ['not in KEV', 'kev=false', 2],
    ['due before a date', 'dueBefore=2026-11-25', 4],
  ];
  for (const [name, query, want] of filters) {
    it(`filters findings ${name}`, async () => {
      const q = query.replace(/__(.+)__/, (_, n: string) => ids[n]!);
      assert.equal((await get(`/api/v1/findings?${q}`)).total, want);
    });
  }

  it('shows one vulnerability across hosts, images and applications', async () => {
    const body = await get('/api/v1/vulnerabilities/CVE-2023-0286');
    assert.equal(body.summary, 'CVE-2023-0286: 2 hosts, 1 images, 0 applications');
    assert.ok(body.profile.kev);
  });

  it('groups the remediation plan by fix action, one source upgrade fixing several binaries', async () => {
    const body = await get('/api/v1/remediation-plan');
    const first = body.actions[0];
    assert.equal(first.kind, 'upgrade-source-package');
    assert.equal(first.package, 'openssl');
    assert.equal(first.targetVersion, '3.0.11-1');
    assert.equal(first.assets.count, 3);
    assert.match(first.text, /openssl to 3\.0\.11-1/);
  });

  it('refuses a self-approved exception (four eyes), applies an approved one, and reopens after expiry', async () => {
    const req = await app.inject({ method: 'POST', url: '/api/v1/exceptions', headers: as.alice!, payload: { vulnerabilityId: 'CVE-2022-37434', scope: { kind: 'asset', assetId: ids['db-1'] }, reason: 'zlib inflate not reachable on db-1', expiresAt: '2026-12-01' } });
    assert.equal(req.statusCode, 201, req.body);
    const id = req.json().id;
    const self = await app.inject({ method: 'POST', url: `/api/v1/exceptions/${id}/approve`, headers: as.alice! });
    assert.deepEqual([self.statusCode, self.json().error.code], [403, 'E_EXCEPTION_SELF_APPROVAL']);
    const viewerTry = await app.inject({ method: 'POST', url: `/api/v1/exceptions/${id}/approve`, headers: as.viewer! });
    assert.equal(viewerTry.statusCode, 403);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/exceptions/${id}/approve`, headers: as.bob! });
    assert.equal(ok.statusCode, 200, ok.body);
    const accepted = await get(`/api/v1/findings?asset=${ids['db-1']}`);
    assert.deepEqual([accepted.total, accepted.acceptedRisk], [1, 1]);
    now = '2026-12-02T00:00:00.000Z';
    assert.equal((await get(`/api/v1/findings?asset=${ids['db-1']}`)).total, 2, 'the finding reopens after expiry');
    now = T0;
  });

  it('imports an OpenVEX document: not_affected suppresses the matching finding', async () => {
    const doc = JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.org/vex/shop-1', author: 'shop team', timestamp: '2026-11-19T00:00:00Z', version: 1,
      statements: [{ vulnerability: { name: 'CVE-2021-23337' }, products: [{ '@id': 'pkg:npm/lodash@4.17.20' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/vex?file=shop.openvex.json', headers: { ...as.alice!, 'content-type': 'application/json' }, payload: doc });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().statements, 1);
    const body = await get(`/api/v1/findings?asset=${ids.shop}`);
    assert.deepEqual([body.total, body.suppressedByVex], [0, 1]);
  });

  it('refuses a malformed VEX document with 400 naming the file', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/vex?file=bad.json', headers: { ...as.alice!, 'content-type': 'application/json' }, payload: '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /bad\.json/);
  });
});

function deb(name: string, version: string, sourceName?: string): InstalledPackage {
  return { ecosystem: 'Debian:12', name, version, arch: 'amd64', ...(sourceName ? { sourceName, sourceVersion: version } : {}) };
}

function ovalAdv(cve: string, source: string, fixed: string): Advisory {
  return { id: cve, aliases: [], source: 'debian-oval', affected: [{ ecosystem: 'Debian:12', name: source, packageKind: 'source', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], versions: [], status: 'fixed' }], severities: [], references: [], provenance: { feed: 'debian-oval', recordId: `def-${cve}`, fetchedAt: T0, contentHash: cve } };
}

function npmAdv(cve: string, name: string, fixed: string): Advisory {
  return { id: `GHSA-${cve}`, aliases: [cve], source: 'osv', affected: [{ ecosystem: 'npm', name, packageKind: 'binary', ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }], versions: [] }], severities: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }], references: [], provenance: { feed: 'osv', recordId: `GHSA-${cve}`, fetchedAt: T0, contentHash: cve } };
}

function kev(cve: string): VulnerabilityIntel {
  return { cveId: cve, source: 'kev', cvss: [], cwes: [], references: [], kev: { dateAdded: '2026-11-01', dueDate: '2026-11-22', knownRansomwareCampaignUse: 'Known' }, provenance: { feed: 'kev', recordId: cve, fetchedAt: T0, contentHash: `kev-${cve}` } };
}

function epss(cve: string, score: number): VulnerabilityIntel {
  return { cveId: cve, source: 'epss', cvss: [], cwes: [], references: [], epss: { score, percentile: score, date: '2026-11-19' }, provenance: { feed: 'epss', recordId: cve, fetchedAt: T0, contentHash: `epss-${cve}` } };
}
