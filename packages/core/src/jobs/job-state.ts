import { DomainError } from '../errors/domain-error.js';
import type { JobArgs, JobKind } from './job-kinds.js';
import type { JobResult } from './job-result.js';

export type JobState = 'queued' | 'leased' | 'running' | 'succeeded' | 'failed' | 'timed_out' | 'unknown';

export const JOB_STATES: readonly JobState[] = ['queued', 'leased', 'running', 'succeeded', 'failed', 'timed_out', 'unknown'];

/** No transition leaves these. */
export const TERMINAL_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'timed_out'];

/** Why a job ended in failed or timed_out. */
export type JobFailureReason = 'exit-code' | 'refused' | 'lease-expired' | 'cancelled';

/**
 * How often a job is tried and how long to wait between tries. The wait before attempt n+1 is
 * backoffSeconds[n-1] (the last entry repeats).
 */
export interface RetryPolicy {
  maxAttempts: number;
  backoffSeconds: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoffSeconds: [30, 120, 600] };

/** A job as the domain sees it. Timestamps are ISO-8601 UTC strings. */
export interface Job {
  id: string;
  assetId: string;
  kind: JobKind;
  args: JobArgs;
  idempotencyKey: string;
  state: JobState;
  /** Leases so far (each lease is one attempt). */
  attempts: number;
  retry: RetryPolicy;
  /** Signed: the earliest time the operator wants the job to run. */
  notBefore?: string;
  /** Signed: agents refuse the job after this. */
  expiresAt?: string;
  /** Scheduling, not signed: notBefore, pushed back by the retry backoff. */
  runAfter: string;
  /** How long a started job may run before its lease expires. */
  timeoutSeconds: number;
  leaseOwner?: string;
  leaseExpiresAt?: string;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  failureReason?: JobFailureReason;
  result?: JobResult;
  /** Ed25519 signature (base64url) over jobSigningBytes(job). */
  signature?: string;
}

export type JobEvent =
  | { type: 'lease'; agentId: string; leaseSeconds: number }
  | { type: 'start' }
  | { type: 'succeed'; result: JobResult }
  | { type: 'fail'; result?: JobResult; reason?: 'exit-code' | 'refused' }
  | { type: 'lease-expired' }
  | { type: 'agent-restarted-mid-job' }
  | { type: 'cancel' };

export type JobEventType = JobEvent['type'];

/** One allowed transition. lease-expired has two targets, chosen by the retry policy. */
export interface JobTransition {
  from: JobState;
  event: JobEventType;
  to: readonly JobState[];
}

/** Every allowed transition; anything not listed is E_JOB_TRANSITION. */
export const JOB_TRANSITIONS: readonly JobTransition[] = [
  { from: 'queued', event: 'lease', to: ['leased'] },
  { from: 'queued', event: 'cancel', to: ['failed'] },
  { from: 'leased', event: 'start', to: ['running'] },
  { from: 'leased', event: 'fail', to: ['failed'] },
  { from: 'leased', event: 'lease-expired', to: ['queued', 'timed_out'] },
  { from: 'leased', event: 'cancel', to: ['failed'] },
  { from: 'running', event: 'succeed', to: ['succeeded'] },
  { from: 'running', event: 'fail', to: ['failed'] },
  { from: 'running', event: 'lease-expired', to: ['queued', 'timed_out'] },
  { from: 'running', event: 'agent-restarted-mid-job', to: ['unknown'] },
  { from: 'unknown', event: 'succeed', to: ['succeeded'] },
  { from: 'unknown', event: 'fail', to: ['failed'] },
  { from: 'unknown', event: 'cancel', to: ['failed'] },
];

/** Where each event would take a job, for error messages. */
const EVENT_TARGET: Record<JobEventType, string> = {
  lease: 'leased', start: 'running', succeed: 'succeeded', fail: 'failed', 'lease-expired': 'queued/timed_out', 'agent-restarted-mid-job': 'unknown', cancel: 'failed',
};

export function findJobTransition(from: JobState, event: JobEventType): JobTransition | undefined {
  return JOB_TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/**
 * When the next attempt may start after `attempts` tries ended at `at`.
 * @example nextAttemptAt({ maxAttempts: 3, backoffSeconds: [30] }, 1, '2026-01-01T00:00:00.000Z') // "2026-01-01T00:00:30.000Z"
 */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, at: string): string {
  const steps = policy.backoffSeconds;
  const wait = steps.length === 0 ? 0 : (steps[Math.min(Math.max(attempts, 1), steps.length) - 1] ?? 0);
  return addSeconds(at, wait);
}

/** at + seconds, as canonical ISO-8601 UTC. */
export function addSeconds(at: string, seconds: number): string {
  return new Date(Date.parse(at) + seconds * 1000).toISOString();
}

/**
 * Applies one event to a job and returns the new job, or throws E_JOB_TRANSITION (conflict)
 * naming the state, the event and its target.
 * @example transitionJob(job, { type: 'lease', agentId, leaseSeconds: 60 }, at).state // "leased"
 */
export function transitionJob(job: Job, event: JobEvent, at: string): Job {
  if (!findJobTransition(job.state, event.type)) {
    throw new DomainError('E_JOB_TRANSITION', 'conflict', `job ${job.id}: ${job.state} -> ${EVENT_TARGET[event.type]} (${event.type}) is not allowed`);
  }
  return { ...APPLY[event.type](job, event as never, at), updatedAt: at };
}

const APPLY: { [E in JobEventType]: (job: Job, event: Extract<JobEvent, { type: E }>, at: string) => Job } = {
  lease: (job, e, at) => ({ ...job, state: 'leased', attempts: job.attempts + 1, leaseOwner: e.agentId, leaseExpiresAt: addSeconds(at, e.leaseSeconds) }),
  start: (job, _e, at) => ({ ...job, state: 'running', startedAt: at, leaseExpiresAt: addSeconds(at, job.timeoutSeconds) }),
  succeed: (job, e, at) => finish(job, 'succeeded', at, { result: e.result }),
  fail: (job, e, at) => finish(job, 'failed', at, { failureReason: e.reason ?? 'exit-code', ...(e.result ? { result: e.result } : {}) }),
  'lease-expired': (job, _e, at) =>
    job.attempts < job.retry.maxAttempts
      ? { ...withoutLease(job), state: 'queued', runAfter: nextAttemptAt(job.retry, job.attempts, at) }
      : finish(job, 'timed_out', at, { failureReason: 'lease-expired' }),
  'agent-restarted-mid-job': (job) => ({ ...withoutLease(job), state: 'unknown' }),
  cancel: (job, _e, at) => finish(job, 'failed', at, { failureReason: 'cancelled' }),
};

function finish(job: Job, state: JobState, at: string, extra: Partial<Job>): Job {
  return { ...withoutLease(job), ...extra, state, finishedAt: at };
}

function withoutLease(job: Job): Job {
  const { leaseOwner: _owner, leaseExpiresAt: _expires, ...rest } = job;
  return rest;
}
