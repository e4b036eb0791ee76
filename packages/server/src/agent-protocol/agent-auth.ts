import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@patchloop/core';
import type { Agent, AgentRepository } from '@patchloop/store';

declare module 'fastify' {
  interface FastifyRequest {
    agent?: Agent;
  }
}

export const AGENT_ID_HEADER = 'x-patchloop-agent';

/**
 * Every route of the plugin it is installed in needs `X-Patchloop-Agent: <agentId>` and
 * `Authorization: Agent <secret>` (Bearer is accepted too). Installed inside the agent plugin
 * (Fastify encapsulation), so it covers exactly those routes and never /api.
 */
export function installAgentAuth(app: FastifyInstance, agents: AgentRepository): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.agent = await authenticate(req, agents);
  });
}

/** The authenticated agent of a request (set by installAgentAuth). */
export function agentOf(req: FastifyRequest): Agent {
  if (!req.agent) throw unauthenticated('no agent credentials on this request');
  return req.agent;
}

async function authenticate(req: FastifyRequest, agents: AgentRepository): Promise<Agent> {
  const agentId = req.headers[AGENT_ID_HEADER];
  const match = req.headers.authorization ? /^(?:Agent|Bearer)\s+(\S+)$/i.exec(req.headers.authorization) : null;
  if (typeof agentId !== 'string' || agentId === '' || !match?.[1]) {
    throw unauthenticated('missing "X-Patchloop-Agent: <agentId>" and "Authorization: Agent <secret>" headers');
  }
  const agent = await agents.authenticateAgent(agentId, match[1]);
  if (!agent) throw unauthenticated('agent credentials are unknown or revoked; enroll again');
  return agent;
}

function unauthenticated(message: string): DomainError {
  return new DomainError('E_AGENT_UNAUTHENTICATED', 'unauthorized', message);
}
