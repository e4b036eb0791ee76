import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@patchloop/core';
import type { Agent, AgentRepository, CheckInState } from '@patchloop/store';
import { CheckInReader } from './check-in-reader.js';

declare module 'fastify' {
  interface FastifyRequest {
    agent?: Agent;
    /** Read with the agent on routes whose config has `checkInState: true`. */
    checkInState?: CheckInState;
  }
  interface FastifyContextConfig {
    /** Authenticate with the check-in state in the same read (the check-in route). */
    checkInState?: boolean;
  }
}

export const AGENT_ID_HEADER = 'x-patchloop-agent';

/**
 * Every route of the plugin it is installed in needs `X-Patchloop-Agent: <agentId>` and
 * `Authorization: Agent <secret>` (Bearer is accepted too). Installed inside the agent plugin
 * (Fastify encapsulation), so it covers exactly those routes and never /api.
 */
export function installAgentAuth(app: FastifyInstance, agents: AgentRepository, now: () => string): void {
  const checkIns = new CheckInReader(agents, now);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const { agentId, secret } = credentials(req);
    if (req.routeOptions.config.checkInState) {
      const found = await checkIns.read(agentId, secret);
      if (!found) throw rejected();
      req.agent = found.agent;
      req.checkInState = found.state;
    } else {
      req.agent = (await agents.authenticateAgent(agentId, secret)) ?? throwRejected();
    }
  });
}

/** The authenticated agent of a request (set by installAgentAuth). */
export function agentOf(req: FastifyRequest): Agent {
  if (!req.agent) throw unauthenticated('no agent credentials on this request');
  return req.agent;
}

/** The check-in state read with the agent (routes with `checkInState: true`). */
export function checkInStateOf(req: FastifyRequest): CheckInState {
  if (!req.checkInState) throw unauthenticated('no agent credentials on this request');
  return req.checkInState;
}

function credentials(req: FastifyRequest): { agentId: string; secret: string } {
  const agentId = req.headers[AGENT_ID_HEADER];
  const match = req.headers.authorization ? /^(?:Agent|Bearer)\s+(\S+)$/i.exec(req.headers.authorization) : null;
  if (typeof agentId !== 'string' || agentId === '' || !match?.[1]) {
    throw unauthenticated('missing "X-Patchloop-Agent: <agentId>" and "Authorization: Agent <secret>" headers');
  }
  return { agentId, secret: match[1] };
}

function rejected(): DomainError {
  return unauthenticated('agent credentials are unknown or revoked; enroll again');
}

function throwRejected(): never {
  throw rejected();
}

function unauthenticated(message: string): DomainError {
  return new DomainError('E_AGENT_UNAUTHENTICATED', 'unauthorized', message);
}
