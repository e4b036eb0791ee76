import type { Kysely } from 'kysely';
import {
  DEFAULT_RETRY_POLICY, DomainError, canonicalJson, capLogTail, invalidInput, transitionJob, validateJobArgs,
  type Job, type JobEvent, type JobKind, type JobResult, type JobState, type PinnedPackage, type RetryPolicy, type SignableJob,
} from '@patchloop/core';
import type { Database } from '../schema.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/cursor.js';
import { agentRowToAgent } from '../agents/agent.mapper.js';
import type { Agent } from '../agents/agent.types.js';
import { jobRowToJob, jobToRow, jobToStatePatch } from './job.mapper.js';
import type { JobLeaser } from './job-lease.js';

export interface EnqueueJobInput {
  assetId: string;
  kind: JobKind;
  args: unknown;
  /** Unique per asset: enqueuing the same key again returns the existing job. */
  idempotencyKey: string;
  notBefore?: string;
  expiresAt?: string;
  /** How long a started job may run (default 900). */
  timeoutSeconds?: number;
  retry?: RetryPolicy;
}

export interface EnqueueJobOptions {
  at: string;
  /** Signs the new job (e.g. (job) => signJob(job, serverKeyPem)); the signature is stored with it. */
  sign?: (job: SignableJob) => string;
}

/** What an agent reports when a job it started ends. */
export interface JobReport {
  exitCode: number;
  /** The job's output; only its last LOG_TAIL_MAX_BYTES are kept. */
  log: string;
  packagesBefore?: PinnedPackage[];
  packagesAfter?: PinnedPackage[];
}

export interface JobFilter {
  assetId?: string;
  state?: JobState | readonly JobState[];
  kind?: JobKind;
}

/** One job moved by expireLeases. */
export interface ExpiredLease {
  jobId: string;
  from: JobState;
  to: JobState;
  attempts: number;
}

/** The per-asset job queue: enqueue, lease, report, expire; every state change goes through core's transitionJob. */
export interface JobRepository {
  enqueueJob(input: EnqueueJobInput, options: EnqueueJobOptions): Promise<{ job: Job; created: boolean }>;
  /** Leases the asset's next runnable job of a kind the agent allows, or undefined. Never hands one job to two callers. */
  leaseNextJob(agentId: string, assetId: string, leaseSeconds: number, at: string): Promise<Job | undefined>;
  startJob(jobId: string, agentId: string, at: string): Promise<Job>;
  /** Ends a started job: exit code 0 succeeds, anything else fails. Also accepts a late report for an unknown job. */
  completeJob(jobId: string, agentId: string, report: JobReport, at: string): Promise<Job>;
  /** The agent will not run a job it leased (kind not allowed locally, bad signature, expired). */
  refuseJob(jobId: string, agentId: string, reason: string, at: string): Promise<Job>;
  /** The agent restarted while running this job: its outcome is unknown. */
  markAgentRestarted(jobId: string, agentId: string, at: string): Promise<Job>;
  cancelJob(jobId: string, at: string): Promise<Job>;
  /** Applies lease-expired to every leased or running job whose lease ended at or before `at`. */
  expireLeases(at: string): Promise<ExpiredLease[]>;
  findJob(id: string): Promise<Job | undefined>;
  listJobs(filter: JobFilter, page?: { limit?: number; cursor?: string }): Promise<Page<Job>>;
}

export class KyselyJobRepository implements JobRepository {
  constructor(private readonly db: Kysely<Database>, private readonly leaser: JobLeaser) {}

