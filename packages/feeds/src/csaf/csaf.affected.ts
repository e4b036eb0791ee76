import type { AffectedPackage, DistroStatus } from '@patchloop/core';
import type { CsafProductStatusKey, CsafVulnerability } from './csaf.types.js';
import { resolveCsafProduct, type CsafProductIndex } from './csaf.product-tree.js';
import { csafProductToPackage, type CsafPackage, type CsafPackageResult } from './csaf.package.js';

/** How each product_status list maps to a distro status. `recommended` is advice, not a status. */
const STATUS_OF: readonly [CsafProductStatusKey, DistroStatus][] = [
  ['fixed', 'fixed'],
  ['first_fixed', 'fixed'],
  ['known_affected', 'unfixed'],
  ['first_affected', 'unfixed'],
  ['last_affected', 'unfixed'],
  ['under_investigation', 'under-investigation'],
  ['known_not_affected', 'not-affected'],
];

/** The affected packages of one vulnerability plus the products that could not be mapped. */
export interface CsafAffectedResult {
  affected: AffectedPackage[];
  skipped: string[];
}

/** Product id → mapping result, shared by the vulnerabilities of one document. */
export type CsafProductCache = Map<string, CsafPackageResult>;

/**
 * Walk a vulnerability's product_status: every product id resolved through the product tree,
 * mapped to a package, deduplicated across architectures. A package listed as fixed drops
 * the same package's affected-without-fix entries (they name the vulnerable old build).
 */
export function csafVulnerabilityToAffected(vuln: CsafVulnerability, index: CsafProductIndex, cache: CsafProductCache): CsafAffectedResult {
  const byKey = new Map<string, AffectedPackage>();
  const skipped: string[] = [];
  for (const [key, status] of STATUS_OF) {
    for (const productId of vuln.product_status?.[key] ?? []) {
      const result = mapProduct(productId, index, cache);
      if (result.kind === 'skipped') skipped.push(result.reason);
      if (result.kind !== 'package') continue;
      const entry = toAffected(result.pkg, status);
      if (!entry) skipped.push(`product ${productId}: listed as ${key} without a version`);
      else byKey.set(affectedKey(entry), byKey.get(affectedKey(entry)) ?? entry);
    }
  }
  return { affected: dropSupersededOpenEntries([...byKey.values()]), skipped: [...new Set(skipped)] };
}

function mapProduct(productId: string, index: CsafProductIndex, cache: CsafProductCache): CsafPackageResult {
  let result = cache.get(productId);
  if (!result) {
    const resolved = resolveCsafProduct(index, productId);
    result = resolved ? csafProductToPackage(resolved) : { kind: 'skipped', reason: `product ${productId}: not in the product tree` };
    cache.set(productId, result);
  }
  return result;
}

function toAffected(pkg: CsafPackage, status: DistroStatus): AffectedPackage | undefined {
  if (status === 'fixed' && pkg.version === undefined) return undefined;
  const ranges: AffectedPackage['ranges'] = status === 'fixed' ? [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: pkg.version ?? '' }] }] : [];
  return {
    ecosystem: pkg.ecosystem,
    name: pkg.name,
    packageKind: pkg.packageKind,
    ...(pkg.purl ? { purl: pkg.purl } : {}),
    ranges,
    versions: status !== 'fixed' && pkg.version !== undefined ? [pkg.version] : [],
    status,
    ...(pkg.note ? { statusNote: pkg.note } : {}),
  };
}

function affectedKey(a: AffectedPackage): string {
  return [groupKey(a), a.status, a.ranges.map((r) => JSON.stringify(r.events)).join(), a.versions.join(), a.statusNote].join('\u0000');
}

function groupKey(a: AffectedPackage): string {
  return [a.ecosystem, a.packageKind, a.name].join('\u0000');
}

function dropSupersededOpenEntries(entries: AffectedPackage[]): AffectedPackage[] {
  const fixedGroups = new Set(entries.filter((e) => e.status === 'fixed').map(groupKey));
  return entries.filter((e) => e.status !== 'unfixed' || !fixedGroups.has(groupKey(e)));
}
