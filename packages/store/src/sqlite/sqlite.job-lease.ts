import { sql } from 'kysely';
import { transitionJob } from '@patchloop/core';
import { jobRowToJob, jobToStatePatch } from '../jobs/job.mapper.js';
import { leasableJobs, type JobLeaser } from '../jobs/job-lease.js';

/**
 * SQLite has one writer at a time: BEGIN IMMEDIATE takes the write lock before reading, so the
 * pick and the update cannot interleave with another connection's lease (Kysely's own transaction
 * would BEGIN DEFERRED and could fail to upgrade). The state change is core's transitionJob.
 */
export const sqliteJobLeaser: JobLeaser = {
  async leaseNext(db, query) {
    if (query.kinds.length === 0) return undefined;
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const row = await leasableJobs(conn, query).selectAll().limit(1).executeTakeFirst();
        const leased = row && transitionJob(jobRowToJob(row), { type: 'lease', agentId: query.agentId, leaseSeconds: query.leaseSeconds }, query.at);
        const updated = leased && (await conn.updateTable('jobs').set(jobToStatePatch(leased)).where('id', '=', leased.id).where('state', '=', 'queued').returningAll().executeTakeFirstOrThrow());
        await sql`commit`.execute(conn);
        return updated;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
  },
};
