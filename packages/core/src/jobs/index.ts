// Public API of jobs: the agent job state machine, job kinds and their arguments, signed bytes.
export {
  transitionJob,
  findJobTransition,
  nextAttemptAt,
  addSeconds,
  JOB_STATES,
  JOB_TRANSITIONS,
  TERMINAL_JOB_STATES,
  DEFAULT_RETRY_POLICY,
  type Job,
  type JobState,
  type JobEvent,
  type JobEventType,
  type JobTransition,
  type JobFailureReason,
  type RetryPolicy,
} from './job-state.js';
export {
  validateJobArgs,
  isJobKind,
  parseAllowedJobKinds,
  JOB_KINDS,
  type JobKind,
  type JobArgs,
  type JobArgsByKind,
  type PinnedPackage,
  type HttpHealthCheck,
  type ValidateJobOptions,
} from './job-kinds.js';
export { capLogTail, LOG_TAIL_MAX_BYTES, type JobResult } from './job-result.js';
export { canonicalJson, jobSigningPayload, jobSigningBytes, type SignableJob } from './job-signing.js';
