import type { InstalledPackage } from '../inventory/asset.js';
import type { AdvisoryIndex } from './advisory-index.js';
import type { Finding } from './finding.js';
import { FindingCollector } from './finding-collector.js';
import { InstalledVersion } from './installed-version.js';
import { evaluateKey } from './key-evaluator.js';
import type { KeyVerdict } from './key-verdict.js';
import { binaryKeyOf, matchKeyId, packageGroupId, sourceKeyOf, type MatchKey } from './match-key.js';

/**
 * Matches one inventory against the advisory index: every package is matched on its binary key
 * and its source key, each distinct key evaluated once. Returns findings sorted by key.
 *
 * @example
 * const index = new AdvisoryIndex({ schemeFor });
 * index.upsert(advisories);
 * const findings = matchInventory(packages, index, { assetId: 'host-1' });
 */
export function matchInventory(packages: readonly InstalledPackage[], index: AdvisoryIndex, { assetId }: { assetId: string }): Finding[] {
  const verdictsByKey = new Map<string, readonly KeyVerdict[]>();
  const collector = new FindingCollector(assetId);
  for (const pkg of packages) {
    for (const key of [binaryKeyOf(pkg), sourceKeyOf(pkg)]) {
      collector.add(pkg, key, verdictsFor(key, index, verdictsByKey));
    }
  }
  return collector.findings();
}

function verdictsFor(key: MatchKey, index: AdvisoryIndex, cache: Map<string, readonly KeyVerdict[]>): readonly KeyVerdict[] {
  const id = matchKeyId(key);
  let verdicts = cache.get(id);
  if (!verdicts) {
    verdicts = evaluateKey(packageGroupId(key.ecosystem, key.kind, key.name), new InstalledVersion(key.version), index);
    cache.set(id, verdicts);
  }
  return verdicts;
}
