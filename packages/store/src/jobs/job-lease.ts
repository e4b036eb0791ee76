import type { Kysely } from 'kysely';
import type { JobKind } from '@patchloop/core';
import type { Database, JobRow } from '../schema.js';

/** What one lease asks for: the next runnable job of an asset, of a kind the agent allows. */
export interface LeaseQuery {
  agentId: string;
  assetId: string;
  kinds: readonly JobKind[];
  leaseSeconds: number;
  at: string;
}

/**
 * Leases at most one job so that concurrent callers never get the same one. Implementations:
 * postgres/postgres.job-lease.ts (UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED LIMIT 1)
 * RETURNING) and sqlite/sqlite.job-lease.ts (BEGIN IMMEDIATE: one writer at a time). Both apply the
 * core 'lease' transition: state leased, attempts + 1, lease owner and expiry.
 */
export interface JobLeaser {
  leaseNext(db: Kysely<Database>, query: LeaseQuery): Promise<JobRow | undefined>;
}

/** Queued jobs of the asset that may run now, oldest first; both engines pick from this. */
export function leasableJobs(db: Kysely<Database>, { assetId, kinds, at }: Pick<LeaseQuery, 'assetId' | 'kinds' | 'at'>) {
  return db.selectFrom('jobs')
    .where('asset_id', '=', assetId).where('state', '=', 'queued').where('run_after', '<=', at)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .where('kind', 'in', [...kinds])
    .orderBy('run_after').orderBy('id');
}
