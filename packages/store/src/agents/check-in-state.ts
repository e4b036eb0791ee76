import { sql, type Kysely } from 'kysely';
import type { AgentRow, Database } from '../schema.js';
import type { JobKind } from '@patchloop/core';
import { leasableJobs } from '../jobs/job-lease.js';
import type { CheckInState } from './agent.types.js';

interface StateColumns {
  has_inventory: number | boolean;
  last_job_finished_at: string | null;
  queued_jobs: number | string;
}

/** Id lists are padded to these lengths (repeating the last id), so few distinct SQL texts exist. */
const BUCKETS = [1, 2, 4, 8, 16, 32, 64];
export const MAX_CHECK_IN_BATCH = BUCKETS[BUCKETS.length - 1]!;

/**
 * The live agent rows with everything a check-in answers, in one read on indexed columns:
 * current software exists (asset_software_current_name_idx), the newest job end of the asset
 * (jobs_asset_finished_idx), and how many jobs are queued, due and unexpired
 * (jobs_queued_idx). Kinds are not filtered here: most check-ins find no queued job at all,
 * and countLeasableJobs answers precisely when some are. Up to MAX_CHECK_IN_BATCH agents per call.
 */
export async function readAgentsWithCheckInState(db: Kysely<Database>, agentIds: readonly string[], at: string): Promise<Map<string, { row: AgentRow; state: CheckInState }>> {
  const out = new Map<string, { row: AgentRow; state: CheckInState }>();
  if (agentIds.length === 0) return out;
  if (agentIds.length > MAX_CHECK_IN_BATCH) throw new RangeError(`at most ${MAX_CHECK_IN_BATCH} agents per check-in read`);
  const size = BUCKETS.find((b) => b >= agentIds.length)!;
  const ids = [...agentIds, ...Array<string>(size - agentIds.length).fill(agentIds[agentIds.length - 1]!)];
  const { rows } = await sql<AgentRow & StateColumns>`SELECT agents.*,
      EXISTS (SELECT 1 FROM asset_software s WHERE s.asset_id = agents.asset_id AND s.valid_to IS NULL) AS has_inventory,
      (SELECT max(j.finished_at) FROM jobs j WHERE j.asset_id = agents.asset_id AND j.finished_at IS NOT NULL) AS last_job_finished_at,
      (SELECT count(*) FROM jobs q WHERE q.asset_id = agents.asset_id AND q.state = 'queued' AND q.run_after <= ${at}
        AND (q.expires_at IS NULL OR q.expires_at > ${at})) AS queued_jobs
    FROM agents WHERE agents.id IN (${sql.join(ids)}) AND agents.revoked_at IS NULL`.execute(db);
  for (const { has_inventory, last_job_finished_at, queued_jobs, ...row } of rows) {
    const state: CheckInState = { hasInventory: has_inventory === true || has_inventory === 1, queuedJobs: Number(queued_jobs) };
    if (last_job_finished_at !== null) state.lastJobFinishedAt = last_job_finished_at;
    out.set(row.id, { row, state });
  }
  return out;
}

/** Queued jobs of these kinds the asset's agent may lease now (what leaseNextJob would hand out). */
export async function countLeasableJobs(db: Kysely<Database>, assetId: string, kinds: readonly JobKind[], at: string): Promise<number> {
  if (kinds.length === 0) return 0;
  const r = await leasableJobs(db, { assetId, kinds, at }).clearOrderBy().select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
