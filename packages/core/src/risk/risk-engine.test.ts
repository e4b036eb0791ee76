/*
 * The risk engine end to end through its public API: feed records -> profile -> asset context ->
 * priority and SSVC outcome -> due date. Record contents are shaped like CVE-2023-4863 (libwebp);
 * the EPSS value is illustrative.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VulnerabilityIntel } from '../advisory/vulnerability-intel.js';
import { assetRiskContextOf, computeDueDate, mergeIntel, prioritize } from './index.js';
import { findingFor } from './testing/risk-fixtures.js';

const CVE = 'CVE-2023-4863';
const record = (source: string, over: Partial<VulnerabilityIntel>): VulnerabilityIntel => ({
  cveId: CVE, source, cvss: [], cwes: [], references: [], modified: '2023-09-20T00:00:00.000Z',
  provenance: { feed: source, recordId: `${source}:${CVE}`, fetchedAt: '2023-09-21T00:00:00.000Z', contentHash: 'h' },
  ...over,
});
const records = [
  record('nvd', { cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', baseScore: 8.8, scorer: 'nvd@nist.gov', kind: 'Primary' }] }),
  record('cve5', { ssvc: { exploitation: 'active', automatable: 'no', technicalImpact: 'total', timestamp: '2023-09-15T00:00:00Z', scorer: 'CISA-ADP' } }),
  record('kev', { kev: { dateAdded: '2023-09-13', dueDate: '2023-10-04', knownRansomwareCampaignUse: 'Unknown' } }),
  record('epss', { epss: { score: 0.3, percentile: 0.97, date: '2023-09-20' } }),
];

describe('risk engine end to end', () => {
  const profile = mergeIntel(CVE, records, []);
  const context = assetRiskContextOf({ id: 'a1', criticality: 5, exposure: 'internet', environment: 'prod', tags: [] });
  const priority = prioritize(profile, context, findingFor(CVE, 'a1'));

  it('merges the feeds with provenance', () => {
    assert.deepEqual([profile.cvss?.cvss.baseScore, profile.cvss?.provenance.feed, profile.kev?.dueDate, profile.epss?.score], [8.8, 'nvd', '2023-10-04', 0.3]);
    assert.deepEqual(Object.values(profile.ssvc).map((p) => p.source), ['cisa-adp', 'cisa-adp', 'cisa-adp']);
  });

  it('CISA outcome Act (active, not automatable, total, high mission) and a shown score', () => {
    assert.equal(priority.ssvc.outcome, 'Act');
    assert.deepEqual(priority.contributions.map((c) => [c.factor, c.points]), [
      ['cvss', 30.8], ['epss', 4.5], ['kev', 10], ['kev-ransomware', 0], ['ssvc', 15], ['criticality', 10], ['exposure', 10],
    ]);
    assert.equal(priority.score, 80.3);
  });

  it('due date: the SLA (Act, internet: 1 day) is earlier than the KEV due date', () => {
    const due = computeDueDate({ firstSeen: '2023-09-20T10:00:00Z', profile, outcome: priority.ssvc.outcome, assetContext: context });
    assert.deepEqual([due.dueDate, due.reason], ['2023-09-21T10:00:00.000Z', 'sla']);
    assert.deepEqual(due.candidates.map((c) => [c.reason, c.dueDate]), [['kev', '2023-10-04T00:00:00.000Z'], ['sla', '2023-09-21T10:00:00.000Z']]);
  });
});
