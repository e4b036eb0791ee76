import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { DomainError, invalidInput, parseInstant, validateAcceptance, type Clock, type VexStatement } from '@patchloop/core';
import { vex } from '@patchloop/feeds';
import type { Store } from '@patchloop/store';
import { ErrorResponse } from '../schemas/common.schema.js';
import { ExceptionBody } from '../schemas/finding.schema.js';
import { requireWriter } from '../auth/bearer-auth.js';

/**
 * Risk acceptances (requested by one person, approved by another, expiring) and VEX documents.
 * The requester and approver are the API tokens' names.
 */
export const policyRoutes: FastifyPluginAsyncTypebox<{ store: Store; clock: Clock; bodyLimit: number }> = async (app, { store, clock, bodyLimit }) => {
  const errors = { 200: Type.Unknown(), 201: Type.Unknown(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  app.post('/api/v1/exceptions', { schema: { tags: ['policy'], summary: 'Request a risk acceptance (needs approval by someone else)', body: ExceptionBody, response: errors } }, async (req, reply) => {
    requireWriter(req);
    const now = clock.nowIso();
    const request = { ...req.body, expiresAt: parseInstant(req.body.expiresAt, 'expiresAt'), requestedBy: req.principal!.name, requestedAt: now };
    if (request.expiresAt <= now) throw invalidInput('E_EXCEPTION_INVALID', 'expiresAt must be in the future', { field: 'expiresAt' });
    return reply.status(201).send(await store.policy.requestAcceptance(request));
  });

  app.post('/api/v1/exceptions/:id/approve', { schema: { tags: ['policy'], summary: 'Approve a risk acceptance (the approver must not be the requester)', params: IdParams, response: errors } }, async (req) => {
    if (req.principal?.role !== 'admin' && req.principal?.role !== 'approver') throw new DomainError('E_FORBIDDEN', 'forbidden', 'only admin or approver tokens may approve exceptions');
    const found = await store.policy.findAcceptance(req.params.id);
    if (!found) throw new DomainError('E_EXCEPTION_NOT_FOUND', 'not_found', `exception ${req.params.id} not found`);
    const now = clock.nowIso();
    validateAcceptance({ ...found, approvedBy: req.principal.name, approvedAt: now }, { now });
    return store.policy.approveAcceptance(found.id, req.principal.name, now);
  });

  app.post('/api/v1/exceptions/:id/revoke', { schema: { tags: ['policy'], summary: 'Revoke a risk acceptance: its findings reopen', params: IdParams, response: errors } }, async (req) => {
    requireWriter(req);
    return store.policy.revokeAcceptance(req.params.id, clock.nowIso());
  });

  app.get('/api/v1/exceptions', { schema: { tags: ['policy'], summary: 'All risk acceptances', response: errors } }, async () => ({ exceptions: await store.policy.listAcceptances() }));

  await app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
    scoped.post('/api/v1/vex', { bodyLimit, schema: { tags: ['policy'], summary: 'Import an OpenVEX or CycloneDX VEX document (replaces an earlier import of the same document)', querystring: Type.Object({ file: Type.Optional(Type.String({ maxLength: 255 })) }, { additionalProperties: false }), response: errors } }, async (req) => {
      requireWriter(req);
      const text = typeof req.body === 'string' ? req.body : '';
      const file = (req.query as { file?: string }).file ?? 'request body';
      const statements = parseVex(text, file);
      const documentId = statements[0]?.provenance.documentId ?? file;
      const count = await store.policy.replaceVexDocument(documentId, statements, clock.nowIso());
      return { documentId, statements: count, notAffected: statements.filter((s) => s.status === 'not_affected').length };
    });
  });
};

function parseVex(text: string, file: string): VexStatement[] {
  const head = text.slice(0, 4096);
  if (vex.detectOpenVex(head)) return vex.parseOpenVex(text, { file });
  if (vex.detectCycloneDxVex(head)) return vex.parseCycloneDxVex(text, { file });
  throw invalidInput('E_VEX_FORMAT_UNKNOWN', 'not an OpenVEX or CycloneDX VEX document', { file });
}
