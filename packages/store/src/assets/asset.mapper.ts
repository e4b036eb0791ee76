import type { Asset, AssetKind, Criticality, Exposure } from '@patchloop/core';
import type { AssetRow } from '../schema.js';
import { readJson } from '../shared/json.js';

/** Database row -> domain asset. */
export function assetRowToAsset(row: AssetRow): Asset {
  const asset: Asset = {
    id: row.id,
    kind: row.kind as AssetKind,
    name: row.name,
    addresses: readJson<string[]>(row.addresses, []),
    criticality: row.criticality as Criticality,
    exposure: row.exposure as Exposure,
    tags: readJson<string[]>(row.tags, []),
    groups: readJson<string[]>(row.groups, []),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    source: row.source,
  };
  if (row.os_name !== null || row.os_family !== null) {
    asset.os = dropUndefined({ family: row.os_family ?? '', id: row.os_id ?? undefined, name: row.os_name ?? '', version: row.os_version ?? undefined, codename: row.os_codename ?? undefined });
  }
  if (row.arch !== null) asset.arch = row.arch;
  if (row.kernel_running !== null || row.kernels_installed !== null) {
    asset.kernel = dropUndefined({ running: row.kernel_running ?? undefined, installed: readJson<string[]>(row.kernels_installed, []) });
  }
  if (row.reboot_required !== null) asset.rebootRequired = row.reboot_required === 1;
  if (row.updates_available !== null && row.updates_available !== undefined) asset.updatesAvailable = readJson<{ name: string; version: string }[]>(row.updates_available, []);
  if (row.environment !== null) asset.environment = row.environment;
  if (row.owner !== null) asset.owner = row.owner;
  return asset;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
