import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, type Clock, type Job } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { ErrorResponse } from '../schemas/common.schema.js';
import { agentOf, checkInStateOf, installAgentAuth } from './agent-auth.js';
import { CheckInBody, CheckInResponse, CompleteBody, CompleteResponse, EnrollBody, EnrollResponse, JobIdParams, LeaseResponse, RefuseBody } from './agent-protocol.schemas.js';
import type { DetectionQueue } from '../detection/detection-queue.js';
import type { CheckInBuffer } from './check-in-buffer.js';
import { recordAgentCheckIn } from './check-in.service.js';
import { enrollAgentForHost } from './enroll.service.js';
import type { JobSigningKey } from './job-signing-key.js';

export interface AgentProtocolOptions {
  store: Store;
  clock: Clock;
  /** undefined: no key is configured (PostgreSQL without PATCHLOOP_JOB_SIGNING_KEY); enrollment answers 503. */
  signingKey: JobSigningKey | undefined;
  /** Seconds between check-ins (default 300). */
  checkInIntervalSeconds?: number;
  /** How long a lease lasts before the job may go to another attempt (default 120). */
  leaseSeconds?: number;
  /** Heartbeat facts waiting to be written in batches. */
  checkInBuffer: CheckInBuffer;
  /** Assets waiting to be re-matched after their software changed. */
  detection: DetectionQueue;
}

const AGENT_SECURITY = [{ agentId: [], agentSecret: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The agent protocol: enrollment (token) and everything after it (agent credentials). */
export const agentProtocolRoutes: FastifyPluginAsyncTypebox<AgentProtocolOptions> = async (app, opts) => {
  await app.register(enrollRoute, opts);
  await app.register(authenticatedAgentRoutes, opts);
};

const enrollRoute: FastifyPluginAsyncTypebox<AgentProtocolOptions> = async (app, { store, clock, signingKey, checkInIntervalSeconds = 300 }) => {
  app.post('/agent/v1/enroll', { schema: { tags: ['agent'], summary: 'Enroll an agent with an enrollment token', security: [], body: EnrollBody, response: { 201: EnrollResponse, ...errors, 503: ErrorResponse } } }, async (req, reply) => {
    const key = requireSigningKey(signingKey);
    const result = await enrollAgentForHost(store, key, req.body, { at: clock.nowIso(), checkInIntervalSeconds });
    return reply.status(201).send(result);
  });
};

const authenticatedAgentRoutes: FastifyPluginAsyncTypebox<AgentProtocolOptions> = async (app, { store, clock, checkInIntervalSeconds = 300, leaseSeconds = 120, checkInBuffer, detection }) => {
  installAgentAuth(app, store.agents, () => clock.nowIso());
  const schema = { tags: ['agent'], security: AGENT_SECURITY };

  app.post('/agent/v1/checkin', { config: { checkInState: true }, schema: { ...schema, summary: 'Check in: inventory (full or delta), host facts, restarted job', body: CheckInBody, response: { 200: CheckInResponse, ...errors } } }, async (req) =>
    recordAgentCheckIn({ store, clock, checkInIntervalSeconds, buffer: checkInBuffer, detection }, agentOf(req), checkInStateOf(req), req.body));

  app.post('/agent/v1/jobs/lease', { schema: { ...schema, summary: "Lease this asset's next job with its signature (204 when none)", response: { 200: LeaseResponse, 204: { type: 'null' }, ...errors } } }, async (req, reply) => {
    const job = await leaseSignedJob(store, agentOf(req), leaseSeconds, clock.nowIso());
    return job ? { job, signature: job.signature } : reply.status(204).send(null);
  });

  app.post('/agent/v1/jobs/:id/start', { schema: { ...schema, summary: 'Report that a leased job started', params: JobIdParams, response: { 200: { $ref: 'Job#' }, ...errors } } }, async (req) =>
    store.jobs.startJob(req.params.id, agentOf(req).id, clock.nowIso()));

  app.post('/agent/v1/jobs/:id/complete', { schema: { ...schema, summary: 'Report the end of a job: exit code, log tail, packages before and after', params: JobIdParams, body: CompleteBody, response: { 200: CompleteResponse, ...errors } } }, async (req) => {
    const { exitCode, logTail, packagesBefore, packagesAfter } = req.body;
    const report = { exitCode, log: logTail, ...(packagesBefore ? { packagesBefore } : {}), ...(packagesAfter ? { packagesAfter } : {}) };
    const job = await store.jobs.completeJob(req.params.id, agentOf(req).id, report, clock.nowIso());
    return { job, sendFullInventory: true };
  });

  app.post('/agent/v1/jobs/:id/refuse', { schema: { ...schema, summary: 'Refuse a leased job (bad signature, kind not allowed, expired)', params: JobIdParams, body: RefuseBody, response: { 200: { $ref: 'Job#' }, ...errors } } }, async (req) =>
    store.jobs.refuseJob(req.params.id, agentOf(req).id, req.body.reason, clock.nowIso()));
};

/**
 * The next job, signed. Jobs are signed when enqueued; one without a signature is never handed
 * out (signing it now would bless whatever wrote it) but refused here, visibly, and the next
 * one is tried.
 */
async function leaseSignedJob(store: Store, agent: { id: string; assetId: string }, leaseSeconds: number, at: string): Promise<(Job & { signature: string }) | undefined> {
  for (;;) {
    const job = await store.jobs.leaseNextJob(agent.id, agent.assetId, leaseSeconds, at);
    if (!job) return undefined;
    if (job.signature) return { ...job, signature: job.signature };
    await store.jobs.refuseJob(job.id, agent.id, 'server: the job has no signature; it was not enqueued through the signing API', at);
  }
}

function requireSigningKey(key: JobSigningKey | undefined): JobSigningKey {
  if (!key) throw new DomainError('E_JOB_SIGNING_KEY_MISSING', 'unavailable', 'no job signing key is configured: set PATCHLOOP_JOB_SIGNING_KEY to a PEM file shared by every server replica');
  return key;
}