  async enqueueJob(input: EnqueueJobInput, { at, sign }: EnqueueJobOptions): Promise<{ job: Job; created: boolean }> {
    const agent = await this.liveAgentOfAsset(input.assetId);
    const args = validateJobArgs(input.kind, input.args, { hostAllowsScripts: agent?.allowedJobKinds.includes('script') ?? false });
    const job = newJob(input, args, at);
    const signed: Job = sign ? { ...job, signature: sign(job) } : job;
    const r = await this.db.insertInto('jobs').values(jobToRow(signed)).onConflict((oc) => oc.columns(['asset_id', 'idempotency_key']).doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) return { job: signed, created: true };
    const existing = await this.db.selectFrom('jobs').selectAll().where('asset_id', '=', input.assetId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
    const found = jobRowToJob(existing);
    if (found.kind !== input.kind || canonicalJson(found.args) !== canonicalJson(args)) {
      throw new DomainError('E_JOB_IDEMPOTENCY_MISMATCH', 'conflict', `idempotency key "${input.idempotencyKey}" already names job ${found.id} with other arguments`);
    }
    return { job: found, created: false };
  }

  async leaseNextJob(agentId: string, assetId: string, leaseSeconds: number, at: string): Promise<Job | undefined> {
    if (!Number.isInteger(leaseSeconds) || leaseSeconds < 1) throw invalidInput('E_LEASE_INVALID', 'leaseSeconds must be a whole number >= 1', { field: 'leaseSeconds' });
    const agent = await this.agentFor(agentId, assetId);
    const row = await this.leaser.leaseNext(this.db, { agentId, assetId, kinds: agent.allowedJobKinds, leaseSeconds, at });
    return row ? jobRowToJob(row) : undefined;
  }

  async startJob(jobId: string, agentId: string, at: string): Promise<Job> {
    return this.applyAsAgent(jobId, agentId, { type: 'start' }, at);
  }

  async completeJob(jobId: string, agentId: string, report: JobReport, at: string): Promise<Job> {
    const result = reportToResult(report);
    return this.applyAsAgent(jobId, agentId, result.exitCode === 0 ? { type: 'succeed', result } : { type: 'fail', result, reason: 'exit-code' }, at);
  }

  async refuseJob(jobId: string, agentId: string, reason: string, at: string): Promise<Job> {
    return this.applyAsAgent(jobId, agentId, { type: 'fail', reason: 'refused', result: reportToResult({ exitCode: -1, log: reason }) }, at);
  }

  async markAgentRestarted(jobId: string, agentId: string, at: string): Promise<Job> {
    return this.applyAsAgent(jobId, agentId, { type: 'agent-restarted-mid-job' }, at);
  }

  async cancelJob(jobId: string, at: string): Promise<Job> {
    return this.apply(await this.mustFind(jobId), { type: 'cancel' }, at);
  }

  async expireLeases(at: string): Promise<ExpiredLease[]> {
    const rows = await this.db.selectFrom('jobs').selectAll().where('state', 'in', ['leased', 'running']).where('lease_expires_at', '<=', at).orderBy('id').execute();
    const out: ExpiredLease[] = [];
    for (const row of rows) {
      const before = jobRowToJob(row);
      const after = await this.apply(before, { type: 'lease-expired' }, at).catch((e: unknown) => lostRace(e));
      if (after) out.push({ jobId: before.id, from: before.state, to: after.state, attempts: after.attempts });
    }
    return out;
  }

  async findJob(id: string): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? jobRowToJob(row) : undefined;
  }

  async listJobs({ assetId, state, kind }: JobFilter, { limit = 100, cursor }: { limit?: number; cursor?: string } = {}): Promise<Page<Job>> {
    let q = this.db.selectFrom('jobs').selectAll().orderBy('id').limit(limit + 1);
    if (assetId !== undefined) q = q.where('asset_id', '=', assetId);
    if (kind !== undefined) q = q.where('kind', '=', kind);
    if (state !== undefined) q = q.where('state', 'in', typeof state === 'string' ? [state] : [...state]);
    if (cursor !== undefined) q = q.where('id', '>', decodeCursor(cursor));
    const rows = await q.execute();
    const items = rows.slice(0, limit).map(jobRowToJob);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
  }

