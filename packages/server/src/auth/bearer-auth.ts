import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Clock } from '@patchloop/core';
import type { ApiToken, TokenRepository } from '@patchloop/store';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: ApiToken;
  }
}

/**
 * Every /api route needs `Authorization: Bearer <token>`. Health, readiness and the OpenAPI
 * document stay open so load balancers and clients can use them.
 */
export function installBearerAuth(app: FastifyInstance, tokens: TokenRepository, clock: Clock): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new DomainError('E_UNAUTHENTICATED', 'unauthorized', 'missing "Authorization: Bearer <token>" header');
    }
    const principal = await tokens.verifyToken(match[1], clock.nowIso());
    if (!principal) throw new DomainError('E_UNAUTHENTICATED', 'unauthorized', 'API token is unknown or revoked');
    req.principal = principal;
  });
}

/** Writes need a role above viewer/auditor. */
export function requireWriter(req: FastifyRequest): void {
  const role = req.principal?.role;
  if (role !== 'admin' && role !== 'operator') {
    throw new DomainError('E_FORBIDDEN', 'forbidden', `role ${role ?? 'none'} may not change inventory`);
  }
}
