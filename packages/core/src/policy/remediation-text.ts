import type { AssetKind } from '../inventory/asset.js';

const KIND_ORDER: readonly (AssetKind | 'asset')[] = ['host', 'image', 'application', 'asset'];

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "212 hosts", "3 hosts and 1 image", "1 host, 2 images and 4 applications"; kinds not known are "assets". */
export function describeAssetCounts(assetIds: readonly string[], assetKindOf: (assetId: string) => AssetKind | undefined): string {
  const counts = new Map<AssetKind | 'asset', number>();
  for (const id of assetIds) {
    const kind = assetKindOf(id) ?? 'asset';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = KIND_ORDER.filter((k) => counts.has(k)).map((k) => plural(counts.get(k) ?? 0, k, `${k}s`));
  if (parts.length <= 1) return parts[0] ?? '0 assets';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "14 CVEs, 2 in KEV" (or "vulnerabilities" when some ids are not CVE ids). */
export function describeVulnerabilities(ids: readonly string[], kevCount: number): string {
  const allCves = ids.every((id) => /^CVE-/i.test(id));
  const noun = allCves ? plural(ids.length, 'CVE', 'CVEs') : plural(ids.length, 'vulnerability', 'vulnerabilities');
  return kevCount > 0 ? `${noun}, ${kevCount} in KEV` : noun;
}