  /** Agents may only move jobs of their own asset, and only leases they hold. */
  private async applyAsAgent(jobId: string, agentId: string, event: JobEvent, at: string): Promise<Job> {
    const before = await this.mustFind(jobId);
    await this.agentFor(agentId, before.assetId);
    if (before.leaseOwner !== undefined && before.leaseOwner !== agentId) {
      throw new DomainError('E_JOB_LEASE_NOT_HELD', 'conflict', `job ${jobId} is leased by another agent`);
    }
    return this.apply(before, event, at);
  }

  /** transitionJob, then an update guarded on the state read, so a concurrent change wins cleanly. */
  private async apply(before: Job, event: JobEvent, at: string): Promise<Job> {
    const after = transitionJob(before, event, at);
    const r = await this.db.updateTable('jobs').set(jobToStatePatch(after))
      .where('id', '=', before.id).where('state', '=', before.state).where('attempts', '=', before.attempts).where('updated_at', '=', before.updatedAt)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new DomainError('E_JOB_CONCURRENT_UPDATE', 'conflict', `job ${before.id} changed while ${event.type} was applied`);
    return after;
  }

  private async mustFind(id: string): Promise<Job> {
    const job = await this.findJob(id);
    if (!job) throw new DomainError('E_JOB_NOT_FOUND', 'not_found', `job ${id} not found`);
    return job;
  }

  private async agentFor(agentId: string, assetId: string): Promise<Agent> {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', agentId).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) throw new DomainError('E_AGENT_UNAUTHORIZED', 'unauthorized', `agent ${agentId} is not enrolled or was revoked`);
    if (row.asset_id !== assetId) throw new DomainError('E_AGENT_FORBIDDEN', 'forbidden', `agent ${agentId} does not serve asset ${assetId}`);
    return agentRowToAgent(row);
  }

  private async liveAgentOfAsset(assetId: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('asset_id', '=', assetId).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? agentRowToAgent(row) : undefined;
  }
}

function newJob(input: EnqueueJobInput, args: Job['args'], at: string): Job {
  const { timeoutSeconds = 900, retry = DEFAULT_RETRY_POLICY } = input;
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) throw invalidInput('E_JOB_ARGS_INVALID', 'timeoutSeconds must be a whole number >= 1', { field: 'timeoutSeconds' });
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) throw invalidInput('E_JOB_ARGS_INVALID', 'retry.maxAttempts must be >= 1', { field: 'retry.maxAttempts' });
  if (input.idempotencyKey.trim() === '') throw invalidInput('E_JOB_ARGS_INVALID', 'idempotencyKey is empty', { field: 'idempotencyKey' });
  return {
    id: newId(), assetId: input.assetId, kind: input.kind, args, idempotencyKey: input.idempotencyKey, state: 'queued', attempts: 0,
    retry: { maxAttempts: retry.maxAttempts, backoffSeconds: [...retry.backoffSeconds] }, runAfter: input.notBefore ?? at, timeoutSeconds,
    createdAt: at, updatedAt: at, ...(input.notBefore ? { notBefore: input.notBefore } : {}), ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
  };
}

function reportToResult({ exitCode, log, packagesBefore, packagesAfter }: JobReport): JobResult {
  if (!Number.isInteger(exitCode)) throw invalidInput('E_JOB_RESULT_INVALID', 'exitCode must be an integer', { field: 'exitCode' });
  const { tail, truncated } = capLogTail(log);
  return { exitCode, logTail: tail, logTruncated: truncated, ...(packagesBefore ? { packagesBefore } : {}), ...(packagesAfter ? { packagesAfter } : {}) };
}

/** expireLeases runs on every replica: a job another replica (or its agent) moved first is skipped. */
function lostRace(e: unknown): undefined {
  if (e instanceof DomainError && (e.code === 'E_JOB_CONCURRENT_UPDATE' || e.code === 'E_JOB_TRANSITION')) return undefined;
  throw e;
}
