import type { Kysely } from 'kysely';
import type { FindingDelta } from '@patchloop/core';
import type { Database } from '../schema.js';
import { findingRowToStored, findingToColumns, type StoredFinding } from './finding.mapper.js';

export interface FindingFilter {
  assetId?: string;
  advisoryId?: string;
  /** Any of these advisory ids. */
  advisoryIds?: readonly string[];
  /** open (default), resolved, or all */
  state?: 'open' | 'resolved' | 'all';
  /** Only findings on packages with one of these (binary) names. */
  packageNames?: readonly string[];
}

export interface FindingDeltaSummary {
  opened: number;
  reopened: number;
  changed: number;
  resolved: number;
}

export interface FindingRepository {
  /**
   * Persists matcher deltas at time `at`: opened findings are inserted (or reopened when they were
   * resolved before: first_seen is kept, reopened_count grows), changed ones get their new content,
   * closed ones get resolved_at. One transaction.
   */
  applyFindingDeltas(deltas: readonly FindingDelta[], at: string): Promise<FindingDeltaSummary>;
  /** Marks every open finding of the asset as seen at `at` (the asset was re-evaluated). */
  touchOpenFindings(assetId: string, at: string): Promise<void>;
  listFindings(filter: FindingFilter): Promise<StoredFinding[]>;
}

export class KyselyFindingRepository implements FindingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async applyFindingDeltas(deltas: readonly FindingDelta[], at: string): Promise<FindingDeltaSummary> {
    const run = async (trx: Kysely<Database>) => {
      const summary: FindingDeltaSummary = { opened: 0, reopened: 0, changed: 0, resolved: 0 };
      for (const d of deltas) {
        for (const f of d.opened) {
          const existing = await trx.selectFrom('findings').select(['resolved_at']).where('finding_key', '=', f.key).executeTakeFirst();
          if (!existing) {
            await trx.insertInto('findings').values({ finding_key: f.key, ...findingToColumns(f), first_seen: at, last_seen: at, resolved_at: null, reopened_count: 0 }).execute();
            summary.opened++;
          } else if (existing.resolved_at !== null) {
            await trx.updateTable('findings').set((eb) => ({ ...findingToColumns(f), last_seen: at, resolved_at: null, reopened_count: eb('reopened_count', '+', 1) })).where('finding_key', '=', f.key).execute();
            summary.reopened++;
          } else {
            // Already open (e.g. a matcher rebuilt after a restart re-reports it): refresh, do not reopen.
            await trx.updateTable('findings').set({ ...findingToColumns(f), last_seen: at }).where('finding_key', '=', f.key).execute();
            summary.changed++;
          }
        }
        for (const f of d.changed) {
          await trx.updateTable('findings').set({ ...findingToColumns(f), last_seen: at }).where('finding_key', '=', f.key).execute();
          summary.changed++;
        }
        for (const f of d.closed) {
          await trx.updateTable('findings').set({ resolved_at: at, last_seen: at }).where('finding_key', '=', f.key).where('resolved_at', 'is', null).execute();
          summary.resolved++;
        }
      }
      return summary;
    };
    return this.db.isTransaction ? run(this.db) : this.db.transaction().execute(run);
  }

  async touchOpenFindings(assetId: string, at: string): Promise<void> {
    await this.db.updateTable('findings').set({ last_seen: at }).where('asset_id', '=', assetId).where('resolved_at', 'is', null).execute();
  }

  async listFindings(filter: FindingFilter): Promise<StoredFinding[]> {
    if (filter.advisoryIds) {
      const { advisoryIds, ...rest } = filter;
      const out: StoredFinding[] = [];
      for (let i = 0; i < advisoryIds.length; i += 500) out.push(...(await this.listFindingsWhere(rest, advisoryIds.slice(i, i + 500))));
      return out;
    }
    if (filter.packageNames && filter.packageNames.length > 500) {
      const { packageNames, ...rest } = filter;
      const out: StoredFinding[] = [];
      for (let i = 0; i < packageNames.length; i += 500) out.push(...(await this.listFindingsWhere({ ...rest, packageNames: packageNames.slice(i, i + 500) })));
      return out;
    }
    return this.listFindingsWhere(filter);
  }

  private async listFindingsWhere({ assetId, advisoryId, state = 'open', packageNames }: FindingFilter, advisoryIds?: readonly string[]): Promise<StoredFinding[]> {
    if (packageNames?.length === 0) return [];
    let q = this.db.selectFrom('findings').selectAll().orderBy('finding_key');
    if (assetId) q = q.where('asset_id', '=', assetId);
    if (packageNames) q = q.where('package_name', 'in', packageNames);
    if (advisoryId) q = q.where('advisory_id', '=', advisoryId);
    if (advisoryIds) q = q.where('advisory_id', 'in', advisoryIds);
    if (state === 'open') q = q.where('resolved_at', 'is', null);
    if (state === 'resolved') q = q.where('resolved_at', 'is not', null);
    return (await q.execute()).map(findingRowToStored);
  }
}
