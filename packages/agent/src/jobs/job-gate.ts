import { isDomainError, isJobKind, validateJobArgs, type JobKind } from '@patchloop/core';
import type { AgentConfig } from '../config/agent-config.js';
import type { ExecutableJob } from '../executors/executor.js';
import { signableFields, verifyJobSignature, type UncheckedSignableJob } from './job-signature.js';

/** A leased job as the server sent it (only the fields the agent reads). */
export interface LeasedJob extends UncheckedSignableJob {
  timeoutSeconds: number;
}

export type GateDecision = { run: true; job: ExecutableJob } | { run: false; reason: string };

export interface GateContext {
  pinnedPublicKeyPem: string;
  assetId: string;
  config: AgentConfig;
  /** Now, ISO-8601, for expiresAt. */
  now: string;
}

/**
 * Whether to run a leased job: the signature verifies with the pinned key, the job is for this
 * asset, it has not expired, its kind is allowed locally and its arguments are valid. The reason
 * of a refusal goes back to the server.
 * @example const decision = gateLeasedJob(job, signature, { pinnedPublicKeyPem, assetId, config, now });
 */
export function gateLeasedJob(job: LeasedJob, signature: string, ctx: GateContext): GateDecision {
  if (!verifyJobSignature(signableFields(job), signature, ctx.pinnedPublicKeyPem)) return refuse('bad signature: the job does not verify with the key pinned at enrollment');
  if (job.assetId !== ctx.assetId) return refuse(`the job is for asset ${job.assetId}, this agent is ${ctx.assetId}`);
  if (job.expiresAt && Date.parse(job.expiresAt) <= Date.parse(ctx.now)) return refuse(`the job expired at ${job.expiresAt}`);
  if (!isJobKind(job.kind)) return refuse(`unknown job kind "${String(job.kind)}"`);
  if (!ctx.config.allowedKinds.has(job.kind)) return refuse(`kind ${job.kind} not allowed by this host's local config`);
  return validated(job, job.kind, ctx.config);
}

function validated(job: LeasedJob, kind: JobKind, config: AgentConfig): GateDecision {
  try {
    const args = validateJobArgs(kind, job.args, { hostAllowsScripts: config.allowedKinds.has('script') });
    return { run: true, job: { id: job.id, kind, args, timeoutSeconds: job.timeoutSeconds } };
  } catch (e) {
    if (isDomainError(e)) return refuse(`invalid arguments: ${e.message}`);
    throw e;
  }
}

function refuse(reason: string): GateDecision {
  return { run: false, reason };
}
