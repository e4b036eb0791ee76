import type { InstalledPackage } from '../inventory/asset.js';
import type { AdvisoryRef } from './indexed-advisory.js';

/**
 * The stable identity of a finding, for persistence (first seen / last seen / resolved):
 * asset, advisory (source and id), and the installed package's slot on the asset
 * (ecosystem, binary package name, arch). The installed version is deliberately NOT part of it:
 * upgrading a package from one vulnerable version to another keeps the finding open (it
 * "changes"), and upgrading to a fixed version resolves it. Matching via the source package does
 * not change the identity: each installed binary of a vulnerable source has its own finding,
 * because each is what gets upgraded. Rendered as a JSON array: unambiguous and readable.
 *
 * @example findingKeyOf('host-1', { source: 'osv', id: 'DSA-3029-1' }, { ecosystem: 'Debian:7', name: 'nginx', arch: 'amd64' })
 * // '["host-1","osv","DSA-3029-1","Debian:7","nginx","amd64"]'
 */
export function findingKeyOf(assetId: string, advisory: AdvisoryRef, pkg: Pick<InstalledPackage, 'ecosystem' | 'name' | 'arch'>): string {
  return JSON.stringify([assetId, advisory.source, advisory.id, pkg.ecosystem, pkg.name, pkg.arch ?? '']);
}
