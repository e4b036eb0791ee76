import type { Job, JobArgs, JobFailureReason, JobKind, JobResult, JobState, PinnedPackage } from '@patchloop/core';
import type { JobRow } from '../schema.js';
import { readJson, writeJson } from '../shared/json.js';

export function jobRowToJob(r: JobRow): Job {
  return {
    id: r.id, assetId: r.asset_id, kind: r.kind as JobKind, args: readJson<JobArgs>(r.args, {} as JobArgs), idempotencyKey: r.idempotency_key,
    state: r.state as JobState, attempts: r.attempts, retry: { maxAttempts: r.max_attempts, backoffSeconds: readJson<number[]>(r.backoff_seconds, []) },
    runAfter: r.run_after, timeoutSeconds: r.timeout_seconds, createdAt: r.created_at, updatedAt: r.updated_at,
    ...optional('notBefore', r.not_before), ...optional('expiresAt', r.expires_at), ...optional('leaseOwner', r.lease_owner),
    ...optional('leaseExpiresAt', r.lease_expires_at), ...optional('startedAt', r.started_at), ...optional('finishedAt', r.finished_at),
    ...optional('failureReason', r.failure_reason as JobFailureReason | null), ...optional('signature', r.signature),
    ...(r.exit_code !== null ? { result: jobRowToResult(r, r.exit_code) } : {}),
  };
}

function jobRowToResult(r: JobRow, exitCode: number): JobResult {
  const before = readJson<PinnedPackage[] | null>(r.packages_before, null);
  const after = readJson<PinnedPackage[] | null>(r.packages_after, null);
  return { exitCode, logTail: r.log_tail ?? '', logTruncated: r.log_truncated === 1, ...(before ? { packagesBefore: before } : {}), ...(after ? { packagesAfter: after } : {}) };
}

export function jobToRow(j: Job): JobRow {
  return {
    id: j.id, asset_id: j.assetId, kind: j.kind, args: writeJson(j.args), idempotency_key: j.idempotencyKey, max_attempts: j.retry.maxAttempts,
    backoff_seconds: writeJson(j.retry.backoffSeconds), not_before: j.notBefore ?? null, expires_at: j.expiresAt ?? null, timeout_seconds: j.timeoutSeconds,
    created_at: j.createdAt, signature: j.signature ?? null, ...jobToStatePatch(j),
  };
}

/** The columns a transition may change. */
export function jobToStatePatch(j: Job): Pick<JobRow, 'state' | 'attempts' | 'run_after' | 'lease_owner' | 'lease_expires_at' | 'updated_at' | 'started_at' | 'finished_at' | 'failure_reason' | 'exit_code' | 'log_tail' | 'log_truncated' | 'packages_before' | 'packages_after'> {
  const r = j.result;
  return {
    state: j.state, attempts: j.attempts, run_after: j.runAfter, lease_owner: j.leaseOwner ?? null, lease_expires_at: j.leaseExpiresAt ?? null,
    updated_at: j.updatedAt, started_at: j.startedAt ?? null, finished_at: j.finishedAt ?? null, failure_reason: j.failureReason ?? null,
    exit_code: r?.exitCode ?? null, log_tail: r?.logTail ?? null, log_truncated: r ? (r.logTruncated ? 1 : 0) : null,
    packages_before: r?.packagesBefore ? writeJson(r.packagesBefore) : null, packages_after: r?.packagesAfter ? writeJson(r.packagesAfter) : null,
  };
}

function optional<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}
