import { DomainError, parseAllowedJobKinds, type Clock, type InstalledPackage, type Job } from '@patchloop/core';
import type { Agent, CheckInFacts, CheckInState, Store, StoreTransaction } from '@patchloop/store';
import type { DetectionQueue } from '../detection/detection-queue.js';
import { packageNameKey } from '../detection/rematch.js';
import type { CheckInBody, CheckInResponse } from './agent-protocol.schemas.js';
import type { CheckInBuffer } from './check-in-buffer.js';
import { applyInventoryDelta } from './inventory-delta.js';

export interface CheckInContext {
  store: Store;
  clock: Clock;
  checkInIntervalSeconds: number;
  /** Where heartbeat facts wait to be written in batches. */
  buffer: CheckInBuffer;
  /** Where assets whose software changed wait to be re-matched. */
  detection: DetectionQueue;
}

/**
 * One agent check-in, in named steps. A heartbeat (no inventory, no restarted job) costs the one
 * read that authenticated it (`state`), plus a job count when jobs are queued; its facts go to
 * the write-behind buffer. A check-in that carries an inventory or a restarted job is written
 * before it is answered: the restarted job first (so a stale-delta 409 never loses it), then the
 * inventory with its facts and the stale mark in one transaction (a 409 changes nothing).
 * Re-matching runs after the answer (DetectionQueue).
 */
export async function recordAgentCheckIn(ctx: CheckInContext, agent: Agent, state: CheckInState, body: CheckInBody): Promise<CheckInResponse> {
  const { store, clock, buffer, checkInIntervalSeconds } = ctx;
  const at = clock.nowIso();
  const previousCheckIn = newest(buffer.pendingAt(agent.id), agent.lastCheckInAt) ?? agent.enrolledAt;
  const restartedJob = body.restartedDuringJobId ? await markRestartedJob(store, agent, body.restartedDuringJobId, at) : undefined;
  const kinds = body.allowedJobKinds ? parseAllowedJobKinds(body.allowedJobKinds) : agent.allowedJobKinds;
  const facts: CheckInFacts = { agentId: agent.id, assetId: agent.assetId, at, agentVersion: body.agentVersion ?? agent.agentVersion, allowedJobKinds: kinds, rebootRequired: body.rebootRequired, kernel: body.kernel, updatesAvailable: body.updatesAvailable };
  if (body.inventory) {
    await recordInventoryAndFacts(ctx, body.inventory, facts);
    buffer.forget(agent.id, at);
  } else {
    buffer.add(facts);
  }
  if (restartedJob) await buffer.flush();
  const jobFinishedSince = state.lastJobFinishedAt !== undefined && state.lastJobFinishedAt > previousCheckIn;
  const sendFullInventory = body.inventory?.full !== true && (restartedJob !== undefined || !state.hasInventory || jobFinishedSince);
  const jobsAvailable = state.queuedJobs === 0 ? 0 : await store.agents.countLeasableJobs(agent.assetId, kinds, at);
  return {
    sendFullInventory, jobsAvailable, nextCheckInSeconds: checkInIntervalSeconds, jitterSeconds: Math.max(1, Math.round(checkInIntervalSeconds / 10)),
    ...(restartedJob ? { restartedJob: { id: restartedJob.id, state: restartedJob.state } } : {}),
  };
}

/**
 * The agent restarted while running this job: it becomes 'unknown' and is never run again.
 * A job already past 'running' (a re-sent check-in, a late report) is left as it is.
 */
async function markRestartedJob(store: Store, agent: Agent, jobId: string, at: string): Promise<Job> {
  const job = await store.jobs.findJob(jobId);
  if (!job || job.assetId !== agent.assetId) throw new DomainError('E_JOB_NOT_FOUND', 'not_found', `job ${jobId} not found for this agent`, { location: { field: 'restartedDuringJobId' } });
  return job.state === 'running' ? store.jobs.markAgentRestarted(jobId, agent.id, at) : job;
}

/**
 * Stores the inventory, the check-in's facts and, when software changed, the stale mark, in one
 * transaction (a stale delta changes nothing); then queues the re-match. recordAgentCheckIn then
 * drops any older buffered heartbeat of the agent, which would otherwise overwrite these facts.
 */
async function recordInventoryAndFacts({ store, detection }: CheckInContext, inv: NonNullable<CheckInBody['inventory']>, facts: CheckInFacts): Promise<void> {
  const { assetId, at } = facts;
  const changed = await store.transaction(async (tx: StoreTransaction) => {
    const packages: InstalledPackage[] = inv.full ? inv.packages : applyInventoryDelta(await tx.inventory.listSoftware(assetId), inv);
    const { changes } = await tx.inventory.recordInventory(assetId, packages, at, { markFindingsStale: true });
    await tx.agents.recordCheckIns([facts]);
    return new Set(changes.flatMap((c) => [c.before, c.after]).filter((p) => p !== undefined).map(packageNameKey));
  });
  if (changed.size > 0) detection.enqueue(assetId, at, changed);
}

function newest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a > b ? a : b;
}
