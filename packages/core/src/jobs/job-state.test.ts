import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.js';
import { JOB_STATES, JOB_TRANSITIONS, nextAttemptAt, transitionJob, type Job, type JobEvent, type JobEventType, type JobState } from './job-state.js';

const AT = '2026-11-27T10:00:00.000Z';
const RESULT = { exitCode: 0, logTail: 'ok', logTruncated: false };

function job(state: JobState, change: Partial<Job> = {}): Job {
  return {
    id: 'job-1', assetId: 'asset-1', kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] }, idempotencyKey: 'k1',
    state, attempts: state === 'queued' ? 0 : 1, retry: { maxAttempts: 3, backoffSeconds: [30, 120] }, runAfter: '2026-11-27T09:00:00.000Z',
    timeoutSeconds: 600, createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z',
    ...(state === 'leased' || state === 'running' ? { leaseOwner: 'agent-1', leaseExpiresAt: '2026-11-27T09:59:00.000Z' } : {}),
    ...change,
  };
}

const EVENTS: Record<JobEventType, JobEvent> = {
  lease: { type: 'lease', agentId: 'agent-2', leaseSeconds: 60 },
  start: { type: 'start' },
  succeed: { type: 'succeed', result: RESULT },
  fail: { type: 'fail', result: { ...RESULT, exitCode: 100 } },
  'lease-expired': { type: 'lease-expired' },
  'agent-restarted-mid-job': { type: 'agent-restarted-mid-job' },
  cancel: { type: 'cancel' },
};

describe('transitionJob: every allowed transition', () => {
  const cases: { name: string; from: Job; event: JobEventType; expect: Partial<Job>; absent?: (keyof Job)[] }[] = [
    { name: 'queued -> leased on lease: one more attempt, lease owner and expiry', from: job('queued'), event: 'lease', expect: { state: 'leased', attempts: 1, leaseOwner: 'agent-2', leaseExpiresAt: '2026-11-27T10:01:00.000Z' } },
    { name: 'queued -> failed on cancel', from: job('queued'), event: 'cancel', expect: { state: 'failed', failureReason: 'cancelled', finishedAt: AT } },
    { name: 'leased -> running on start: the lease now covers the timeout', from: job('leased'), event: 'start', expect: { state: 'running', startedAt: AT, leaseExpiresAt: '2026-11-27T10:10:00.000Z' } },
    { name: 'leased -> failed on fail (agent refused)', from: job('leased'), event: 'fail', expect: { state: 'failed', failureReason: 'exit-code' }, absent: ['leaseOwner', 'leaseExpiresAt'] },
    { name: 'leased -> queued on lease-expired with attempts left, after backoff', from: job('leased'), event: 'lease-expired', expect: { state: 'queued', attempts: 1, runAfter: '2026-11-27T10:00:30.000Z' }, absent: ['leaseOwner', 'leaseExpiresAt'] },
    { name: 'leased -> timed_out on lease-expired at maxAttempts', from: job('leased', { attempts: 3 }), event: 'lease-expired', expect: { state: 'timed_out', failureReason: 'lease-expired', finishedAt: AT }, absent: ['leaseOwner'] },
    { name: 'leased -> failed on cancel', from: job('leased'), event: 'cancel', expect: { state: 'failed', failureReason: 'cancelled' }, absent: ['leaseOwner'] },
    { name: 'running -> succeeded on succeed, result kept', from: job('running'), event: 'succeed', expect: { state: 'succeeded', result: RESULT, finishedAt: AT }, absent: ['leaseOwner', 'failureReason'] },
    { name: 'running -> failed on fail', from: job('running'), event: 'fail', expect: { state: 'failed', failureReason: 'exit-code', result: { ...RESULT, exitCode: 100 } } },
    { name: 'running -> queued on lease-expired (attempt 2 of 3 waits 120 s)', from: job('running', { attempts: 2 }), event: 'lease-expired', expect: { state: 'queued', runAfter: '2026-11-27T10:02:00.000Z' } },
    { name: 'running -> timed_out on lease-expired at maxAttempts', from: job('running', { attempts: 3 }), event: 'lease-expired', expect: { state: 'timed_out' } },
    { name: 'running -> unknown on agent-restarted-mid-job', from: job('running'), event: 'agent-restarted-mid-job', expect: { state: 'unknown' }, absent: ['leaseOwner', 'finishedAt'] },
    { name: 'unknown -> succeeded on succeed (late report)', from: job('unknown'), event: 'succeed', expect: { state: 'succeeded' } },
    { name: 'unknown -> failed on fail', from: job('unknown'), event: 'fail', expect: { state: 'failed' } },
    { name: 'unknown -> failed on cancel (operator resolves it)', from: job('unknown'), event: 'cancel', expect: { state: 'failed', failureReason: 'cancelled' } },
  ];
  it('the table lists exactly these cases', () => {
    assert.equal(cases.length, JOB_TRANSITIONS.length + 2); // lease-expired has two targets from leased and from running
  });
  for (const c of cases) {
    it(c.name, () => {
      const next = transitionJob(c.from, EVENTS[c.event], AT);
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(next[k as keyof Job], v, k);
      for (const k of c.absent ?? []) assert.equal(next[k], undefined, `${k} is cleared`);
      assert.equal(next.updatedAt, AT);
      assert.equal(c.from.state === next.state, false);
    });
  }
});

