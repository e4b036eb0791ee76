/** Test builders for the risk engine: findings, profiles and asset contexts as plain data. */
import type { Criticality, Exposure } from '../../inventory/asset.js';
import type { Finding } from '../../match/finding.js';
import { assetRiskContextOf, type AssetRiskContext } from '../context/asset-risk-context.js';
import { scoreCvssVector } from '../cvss/cvss-score.js';
import type { DecisionPointValue, ProfileEpss, ProfileKev, VulnerabilityProfile } from '../intel/vulnerability-profile.js';
import type { Automatable, Exploitation, TechnicalImpact } from '../ssvc/ssvc-decision-points.js';

export const CVE = 'CVE-2024-1234';
const PROV = { feed: 'test', recordId: 'r1', date: '2024-01-01' };

export function findingFor(cveId = CVE, assetId = 'a1'): Finding {
  return {
    key: `${assetId}|DSA-1|openssl`,
    assetId,
    advisoryId: 'DSA-1',
    advisorySource: 'debian',
    vulnerabilityIds: [cveId],
    package: { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1' },
    matchedOn: { ecosystem: 'Debian:12', kind: 'source', name: 'openssl', version: '3.0.11-1' },
    fixedVersion: '3.0.13-1',
    status: 'affected',
    explanation: { advisory: { id: 'DSA-1', source: 'debian' }, affected: { index: 0, ecosystem: 'Debian:12', name: 'openssl', kind: 'source' }, rule: 'range', events: [], comparisons: [], mapping: 'source', text: 'test' },
  };
}

const point = <T extends string>(value: T): DecisionPointValue<T> => ({ value, source: 'derived', rule: 'test', provenance: [] });

export interface ProfileSpec {
  vector?: string;
  epss?: number;
  kev?: boolean;
  ransomware?: boolean;
  kevDueDate?: string;
  exploitation?: Exploitation;
  automatable?: Automatable;
  technicalImpact?: TechnicalImpact;
}

export function profileOf(spec: ProfileSpec = {}): VulnerabilityProfile {
  const cvss = spec.vector === undefined ? undefined : { cvss: scoreCvssVector(spec.vector), sourceClass: 'nvd' as const, provenance: PROV };
  const epss: ProfileEpss | undefined = spec.epss === undefined ? undefined : { score: spec.epss, percentile: 0.5, date: '2024-01-01', provenance: PROV };
  const kev: ProfileKev | undefined = spec.kev
    ? { dateAdded: '2024-01-01', ...(spec.kevDueDate ? { dueDate: spec.kevDueDate } : {}), ransomware: spec.ransomware ? 'known' : 'unknown', provenance: PROV }
    : undefined;
  return {
    cveId: CVE,
    ...(cvss ? { cvss } : {}),
    cvssRule: 'test',
    cvssCandidates: cvss ? [cvss] : [],
    cvssRejected: [],
    ...(epss ? { epss } : {}),
    ...(kev ? { kev } : {}),
    ssvc: {
      exploitation: point(spec.exploitation ?? (spec.kev ? 'active' : 'none')),
      automatable: point(spec.automatable ?? 'no'),
      technicalImpact: point(spec.technicalImpact ?? 'partial'),
    },
  };
}

export function contextOf(criticality: Criticality = 3, exposure: Exposure = 'internal', extra: { environment?: string; tags?: string[] } = {}): AssetRiskContext {
  return assetRiskContextOf({ id: 'a1', criticality, exposure, tags: extra.tags ?? [], ...(extra.environment ? { environment: extra.environment } : {}) });
}
