import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, invalidInput, parseInstant, type Clock } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { requireWriter } from '../auth/bearer-auth.js';
import { ErrorResponse, IdParams } from '../schemas/common.schema.js';
import { EnrollmentTokenBody, EnrollmentTokenResponse } from './agent-protocol.schemas.js';

/** Enrollment tokens (admin/operator): create (plaintext shown once) and revoke. */
export const enrollmentTokenRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock }> = async (app, { store, clock }) => {
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  app.post('/api/v1/enrollment-tokens', { schema: { tags: ['agents'], summary: 'Create an enrollment token (the plaintext is returned once)', body: EnrollmentTokenBody, response: { 201: EnrollmentTokenResponse, ...errors } } }, async (req, reply) => {
    requireWriter(req);
    const at = clock.nowIso();
    const expiresAt = parseInstant(req.body.expiresAt, 'expiresAt');
    if (expiresAt <= at) throw invalidInput('E_ENROLLMENT_TOKEN_INVALID', 'must be in the future', { field: 'expiresAt' });
    const name = req.body.name ?? `enrollment ${at}`;
    const { token, record } = await store.agents.createEnrollmentToken({ name, expiresAt, maxUses: req.body.maxUses }, at);
    return reply.status(201).send({ id: record.id, name: record.name, token, expiresAt: record.expiresAt, maxUses: record.maxUses, createdAt: record.createdAt });
  });

  app.delete('/api/v1/enrollment-tokens/:id', { schema: { tags: ['agents'], summary: 'Revoke an enrollment token (agents already enrolled keep working)', params: IdParams, response: { 204: { type: 'null' }, ...errors } } }, async (req, reply) => {
    requireWriter(req);
    const revoked = await store.agents.revokeEnrollmentToken(req.params.id, clock.nowIso());
    if (!revoked && !(await store.agents.findEnrollmentToken(req.params.id))) {
      throw new DomainError('E_ENROLLMENT_TOKEN_NOT_FOUND', 'not_found', `enrollment token ${req.params.id} not found`);
    }
    return reply.status(204).send(null);
  });
};
