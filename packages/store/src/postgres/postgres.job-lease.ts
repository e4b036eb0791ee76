import { addSeconds } from '@patchloop/core';
import { leasableJobs, type JobLeaser } from '../jobs/job-lease.js';

/**
 * One statement: UPDATE jobs ... WHERE id = (SELECT id ... FOR UPDATE SKIP LOCKED LIMIT 1)
 * RETURNING *. Concurrent callers skip a row another has locked instead of waiting for it, so
 * replicas never lease the same job. The SET is core's 'lease' transition written in SQL (the
 * contract suite checks the two agree).
 */
export const postgresJobLeaser: JobLeaser = {
  async leaseNext(db, query) {
    if (query.kinds.length === 0) return undefined;
    const next = leasableJobs(db, query).select('id').limit(1).forUpdate().skipLocked();
    return db.updateTable('jobs')
      .set((eb) => ({ state: 'leased', attempts: eb('attempts', '+', 1), lease_owner: query.agentId, lease_expires_at: addSeconds(query.at, query.leaseSeconds), updated_at: query.at }))
      .where('id', '=', next)
      .returningAll()
      .executeTakeFirst();
  },
};
