import { assessFindings, type Asset, type Assessment, type Finding, type RiskPolicy } from '@patchloop/core';
import type { Store, StoredFinding } from '@patchloop/store';

export interface AssessmentScope {
  assetId?: string;
  /** Only assets in this group. */
  group?: string;
  /** Only findings about this vulnerability (id or alias). */
  vulnerabilityId?: string;
}

/**
 * Assesses the stored open findings in a scope with everything the store knows: threat intel,
 * vendor severities, VEX statements, risk acceptances and asset context. Computed on read.
 */
export async function assessStoredFindings(store: Store, scope: AssessmentScope, nowIso: string, policy?: RiskPolicy): Promise<{ assessment: Assessment; assets: Map<string, Asset> }> {
  const stored = await storedInScope(store, scope);
  const assets = await loadAssets(store, [...new Set(stored.map((f) => f.assetId))]);
  const inScope = scope.group ? stored.filter((f) => assets.get(f.assetId)?.groups.includes(scope.group!)) : stored;
  const findings = inScope.map(storedToFinding);
  const cves = [...new Set(findings.flatMap((f) => f.vulnerabilityIds).filter((id) => id.startsWith('CVE-')))];
  const [advisories, intel, vex, acceptances] = await Promise.all([
    store.feeds.listAdvisoriesByIds([...new Set(findings.map((f) => f.advisoryId))]),
    store.feeds.listIntel(cves),
    store.policy.listVexStatements(),
    store.policy.listAcceptances(),
  ]);
  const assessment = assessFindings({
    findings, assetsById: assets, advisoriesById: groupBy(advisories, (a) => a.id), intelByCve: groupBy(intel, (i) => i.cveId),
    vex, acceptances, firstSeenByKey: new Map(inScope.map((f) => [f.key, f.firstSeen])), nowIso,
    ...(policy ? { intelOptions: policy.intel, slaPolicy: policy.sla, rules: policy.rules } : {}),
  });
  return { assessment, assets };
}

async function storedInScope(store: Store, scope: AssessmentScope): Promise<StoredFinding[]> {
  const all = await store.findings.listFindings({ ...(scope.assetId ? { assetId: scope.assetId } : {}) });
  if (!scope.vulnerabilityId) return all;
  const id = scope.vulnerabilityId.toUpperCase();
  return all.filter((f) => f.advisoryId.toUpperCase() === id || f.vulnerabilityIds.some((v) => v.toUpperCase() === id));
}

async function loadAssets(store: Store, ids: string[]): Promise<Map<string, Asset>> {
  const assets = await Promise.all(ids.map((id) => store.assets.findAssetById(id)));
  return new Map(assets.filter((a): a is Asset => a !== undefined).map((a) => [a.id, a]));
}

/** A stored finding back in the matcher's shape (the match key comes from the explanation). */
export function storedToFinding(f: StoredFinding): Finding {
  const affected = f.explanation.affected;
  const version = affected?.kind === 'source' ? (f.package.sourceVersion ?? f.package.version) : f.package.version;
  return {
    key: f.key, assetId: f.assetId, advisoryId: f.advisoryId, advisorySource: f.advisorySource, vulnerabilityIds: f.vulnerabilityIds, package: f.package,
    matchedOn: { ecosystem: affected?.ecosystem ?? f.package.ecosystem, kind: affected?.kind ?? 'binary', name: affected?.name ?? f.package.name, version },
    ...(f.fixedVersion ? { fixedVersion: f.fixedVersion } : {}), status: f.status as Finding['status'], explanation: f.explanation,
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) (m.get(key(it)) ?? m.set(key(it), []).get(key(it))!).push(it);
  return m;
}