describe('transitionJob: forbidden transitions are E_JOB_TRANSITION naming from and to', () => {
  const allowed = new Set(JOB_TRANSITIONS.map((t) => `${t.from}/${t.event}`));
  const forbidden = JOB_STATES.flatMap((s) => (Object.keys(EVENTS) as JobEventType[]).filter((e) => !allowed.has(`${s}/${e}`)).map((e) => [s, e] as const));
  it('36 of the 49 (state, event) pairs are forbidden, including every event from a terminal state', () => {
    assert.equal(forbidden.length, 36);
    for (const s of ['succeeded', 'failed', 'timed_out'] as const) assert.equal(forbidden.filter(([f]) => f === s).length, 7);
  });
  const samples: { name: string; from: JobState; event: JobEventType; message: RegExp }[] = [
    { name: 'a running job cannot be leased again', from: 'running', event: 'lease', message: /running -> leased \(lease\)/ },
    { name: 'a queued job cannot start without a lease', from: 'queued', event: 'start', message: /queued -> running \(start\)/ },
    { name: 'a queued job cannot succeed', from: 'queued', event: 'succeed', message: /queued -> succeeded/ },
    { name: 'a running job cannot be cancelled', from: 'running', event: 'cancel', message: /running -> failed \(cancel\)/ },
    { name: 'a leased job has not started, so no restart-mid-job', from: 'leased', event: 'agent-restarted-mid-job', message: /leased -> unknown/ },
    { name: 'succeeded is terminal', from: 'succeeded', event: 'fail', message: /succeeded -> failed/ },
    { name: 'timed_out is not re-queued by another expiry', from: 'timed_out', event: 'lease-expired', message: /timed_out -> queued\/timed_out/ },
    { name: 'failed cannot be leased', from: 'failed', event: 'lease', message: /failed -> leased/ },
    { name: 'unknown does not expire', from: 'unknown', event: 'lease-expired', message: /unknown -> queued/ },
  ];
  for (const c of samples) {
    it(c.name, () => {
      assert.throws(() => transitionJob(job(c.from), EVENTS[c.event], AT), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_JOB_TRANSITION');
        assert.equal(e.kind, 'conflict');
        assert.match(e.message, c.message);
        return true;
      });
    });
  }
  it('every forbidden pair throws', () => {
    for (const [s, e] of forbidden) assert.throws(() => transitionJob(job(s), EVENTS[e], AT), { code: 'E_JOB_TRANSITION' }, `${s}/${e}`);
  });
});

describe('retry policy', () => {
  const cases: { name: string; backoff: number[]; attempts: number; expect: string }[] = [
    { name: 'first retry waits the first step', backoff: [30, 120, 600], attempts: 1, expect: '2026-11-27T10:00:30.000Z' },
    { name: 'third retry waits the third step', backoff: [30, 120, 600], attempts: 3, expect: '2026-11-27T10:10:00.000Z' },
    { name: 'the last step repeats', backoff: [30, 120], attempts: 5, expect: '2026-11-27T10:02:00.000Z' },
    { name: 'no steps: retry at once', backoff: [], attempts: 2, expect: AT },
  ];
  for (const c of cases) it(c.name, () => assert.equal(nextAttemptAt({ maxAttempts: 9, backoffSeconds: c.backoff }, c.attempts, AT), c.expect));

  it('a job is leased maxAttempts times, then times out', () => {
    let j = job('queued', { retry: { maxAttempts: 2, backoffSeconds: [10] } });
    const states: string[] = [];
    for (let i = 0; i < 2; i++) {
      j = transitionJob(j, EVENTS.lease, AT);
      j = transitionJob(j, EVENTS['lease-expired'], AT);
      states.push(`${j.state}@${j.attempts}`);
    }
    assert.deepEqual(states, ['queued@1', 'timed_out@2']);
  });
});
