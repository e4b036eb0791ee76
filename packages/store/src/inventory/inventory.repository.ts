import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { BulkInserter } from '../shared/bulk-insert.js';
import { DomainError, diffSoftware, packageFullKey, type InstalledPackage, type SoftwareChange } from '@patchloop/core';
import type { Database } from '../schema.js';
import type { Engine } from '../shared/engine.js';
import type { EngineSql } from '../shared/engine-sql.js';
import { packageToSoftwareColumns, softwareRowToPackage, type SoftwareColumns } from './software.mapper.js';
import { packageKeyHash, packageKeyHashOf } from './package-key-hash.js';
import { softwareEventsFromRows, type SoftwareEvent } from './software-events.js';

export interface InventoryChangeSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  changes: SoftwareChange[];
}

export interface InventoryRepository {
  /**
   * Replaces the asset's current software with `packages` as of `at`: unchanged packages keep
   * their interval, removed ones are closed at `at`, new or changed ones open at `at`. One transaction.
   * With `markFindingsStale`, a change also sets the asset's stale mark (as
   * AssetRepository.markFindingsStale does), in the same statement as the inventory digest.
   */
  recordInventory(assetId: string, packages: readonly InstalledPackage[], at: string, options?: { markFindingsStale?: boolean }): Promise<InventoryChangeSummary>;
  /** Software installed at `at` (default: now). */
  listSoftware(assetId: string, at?: string): Promise<InstalledPackage[]>;
  /** The asset's current packages with one of these (binary) names, in no particular order. */
  listSoftwareNamed(assetId: string, names: readonly string[]): Promise<InstalledPackage[]>;
  /**
   * Packages installed now, on any asset, in this ecosystem whose binary or source name is one of
   * `names` (what advisories naming those packages can match).
   */
  listCurrentPackagesByNames(ecosystem: string, names: readonly string[]): Promise<{ assetId: string; pkg: InstalledPackage }[]>;
  /** Every change (added, removed, changed) with its time, oldest first. */
  listSoftwareChanges(assetId: string, range?: { since?: string; until?: string }): Promise<SoftwareEvent[]>;
}

