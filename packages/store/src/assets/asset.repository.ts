import type { Kysely } from 'kysely';
import { DomainError, type Asset, type AssetKind, type Criticality, type Exposure, type KernelInfo, type OsInfo } from '@patchloop/core';
import type { AssetRow, Database } from '../schema.js';
import { writeJson } from '../shared/json.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/cursor.js';
import type { EngineSql } from '../shared/engine-sql.js';
import { assetRowToAsset } from './asset.mapper.js';

/** Facts and context for creating an asset. `source` says where the data came from. */
export interface AssetInput {
  kind: AssetKind;
  name: string;
  os?: OsInfo;
  arch?: string;
  kernel?: KernelInfo;
  rebootRequired?: boolean;
  addresses?: string[];
  environment?: string;
  criticality?: Criticality;
  exposure?: Exposure;
  owner?: string;
  tags?: string[];
  groups?: string[];
  source: string;
}

/** Fields an update may change (kind is fixed once created). */
export type AssetPatch = Partial<Omit<AssetInput, 'kind'>>;

export interface AssetFilter {
  kind?: AssetKind;
  environment?: string;
  exposure?: Exposure;
  tag?: string;
  group?: string;
  osFamily?: string;
  minCriticality?: number;
  /** Case-insensitive substring of the name. */
  nameContains?: string;
}

export interface AssetRepository {
  createAsset(input: AssetInput, at: string): Promise<Asset>;
  updateAsset(id: string, patch: AssetPatch, at: string): Promise<Asset>;
  /** Creates the asset or refreshes its facts and last_seen; used by collectors and imports. */
  upsertAssetByName(input: AssetInput, at: string): Promise<{ asset: Asset; created: boolean }>;
  /** Moves last_seen forward to `at` (never backward). */
  markAssetSeen(id: string, at: string): Promise<void>;
  /** Marks the asset's findings for re-matching (its software changed at `at`); the newest mark wins. */
  markFindingsStale(id: string, at: string): Promise<void>;
  /** Assets whose findings wait for re-matching, oldest mark first. */
  listStaleAssets(limit: number): Promise<{ id: string; since: string }[]>;
  /** Clears the mark if it is still `since` (a newer change keeps it). True when cleared. */
  clearFindingsStale(id: string, since: string): Promise<boolean>;
  findAssetById(id: string): Promise<Asset | undefined>;
  findAssetByName(kind: AssetKind, name: string): Promise<Asset | undefined>;
  listAssets(filter: AssetFilter, page: { limit: number; cursor?: string }): Promise<Page<Asset>>;
}

