import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, invalidInput, parseInstant, type Clock, type JobKind, type JobState } from '@patchloop/core';
import { signJob, type Store } from '@patchloop/store';
import { requireWriter } from '../auth/bearer-auth.js';
import { ErrorResponse, IdParams } from '../schemas/common.schema.js';
import { JobCreateBody, JobListQuery, JobPage } from './agent-protocol.schemas.js';
import type { JobSigningKey } from './job-signing-key.js';

/** Agent jobs for users: enqueue (validated and signed), list, read with results. */
export const jobRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock; signingKey: JobSigningKey | undefined }> = async (app, { store, clock, signingKey }) => {
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  app.post('/api/v1/assets/:id/jobs', { schema: { tags: ['jobs'], summary: 'Enqueue a signed job for an asset (201 new, 200 when the idempotency key already names it)', params: IdParams, body: JobCreateBody, response: { 200: { $ref: 'Job#' }, 201: { $ref: 'Job#' }, ...errors, 503: ErrorResponse } } }, async (req, reply) => {
    requireWriter(req);
    if (!signingKey) throw new DomainError('E_JOB_SIGNING_KEY_MISSING', 'unavailable', 'no job signing key is configured: set PATCHLOOP_JOB_SIGNING_KEY');
    if (!(await store.assets.findAssetById(req.params.id))) throw new DomainError('E_ASSET_NOT_FOUND', 'not_found', `asset ${req.params.id} not found`);
    const { job, created } = await store.jobs.enqueueJob(jobInput(req.params.id, req.body, clock.nowIso()), { at: clock.nowIso(), sign: (j) => signJob(j, signingKey.privateKeyPem) });
    return reply.status(created ? 201 : 200).send(job);
  });

  app.get('/api/v1/jobs', { schema: { tags: ['jobs'], summary: 'List jobs by asset and state', querystring: JobListQuery, response: { 200: JobPage, ...errors } } }, async (req) => {
    const { asset, state, limit = 100, cursor } = req.query;
    return store.jobs.listJobs({ ...(asset ? { assetId: asset } : {}), ...(state ? { state: state as JobState } : {}) }, { limit, ...(cursor ? { cursor } : {}) });
  });

  app.get('/api/v1/jobs/:id', { schema: { tags: ['jobs'], summary: 'One job with its result', params: IdParams, response: { 200: { $ref: 'Job#' }, ...errors } } }, async (req) => {
    const job = await store.jobs.findJob(req.params.id);
    if (!job) throw new DomainError('E_JOB_NOT_FOUND', 'not_found', `job ${req.params.id} not found`);
    return job;
  });
};

/** Wire body -> store input; times normalized, a fresh idempotency key when none is given. */
function jobInput(assetId: string, body: JobCreateBody, now: string) {
  const notBefore = body.notBefore ? parseInstant(body.notBefore, 'notBefore') : undefined;
  const expiresAt = body.expiresAt ? parseInstant(body.expiresAt, 'expiresAt') : undefined;
  if (expiresAt && expiresAt <= (notBefore ?? now)) throw invalidInput('E_JOB_ARGS_INVALID', 'must be after notBefore and now', { field: 'expiresAt' });
  return {
    assetId, kind: body.kind as JobKind, args: body.args, idempotencyKey: body.idempotencyKey ?? randomUUID(),
    ...(notBefore ? { notBefore } : {}), ...(expiresAt ? { expiresAt } : {}), ...(body.timeoutSeconds ? { timeoutSeconds: body.timeoutSeconds } : {}),
  };
}
