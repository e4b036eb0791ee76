import type { InstalledPackage } from '@patchloop/core';
import type { AssetSoftwareRow } from '../schema.js';

export type SoftwareColumns = Pick<AssetSoftwareRow, 'ecosystem' | 'name' | 'version' | 'source_name' | 'source_version' | 'arch' | 'purl'>;

/** Database row -> domain package (absent optional fields are left out, not null). */
export function softwareRowToPackage(row: SoftwareColumns): InstalledPackage {
  const p: InstalledPackage = { ecosystem: row.ecosystem, name: row.name, version: row.version };
  if (row.source_name !== null) p.sourceName = row.source_name;
  if (row.source_version !== null) p.sourceVersion = row.source_version;
  if (row.arch !== null) p.arch = row.arch;
  if (row.purl !== null) p.purl = row.purl;
  return p;
}

export function packageToSoftwareColumns(p: InstalledPackage): SoftwareColumns {
  return {
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    source_name: p.sourceName ?? null,
    source_version: p.sourceVersion ?? null,
    arch: p.arch ?? null,
    purl: p.purl ?? null,
  };
}
