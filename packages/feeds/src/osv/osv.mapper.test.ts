import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '@patchloop/core';
import { osvRecordToAdvisory, packageKindOfEcosystem } from './osv.mapper.js';
import type { OsvRecord } from './osv.types.js';
import { validateOsvRecord } from './osv.validator.js';

const FETCHED_AT = '2026-08-21T08:00:00.000Z';

describe('packageKindOfEcosystem', () => {
  const cases: [string, 'source' | 'binary'][] = [
    ['Debian:12', 'source'],
    ['Debian', 'source'],
    ['Ubuntu:22.04:LTS', 'source'],
    ['Alpine:v3.19', 'source'],
    ['Red Hat:rhel_aus:8.6::appstream', 'binary'],
    ['SUSE:Linux Enterprise Server 15 SP3', 'binary'],
    ['npm', 'binary'],
    ['PyPI', 'binary'],
    ['Go', 'binary'],
    ['Maven', 'binary'],
  ];
  for (const [ecosystem, kind] of cases) it(`${ecosystem} -> ${kind}`, () => assert.equal(packageKindOfEcosystem(ecosystem), kind));
});

describe('osvRecordToAdvisory', () => {
  const base: OsvRecord = { id: 'GHSA-aaaa-bbbb-cccc', modified: '2024-01-02T03:04:05Z' };

  it('copies ranges, versions, purl and references; drops database_specific', () => {
    const record: OsvRecord = {
      ...base,
      aliases: null,
      affected: [{ package: { ecosystem: 'npm', name: 'qs', purl: 'pkg:npm/qs' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '6.0.0' }, { last_affected: '6.2.3' }] }], versions: ['6.2.3'], database_specific: { x: 1 } }],
      references: [{ type: 'ADVISORY', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc' }],
      database_specific: { severity: 'HIGH' },
    };
    assert.equal(validateOsvRecord(record), undefined);
    const a = osvRecordToAdvisory(record, { fetchedAt: FETCHED_AT });
    assert.deepEqual(a.aliases, []);
    assert.deepEqual(a.affected, [{ ecosystem: 'npm', name: 'qs', packageKind: 'binary', purl: 'pkg:npm/qs', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '6.0.0' }, { last_affected: '6.2.3' }] }], versions: ['6.2.3'] }]);
    assert.equal('database_specific' in a, false);
  });

  it('merges record and per-package severities without duplicates', () => {
    const v3 = { type: 'CVSS_V3' as const, score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' };
    const v4 = { type: 'CVSS_V4' as const, score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' };
    const a = osvRecordToAdvisory({ ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, severity: [v3, v4] }, { package: { ecosystem: 'npm', name: 'y' }, severity: [v3] }] }, { fetchedAt: FETCHED_AT });
    assert.deepEqual(a.severities, [v3, v4]);
  });

  it('the content hash ignores fetchedAt and changes with the content', () => {
    const one = osvRecordToAdvisory(base, { fetchedAt: FETCHED_AT });
    assert.equal(osvRecordToAdvisory(base, { fetchedAt: '2030-01-01T00:00:00Z' }).provenance.contentHash, one.provenance.contentHash);
    assert.notEqual(osvRecordToAdvisory({ ...base, summary: 'x' }, { fetchedAt: FETCHED_AT }).provenance.contentHash, one.provenance.contentHash);
  });

  it('a range whose events repeat a version -> E_OSV_UNMAPPABLE with the pointer', () => {
    const record: OsvRecord = { ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.0.0' }] }] }] };
    assert.throws(() => osvRecordToAdvisory(record, { fetchedAt: FETCHED_AT }), (e: unknown) => isDomainError(e) && e.code === 'E_OSV_UNMAPPABLE' && e.location?.field === '/affected/0/ranges/0');
  });
});
