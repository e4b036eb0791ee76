import { DomainError, type Clock, type InstalledPackage, type Job } from '@patchloop/core';
import type { Agent, Store, StoreTransaction } from '@patchloop/store';
import { rematchAsset } from '../detection/rematch.js';
import type { CheckInBody, CheckInResponse } from './agent-protocol.schemas.js';
import { applyInventoryDelta } from './inventory-delta.js';

export interface CheckInSettings {
  clock: Clock;
  checkInIntervalSeconds: number;
}

const FINISHED = ['succeeded', 'failed', 'timed_out', 'unknown'] as const;

/**
 * One agent check-in, in named steps: the restarted job first (so a stale-delta 409 never
 * loses it), then inventory and host facts in one transaction (a 409 changes nothing), then
 * matching, the check-in record and what the agent should do next.
 */
export async function recordAgentCheckIn(store: Store, agent: Agent, body: CheckInBody, { clock, checkInIntervalSeconds }: CheckInSettings): Promise<CheckInResponse> {
  const at = clock.nowIso();
  const restartedJob = body.restartedDuringJobId ? await markRestartedJob(store, agent, body.restartedDuringJobId, at) : undefined;
  const inventoryChanged = await store.transaction((tx) => recordInventoryAndFacts(tx, agent.assetId, body, at));
  if (inventoryChanged) await rematchAsset(store, agent.assetId, at);
  await store.agents.recordCheckIn(agent.id, { agentVersion: body.agentVersion ?? agent.agentVersion, allowedJobKinds: body.allowedJobKinds ?? agent.allowedJobKinds }, at);
  const sendFullInventory = body.inventory?.full !== true && (restartedJob !== undefined || (await needsFullInventory(store, agent, at)));
  const jobsAvailable = await countLeasableJobs(store, agent.assetId, body.allowedJobKinds ?? agent.allowedJobKinds, at);
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

/** True when the stored software changed. */
async function recordInventoryAndFacts(tx: StoreTransaction, assetId: string, body: CheckInBody, at: string): Promise<boolean> {
  await tx.assets.updateAsset(assetId, { rebootRequired: body.rebootRequired, kernel: { running: body.kernel.running, installed: body.kernel.installed } }, at);
  await tx.assets.markAssetSeen(assetId, at);
  const inv = body.inventory;
  if (!inv) return false;
  const packages: InstalledPackage[] = inv.full ? inv.packages : applyInventoryDelta(await tx.inventory.listSoftware(assetId), inv);
  const { added, removed, changed } = await tx.inventory.recordInventory(assetId, packages, at);
  return added + removed + changed > 0;
}

/**
 * A full inventory is wanted when the server holds none for the asset, or when a job of the
 * asset finished since the agent's previous check-in (it may have changed packages). A
 * restart mid-job asks for one too (in recordAgentCheckIn).
 */
async function needsFullInventory(store: Store, agent: Agent, at: string): Promise<boolean> {
  if ((await store.inventory.listSoftware(agent.assetId, at)).length === 0) return true;
  const since = agent.lastCheckInAt ?? agent.enrolledAt;
  return (await listAllJobs(store, agent.assetId, FINISHED)).some((j) => j.finishedAt !== undefined && j.finishedAt > since);
}

async function countLeasableJobs(store: Store, assetId: string, kinds: readonly string[], at: string): Promise<number> {
  const queued = await listAllJobs(store, assetId, ['queued']);
  return queued.filter((j) => j.runAfter <= at && (j.expiresAt === undefined || j.expiresAt > at) && kinds.includes(j.kind)).length;
}

/** Every job of the asset in these states (pages through listJobs). */
async function listAllJobs(store: Store, assetId: string, state: readonly Job['state'][]): Promise<Job[]> {
  const out: Job[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.jobs.listJobs({ assetId, state }, { limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
