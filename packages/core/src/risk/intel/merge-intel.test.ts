import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { VulnerabilityIntel } from '../../advisory/vulnerability-intel.js';
import type { Advisory } from '../../advisory/advisory.js';
import { isDomainError } from '../../errors/domain-error.js';
import { severitiesOfAdvisory } from './cvss-candidate.js';
import { mergeIntel } from './merge-intel.js';

const CVE = 'CVE-2024-1234';
const V31_CRIT = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V31_MED = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:N';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

function intel(source: string, recordId: string, over: Partial<VulnerabilityIntel> = {}): VulnerabilityIntel {
  return {
    cveId: CVE, source, cvss: [], cwes: [], references: [], modified: '2024-03-01T00:00:00.000Z',
    provenance: { feed: source, recordId, fetchedAt: '2024-03-02T00:00:00.000Z', contentHash: 'x' },
    ...over,
  };
}

const nvd = intel('nvd', CVE, { cvss: [
  { version: '3.1', vector: V31_CRIT, baseScore: 9.8, scorer: 'nvd@nist.gov', kind: 'Primary' },
  { version: '3.1', vector: V31_MED, baseScore: 4.6, scorer: 'security@vendor.example', kind: 'Secondary' },
] });
const cve5 = intel('cve5', CVE, { cvss: [
  { version: '4.0', vector: V40, baseScore: 9.2, scorer: 'vendor-cna', kind: 'cna' },
  { version: '3.1', vector: V31_MED, scorer: 'CISA-ADP', kind: 'adp' },
] });
const kev = intel('kev', CVE, { kev: { dateAdded: '2024-02-10', dueDate: '2024-03-02', knownRansomwareCampaignUse: 'Known' } });
const epssOld = intel('epss', 'epss-2024-02-01', { epss: { score: 0.5, percentile: 0.97, date: '2024-02-01' } });
const epssNew = intel('epss', 'epss-2024-03-01', { epss: { score: 0.02, percentile: 0.8, date: '2024-03-01' } });
const advisory: Advisory = {
  id: 'DSA-5600-1', aliases: [CVE], source: 'debian', affected: [], references: [],
  severities: [{ type: 'CVSS_V3', score: V31_MED }, { type: 'Debian', score: 'medium' }],
  modified: '2024-02-20T00:00:00.000Z',
  provenance: { feed: 'debian-dsa', recordId: 'DSA-5600-1', fetchedAt: '2024-02-21T00:00:00.000Z', contentHash: 'y' },
};

