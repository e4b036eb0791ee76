import { schemeOfEcosystem, type Advisory, type Asset, type Criticality, type Exposure, type InstalledPackage } from '@patchloop/core';

/** One demo asset: its context and how far its packages lag behind. */
interface DemoHost {
  name: string;
  environment: string;
  criticality: Criticality;
  exposure: Exposure;
  groups: string[];
  /** 0 = as patched as the template; higher = more packages at older real versions. */
  lag: number;
}

const HOSTS: DemoHost[] = [
  { name: 'web-01', environment: 'production', criticality: 5, exposure: 'internet', groups: ['web', 'ring-2'], lag: 2 },
  { name: 'web-02', environment: 'production', criticality: 5, exposure: 'internet', groups: ['web', 'ring-2'], lag: 1 },
  { name: 'api-01', environment: 'production', criticality: 4, exposure: 'internet', groups: ['api', 'ring-2'], lag: 3 },
  { name: 'db-01', environment: 'production', criticality: 5, exposure: 'internal', groups: ['databases', 'ring-3'], lag: 2 },
  { name: 'db-02', environment: 'production', criticality: 4, exposure: 'internal', groups: ['databases', 'ring-3'], lag: 1 },
  { name: 'ci-runner-01', environment: 'build', criticality: 3, exposure: 'internal', groups: ['ci', 'ring-1'], lag: 3 },
  { name: 'staging-01', environment: 'staging', criticality: 2, exposure: 'internal', groups: ['test-ring', 'ring-0'], lag: 1 },
  { name: 'backup-01', environment: 'production', criticality: 3, exposure: 'isolated', groups: ['backup', 'ring-3'], lag: 2 },
];

export interface DemoAsset {
  facts: Pick<Asset, 'kind' | 'name' | 'environment' | 'criticality' | 'exposure' | 'groups' | 'tags' | 'source'>;
  packages: InstalledPackage[];
}

/**
 * A demo fleet whose inventories use REAL Debian package versions: each host starts from a
 * template inventory (this host's packages) and, for some source packages the advisories name,
 * holds an older version that really shipped (an earlier fixed version from the advisories), so
 * it is affected by the later fixes. Deterministic: the same inputs give the same fleet.
 */
export function buildDemoFleet(template: readonly InstalledPackage[], advisories: readonly Advisory[]): DemoAsset[] {
  const history = releasedVersionsBySource(advisories);
  return HOSTS.map((h, i) => ({
    facts: { kind: 'host', name: h.name, environment: h.environment, criticality: h.criticality, exposure: h.exposure, groups: h.groups, tags: ['demo'], source: 'demo' },
    packages: template.map((p, j) => lagged(p, history, h.lag, i + j)),
  }));
}

function lagged(p: InstalledPackage, history: Map<string, string[]>, lag: number, seed: number): InstalledPackage {
  const source = p.sourceName ?? p.name;
  const versions = history.get(`${p.ecosystem}\u0000${source}`);
  if (!versions || versions.length < 2 || lag === 0 || seed % 4 >= lag) return p;
  const older = versions[Math.max(0, versions.length - 1 - lag)]!;
  return { ...p, version: older, sourceVersion: older, ...(p.purl ? { purl: undefined } : {}) };
}

/** Fixed versions named by the advisories per (ecosystem, source), oldest first: versions that really shipped. */
function releasedVersionsBySource(advisories: readonly Advisory[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const a of advisories) {
    for (const p of a.affected) {
      if (p.packageKind !== 'source') continue;
      for (const r of p.ranges) for (const e of r.events) if ('fixed' in e) (sets.get(`${p.ecosystem}\u0000${p.name}`) ?? sets.set(`${p.ecosystem}\u0000${p.name}`, new Set()).get(`${p.ecosystem}\u0000${p.name}`)!).add(e.fixed);
    }
  }
  const out = new Map<string, string[]>();
  for (const [key, set] of sets) {
    const scheme = schemeOfEcosystem(key.split('\u0000')[0]!);
    const valid = [...set].filter((v) => scheme?.isValid(v));
    out.set(key, scheme ? valid.sort((a, b) => scheme.compare(a, b)) : valid);
  }
  return out;
}