export class KyselyAssetRepository implements AssetRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engineSql: EngineSql,
  ) {}

  async createAsset(input: AssetInput, at: string): Promise<Asset> {
    if (await this.findAssetByName(input.kind, input.name)) {
      throw new DomainError('E_ASSET_EXISTS', 'conflict', `a ${input.kind} named "${input.name}" already exists`, { location: { field: 'name' } });
    }
    const row = { ...defaultsRow(input, at), ...patchToColumns(input) } as AssetRow;
    await this.db.insertInto('assets').values(row).execute();
    return assetRowToAsset(row);
  }

  async updateAsset(id: string, patch: AssetPatch, at: string): Promise<Asset> {
    const existing = await this.findAssetById(id);
    if (!existing) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${id} not found`);
    if (patch.name !== undefined && patch.name !== existing.name && (await this.findAssetByName(existing.kind, patch.name))) {
      throw new DomainError('E_ASSET_EXISTS', 'conflict', `a ${existing.kind} named "${patch.name}" already exists`, { location: { field: 'name' } });
    }
    await this.db.updateTable('assets').set({ ...patchToColumns(patch), updated_at: at }).where('id', '=', id).execute();
    return (await this.findAssetById(id))!;
  }

  async upsertAssetByName(input: AssetInput, at: string): Promise<{ asset: Asset; created: boolean }> {
    const existing = await this.findAssetByName(input.kind, input.name);
    if (!existing) return { asset: await this.createAsset(input, at), created: true };
    await this.db
      .updateTable('assets')
      .set({ ...patchToColumns(input), last_seen: at, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
    return { asset: (await this.findAssetById(existing.id))!, created: false };
  }

  async markAssetSeen(id: string, at: string): Promise<void> {
    await this.db.updateTable('assets').set({ last_seen: at }).where('id', '=', id).where('last_seen', '<', at).execute();
  }

  async markFindingsStale(id: string, at: string): Promise<void> {
    await this.db.updateTable('assets').set({ findings_stale_since: at }).where('id', '=', id)
      .where((eb) => eb.or([eb('findings_stale_since', 'is', null), eb('findings_stale_since', '<', at)])).execute();
  }

  async listStaleAssets(limit: number): Promise<{ id: string; since: string }[]> {
    const rows = await this.db.selectFrom('assets').select(['id', 'findings_stale_since']).where('findings_stale_since', 'is not', null)
      .orderBy('findings_stale_since').orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, since: r.findings_stale_since! }));
  }

  async clearFindingsStale(id: string, since: string): Promise<boolean> {
    const r = await this.db.updateTable('assets').set({ findings_stale_since: null }).where('id', '=', id).where('findings_stale_since', '=', since).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async findAssetById(id: string): Promise<Asset | undefined> {
    const row = await this.db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? assetRowToAsset(row) : undefined;
  }

  async findAssetByName(kind: AssetKind, name: string): Promise<Asset | undefined> {
    const row = await this.db.selectFrom('assets').selectAll().where('kind', '=', kind).where('name', '=', name).executeTakeFirst();
    return row ? assetRowToAsset(row) : undefined;
  }

  async listAssets(filter: AssetFilter, { limit, cursor }: { limit: number; cursor?: string }): Promise<Page<Asset>> {
    let q = this.db.selectFrom('assets').selectAll().orderBy('id').limit(limit + 1);
    if (cursor) q = q.where('id', '>', decodeCursor(cursor));
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.environment) q = q.where('environment', '=', filter.environment);
    if (filter.exposure) q = q.where('exposure', '=', filter.exposure);
    if (filter.osFamily) q = q.where('os_family', '=', filter.osFamily);
    if (filter.minCriticality !== undefined) q = q.where('criticality', '>=', filter.minCriticality);
    if (filter.nameContains) q = q.where(this.engineSql.containsText('name', filter.nameContains.toLowerCase()));
    if (filter.tag) q = q.where(this.engineSql.jsonArrayContains('tags', filter.tag));
    if (filter.group) q = q.where(this.engineSql.jsonArrayContains('groups', filter.group));
    const rows = await q.execute();
    const items = rows.slice(0, limit).map(assetRowToAsset);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
  }
}

function defaultsRow(input: AssetInput, at: string): Partial<AssetRow> {
  return {
    id: newId(),
    kind: input.kind,
    criticality: 3,
    exposure: 'internal',
    addresses: writeJson([]),
    tags: writeJson([]),
    groups: writeJson([]),
    first_seen: at,
    last_seen: at,
    updated_at: at,
  };
}

/** Only the fields present in the patch become columns, so absent fields keep their value. */
function patchToColumns(p: AssetPatch): Partial<AssetRow> {
  const c: Partial<AssetRow> = {};
  if (p.name !== undefined) c.name = p.name;
  if (p.os !== undefined) Object.assign(c, { os_family: p.os.family, os_id: p.os.id ?? null, os_name: p.os.name, os_version: p.os.version ?? null, os_codename: p.os.codename ?? null });
  if (p.arch !== undefined) c.arch = p.arch;
  if (p.kernel !== undefined) Object.assign(c, { kernel_running: p.kernel.running ?? null, kernels_installed: writeJson(p.kernel.installed) });
  if (p.rebootRequired !== undefined) c.reboot_required = p.rebootRequired ? 1 : 0;
  if (p.addresses !== undefined) c.addresses = writeJson(p.addresses);
  if (p.environment !== undefined) c.environment = p.environment;
  if (p.criticality !== undefined) c.criticality = p.criticality;
  if (p.exposure !== undefined) c.exposure = p.exposure;
  if (p.owner !== undefined) c.owner = p.owner;
  if (p.tags !== undefined) c.tags = writeJson(p.tags);
  if (p.groups !== undefined) c.groups = writeJson(p.groups);
  if (p.source !== undefined) c.source = p.source;
  return c;
}