describe('mergeIntel: CVSS choice', () => {
  it('default precedence: the vendor (advisory) vector wins, with its provenance', () => {
    const p = mergeIntel(CVE, [nvd, cve5], severitiesOfAdvisory(advisory));
    assert.equal(p.cvss?.sourceClass, 'vendor');
    assert.equal(p.cvss?.cvss.vector, V31_MED);
    assert.deepEqual(p.cvss?.provenance, { feed: 'debian-dsa', recordId: 'DSA-5600-1', date: '2024-02-20T00:00:00.000Z' });
    assert.match(p.cvssRule, /"vendor" ranks first/);
  });
  it('all candidates are kept, best first; qualitative severities are not CVSS candidates', () => {
    const p = mergeIntel(CVE, [nvd, cve5], severitiesOfAdvisory(advisory));
    assert.deepEqual(p.cvssCandidates.map((c) => `${c.sourceClass} ${c.cvss.version}`), ['vendor 3.1', 'nvd 3.1', 'cisa-adp 3.1', 'cna 4.0', 'cna 3.1']);
  });
  it('precedence is configurable: nvd first', () => {
    const p = mergeIntel(CVE, [nvd, cve5], severitiesOfAdvisory(advisory), { precedence: ['nvd', 'vendor'] });
    assert.deepEqual([p.cvss?.sourceClass, p.cvss?.cvss.baseScore, p.cvss?.publishedBaseScore], ['nvd', 9.8, 9.8]);
  });
  it('within the top source, the highest version wins (CNA: 4.0 over 3.1)', () => {
    const p = mergeIntel(CVE, [nvd, cve5], [], { precedence: ['cna'] });
    assert.deepEqual([p.cvss?.sourceClass, p.cvss?.cvss.version], ['cna', '4.0']);
  });
  it('sources not in the precedence list are still used, after listed ones', () => {
    const p = mergeIntel(CVE, [nvd], [], { precedence: ['vendor'] });
    assert.equal(p.cvss?.sourceClass, 'nvd');
  });
  it('an invalid vector is rejected with its reason, not fatal', () => {
    const bad = intel('nvd', CVE, { cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:Q/AC:L', kind: 'Primary' }] });
    const p = mergeIntel(CVE, [bad]);
    assert.equal(p.cvss, undefined);
    assert.equal(p.cvssRejected.length, 1);
    assert.match(p.cvssRejected[0]!.reason, /metric AV/);
    assert.equal(p.cvssRule, 'no valid CVSS vector from any source');
  });
});

describe('mergeIntel: EPSS and KEV', () => {
  it('EPSS: the newest score date wins, with its date as provenance', () => {
    const p = mergeIntel(CVE, [epssOld, epssNew]);
    assert.deepEqual(p.epss, { score: 0.02, percentile: 0.8, date: '2024-03-01', provenance: { feed: 'epss', recordId: 'epss-2024-03-01', date: '2024-03-01' } });
  });
  it('KEV: dates and ransomware use', () => {
    const p = mergeIntel(CVE, [kev]);
    assert.deepEqual([p.kev?.dateAdded, p.kev?.dueDate, p.kev?.ransomware, p.kev?.provenance.feed], ['2024-02-10', '2024-03-02', 'known', 'kev']);
  });
  it('KEV: the catalog feed wins over a KEV flag on another record', () => {
    const flagged = intel('cve5', CVE, { kev: { dateAdded: '2024-02-11' }, modified: '2024-04-01T00:00:00.000Z' });
    assert.equal(mergeIntel(CVE, [flagged, kev]).kev?.provenance.feed, 'kev');
    assert.equal(mergeIntel(CVE, [flagged]).kev?.ransomware, 'unknown');
  });
});

describe('mergeIntel: SSVC decision points', () => {
  const adp = intel('cve5', CVE, { ssvc: { exploitation: 'poc', automatable: 'yes', technicalImpact: 'partial', timestamp: '2024-02-01T00:00:00Z', scorer: 'CISA-ADP' } });
  it('CISA ADP values are used when present', () => {
    const p = mergeIntel(CVE, [adp, nvd]);
    assert.deepEqual([p.ssvc.exploitation.value, p.ssvc.automatable.value, p.ssvc.technicalImpact.value], ['poc', 'yes', 'partial']);
    assert.deepEqual([p.ssvc.exploitation.source, p.ssvc.automatable.source, p.ssvc.technicalImpact.source], ['cisa-adp', 'cisa-adp', 'cisa-adp']);
    assert.equal(p.ssvc.exploitation.provenance[0]?.date, '2024-02-01T00:00:00Z');
  });
  it('KEV overrides an ADP exploitation below active', () => {
    const p = mergeIntel(CVE, [adp, kev]);
    assert.deepEqual([p.ssvc.exploitation.value, p.ssvc.exploitation.source], ['active', 'derived']);
    assert.match(p.ssvc.exploitation.rule, /^kev-overrides-adp: CISA ADP said poc/);
  });
  it('a partial ADP assessment: missing points are derived from the chosen CVSS vector', () => {
    const partial = intel('cve5', CVE, { ssvc: { exploitation: 'none' } });
    const p = mergeIntel(CVE, [partial, nvd], [], { precedence: ['nvd'] });
    assert.deepEqual([p.ssvc.exploitation.source, p.ssvc.automatable.value, p.ssvc.automatable.source, p.ssvc.technicalImpact.value], ['cisa-adp', 'yes', 'derived', 'total']);
    assert.match(p.ssvc.automatable.rule, /AV:N\/AC:L\/PR:N\/UI:N/);
  });

  const derivedCases = [
    { name: 'in KEV -> active', records: [kev], threshold: undefined, expected: 'active', rule: /^kev:/ },
    { name: 'EPSS 0.5 >= 0.1 -> poc', records: [epssOld], threshold: undefined, expected: 'poc', rule: /^epss:/ },
    { name: 'EPSS 0.02 < 0.1 -> none', records: [epssNew], threshold: undefined, expected: 'none', rule: /^none:.*EPSS 0.02 < 0.1/ },
    { name: 'EPSS 0.02 with threshold 0.01 -> poc', records: [epssNew], threshold: 0.01, expected: 'poc', rule: /threshold 0.01/ },
    { name: 'exploit-db reference -> poc', records: [intel('nvd', CVE, { references: ['https://www.exploit-db.com/exploits/51234'] })], threshold: undefined, expected: 'poc', rule: /^exploit-reference:/ },
    { name: 'ordinary references -> none', records: [intel('nvd', CVE, { references: ['https://example.org/advisory'] })], threshold: undefined, expected: 'none', rule: /no exploit reference/ },
  ] as const;
  for (const c of derivedCases) {
    it(`derived exploitation: ${c.name}`, () => {
      const p = mergeIntel(CVE, c.records, [], c.threshold === undefined ? {} : { epssPocThreshold: c.threshold });
      assert.equal(p.ssvc.exploitation.value, c.expected);
      assert.equal(p.ssvc.exploitation.source, 'derived');
      assert.match(p.ssvc.exploitation.rule, c.rule);
    });
  }
  it('no ADP and no CVSS: documented defaults, configurable', () => {
    const p = mergeIntel(CVE, []);
    assert.deepEqual([p.ssvc.automatable.value, p.ssvc.technicalImpact.value], ['no', 'partial']);
    assert.match(p.ssvc.automatable.rule, /^default:/);
    const q = mergeIntel(CVE, [], [], { unknownAutomatable: 'yes', unknownTechnicalImpact: 'total' });
    assert.deepEqual([q.ssvc.automatable.value, q.ssvc.technicalImpact.value], ['yes', 'total']);
  });
});

describe('mergeIntel: input checks', () => {
  it('normalizes the CVE id', () => assert.equal(mergeIntel(' cve-2024-1234 ', [nvd]).cveId, CVE));
  it('rejects a record about another CVE', () => {
    assert.throws(() => mergeIntel('CVE-2024-9999', [nvd]), (e: unknown) => isDomainError(e) && e.code === 'E_INTEL_CVE_MISMATCH');
  });
  it('rejects an id that is not a CVE', () => {
    assert.throws(() => mergeIntel('GHSA-xxxx-yyyy-zzzz', []), (e: unknown) => isDomainError(e) && e.code === 'E_INTEL_CVE_INVALID');
  });
});