const INSERT_CHUNK = 500;
const SOFTWARE_COLUMNS = ['asset_id', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl', 'valid_from', 'valid_to', 'key_hash'] as const;

export class KyselyInventoryRepository implements InventoryRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly sql: EngineSql,
    private readonly bulk: BulkInserter,
  ) {}

  async recordInventory(assetId: string, packages: readonly InstalledPackage[], at: string, { markFindingsStale = false } = {}): Promise<InventoryChangeSummary> {
    // Key hashes first: full key strings are built only when two different packages share a hash.
    const byHash = keyedByHash(packages);
    const wanted = byHash ? undefined : keyedByFullKey(packages);
    const size = byHash?.size ?? wanted!.size;
    const hash = byHash ? digestOfKeyHashes(byHash) : inventoryHash([...wanted!.keys()]);
    return inTransaction(this.db, async (trx) => {
      const asset = await trx.selectFrom('assets').select(['id', 'inventory_hash']).where('id', '=', assetId).executeTakeFirst();
      if (!asset) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${assetId} not found`);
      if (asset.inventory_hash === hash) return { added: 0, removed: 0, changed: 0, unchanged: size, changes: [] };
      const { gone, added } = (byHash && (await closeByKeyHash(trx, this.sql, assetId, byHash, at))) || (await closeByRows(trx, assetId, wanted ?? keyedByFullKey(packages), at));
      // Only the packages that differ go through diffSoftware: same changes as diffing everything.
      const changes = diffSoftware(gone, added);
      await this.insertRows(trx, assetId, opened(changes), at);
      const stale = markFindingsStale && changes.length > 0;
      await trx.updateTable('assets')
        .set((eb) => ({ inventory_hash: hash, ...(stale ? { findings_stale_since: eb.case().when(eb.or([eb('findings_stale_since', 'is', null), eb('findings_stale_since', '<', at)])).then(at).else(eb.ref('findings_stale_since')).end() } : {}) }))
        .where('id', '=', assetId).execute();
      return summarize(changes, size);
    });
  }

  async listSoftware(assetId: string, at?: string): Promise<InstalledPackage[]> {
    let q = this.db
      .selectFrom('asset_software')
      .select(['ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl'])
      .where('asset_id', '=', assetId)
      .orderBy('ecosystem')
      .orderBy('name')
      .orderBy('arch')
      .orderBy('version');
    q = at === undefined
      ? q.where('valid_to', 'is', null)
      : q.where('valid_from', '<=', at).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]));
    return (await q.execute()).map(softwareRowToPackage);
  }

  async listSoftwareNamed(assetId: string, names: readonly string[]): Promise<InstalledPackage[]> {
    const out: InstalledPackage[] = [];
    for (let i = 0; i < names.length; i += INSERT_CHUNK) {
      const rows = await this.db.selectFrom('asset_software').select(['ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl'])
        .where('asset_id', '=', assetId).where('valid_to', 'is', null).where('name', 'in', names.slice(i, i + INSERT_CHUNK)).execute();
      out.push(...rows.map(softwareRowToPackage));
    }
    return out;
  }

  async listCurrentPackagesByNames(ecosystem: string, names: readonly string[]): Promise<{ assetId: string; pkg: InstalledPackage }[]> {
    const out: { assetId: string; pkg: InstalledPackage }[] = [];
    for (let i = 0; i < names.length; i += INSERT_CHUNK) {
      const chunk = names.slice(i, i + INSERT_CHUNK);
      const rows = await this.db
        .selectFrom('asset_software')
        .select(['asset_id', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl'])
        .where('valid_to', 'is', null)
        .where('ecosystem', '=', ecosystem)
        .where((eb) => eb.or([eb('name', 'in', chunk), eb('source_name', 'in', chunk)]))
        .execute();
      out.push(...rows.map((r) => ({ assetId: r.asset_id, pkg: softwareRowToPackage(r) })));
    }
    return out;
  }

  async listSoftwareChanges(assetId: string, range: { since?: string; until?: string } = {}): Promise<SoftwareEvent[]> {
    const rows = await this.db
      .selectFrom('asset_software')
      .select(['ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl', 'valid_from', 'valid_to'])
      .where('asset_id', '=', assetId)
      .execute();
    return softwareEventsFromRows(rows, range);
  }

  /** Engine in use. */
  get engineName(): Engine {
    return this.engine;
  }

  private async insertRows(trx: Kysely<Database>, assetId: string, packages: InstalledPackage[], at: string): Promise<void> {
    const rows = packages.map((p) => {
      const c = packageToSoftwareColumns(p);
      return [assetId, c.ecosystem, c.name, c.version, c.source_name, c.source_version, c.arch, c.purl, at, null, packageKeyHashOf(p)];
    });
    await this.bulk.insert(trx, 'asset_software', SOFTWARE_COLUMNS, rows);
  }
}

/** Runs fn in the caller's transaction when there is one, else in a new one. */
function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Order-independent digest of a package list, from its full keys (sorted, one per line): used
 * only when two of the packages share a key hash.
 */
function inventoryHash(fullKeys: string[]): string {
  return createHash('sha256').update(fullKeys.sort().join('\n')).update('\n').digest('hex');
}

/**
 * Order-independent digest of a package list from its key hashes (sorted, 8 bytes each): as
 * strong as the key-hash diff it guards (an equal digest skips the diff), and a tenth of the work
 * of sorting and hashing the full keys (measured on inventory check-ins).
 */
function digestOfKeyHashes(byHash: ReadonlyMap<number, InstalledPackage>): string {
  const sorted = Float64Array.from(byHash.keys()).sort();
  return createHash('sha256').update('k1\n').update(new Uint8Array(sorted.buffer)).digest('hex');
}

/**
 * The packages by key hash (duplicates collapse: the last one wins, as in keyedByFullKey);
 * undefined when two different packages share a hash (then whole rows are compared).
 */
function keyedByHash(packages: readonly InstalledPackage[]): Map<number, InstalledPackage> | undefined {
  const out = new Map<number, InstalledPackage>();
  for (const p of packages) {
    const h = packageKeyHashOf(p);
    const seen = out.get(h);
    if (seen !== undefined && packageFullKey(seen) !== packageFullKey(p)) return undefined;
    out.set(h, p);
  }
  return out;
}

/** The packages by full key (duplicates collapse: the last one wins). */
function keyedByFullKey(packages: readonly InstalledPackage[]): Map<string, InstalledPackage> {
  const out = new Map<string, InstalledPackage>();
  for (const p of packages) out.set(packageFullKey(p), p);
  return out;
}

interface CurrentDiff {
  /** The packages of closed rows that the wanted list no longer holds. */
  gone: InstalledPackage[];
  /** Wanted packages no current row holds. */
  added: InstalledPackage[];
}

/**
 * Closes (at `at`) the current rows that go, found from (id, key_hash) pairs read from
 * asset_software_current_name_idx alone; whole rows come back only for the few that close (one
 * UPDATE ... RETURNING). Undefined, closing nothing (compare whole rows instead), when a current
 * row has no hash yet (written before migration 20261127T0300).
 */
async function closeByKeyHash(trx: Kysely<Database>, engineSql: EngineSql, assetId: string, wantedByHash: ReadonlyMap<number, InstalledPackage>, at: string): Promise<CurrentDiff | undefined> {
  const current = await currentKeyHashes(trx, engineSql, assetId);
  if (!current) return undefined;
  const closeIds: number[] = [];
  const kept = new Set<number>();
  for (let i = 0; i < current.length; i += 2) {
    const h = current[i + 1]!;
    if (wantedByHash.has(h) && !kept.has(h)) kept.add(h);
    else closeIds.push(current[i]!);
  }
  const added = [...wantedByHash].filter(([h]) => !kept.has(h)).map(([, p]) => p);
  const closed = await closeRows(trx, closeIds, at);
  const gone = closed.map(softwareRowToPackage).filter((p) => !wantedByHash.has(packageKeyHashOf(p)));
  return { gone, added };
}

/**
 * The asset's current rows as [id, key hash, id, key hash, ...], read as one aggregated string
 * from asset_software_current_name_idx (a row object per row cost twice as much); undefined when
 * a row has no hash yet.
 */
async function currentKeyHashes(trx: Kysely<Database>, engineSql: EngineSql, assetId: string): Promise<number[] | undefined> {
  const { rows } = await sql<{ rows: number | string; hashed: number | string; pairs: string | null }>`
    select count(*) as rows, count(key_hash) as hashed, ${engineSql.joinedPairs('id', 'key_hash')} as pairs
    from ${engineSql.currentSoftwareByName()} where asset_id = ${assetId} and valid_to is null`.execute(trx);
  const row = rows[0]!; // an aggregate answers one row, also for no rows
  if (Number(row.rows) !== Number(row.hashed)) return undefined;
  return row.pairs ? row.pairs.split(',').map(Number) : [];
}

/**
 * Closes (at `at`) the current rows that go, found by comparing whole rows; also fills in the key
 * hash of rows that stay and have none, so the asset's next inventory takes closeByKeyHash.
 */
async function closeByRows(trx: Kysely<Database>, assetId: string, wanted: ReadonlyMap<string, InstalledPackage>, at: string): Promise<CurrentDiff> {
  const rows = await trx.selectFrom('asset_software').select(['id', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl', 'key_hash'])
    .where('asset_id', '=', assetId).where('valid_to', 'is', null).execute();
  const closeIds: number[] = [];
  const gone: InstalledPackage[] = [];
  const kept = new Set<string>();
  for (const r of rows) {
    const p = softwareRowToPackage(r);
    const k = packageFullKey(p);
    if (wanted.has(k) && !kept.has(k)) {
      kept.add(k);
      if (r.key_hash === null) await trx.updateTable('asset_software').set({ key_hash: packageKeyHash(k) }).where('id', '=', r.id).execute();
    } else {
      closeIds.push(r.id);
      if (!wanted.has(k)) gone.push(p);
    }
  }
  const added = [...wanted].filter(([k]) => !kept.has(k)).map(([, p]) => p);
  await closeRows(trx, closeIds, at);
  return { gone, added };
}

function opened(changes: SoftwareChange[]): InstalledPackage[] {
  return changes.flatMap((c) => (c.after ? [c.after] : []));
}

/** Closes these rows at `at` and returns them. */
async function closeRows(trx: Kysely<Database>, ids: number[], at: string): Promise<SoftwareColumns[]> {
  const out: SoftwareColumns[] = [];
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    out.push(...(await trx.updateTable('asset_software').set({ valid_to: at }).where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
      .returning(['ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl']).execute()));
  }
  return out;
}


function summarize(changes: SoftwareChange[], total: number): InventoryChangeSummary {
  const count = (k: SoftwareChange['kind']) => changes.filter((c) => c.kind === k).length;
  const added = count('added');
  const changed = count('changed');
  return { added, removed: count('removed'), changed, unchanged: total - added - changed, changes };
}
