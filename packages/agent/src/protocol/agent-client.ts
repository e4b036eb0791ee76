import { DomainError, type ErrorKind } from '@patchloop/core';
import type { CheckInAnswer, CheckInRequest, CompleteRequest, EnrollAnswer, EnrollRequest, LeaseAnswer } from './agent-wire.js';

/** The credential an enrolled agent sends with every request. */
export interface AgentCredential {
  agentId: string;
  secret: string;
}

/** An error answer of the server, kept with its HTTP status and stable code. */
export class AgentProtocolError extends DomainError {
  constructor(readonly status: number, code: `E_${string}`, message: string) {
    super(code, kindForStatus(status), message);
    this.name = 'AgentProtocolError';
  }
}

export type Fetch = typeof globalThis.fetch;

/**
 * The agent's side of /agent/v1 over HTTP. Outbound only; one method per route.
 * @example const client = new AgentClient({ serverUrl: 'https://patchloop.example' });
 */
export class AgentClient {
  private readonly base: string;
  private readonly fetch: Fetch;
  private readonly timeoutMs: number;

  constructor({ serverUrl, fetch = globalThis.fetch, timeoutMs = 60_000 }: { serverUrl: string; fetch?: Fetch; timeoutMs?: number }) {
    this.base = serverUrl.replace(/\/+$/, '');
    this.fetch = fetch;
    this.timeoutMs = timeoutMs;
  }

  async enroll(body: EnrollRequest): Promise<EnrollAnswer> {
    return (await this.post('/agent/v1/enroll', undefined, body)).json() as Promise<EnrollAnswer>;
  }

  async checkIn(cred: AgentCredential, body: CheckInRequest): Promise<CheckInAnswer> {
    return (await this.post('/agent/v1/checkin', cred, body)).json() as Promise<CheckInAnswer>;
  }

  /** The next job and its signature, or undefined when there is none (204). */
  async leaseJob(cred: AgentCredential): Promise<LeaseAnswer | undefined> {
    const res = await this.post('/agent/v1/jobs/lease', cred);
    return res.status === 204 ? undefined : ((await res.json()) as LeaseAnswer);
  }

  async startJob(cred: AgentCredential, jobId: string): Promise<void> {
    await this.post(`/agent/v1/jobs/${encodeURIComponent(jobId)}/start`, cred);
  }

  async completeJob(cred: AgentCredential, jobId: string, body: CompleteRequest): Promise<{ sendFullInventory: boolean }> {
    return (await this.post(`/agent/v1/jobs/${encodeURIComponent(jobId)}/complete`, cred, body)).json() as Promise<{ sendFullInventory: boolean }>;
  }

  async refuseJob(cred: AgentCredential, jobId: string, reason: string): Promise<void> {
    await this.post(`/agent/v1/jobs/${encodeURIComponent(jobId)}/refuse`, cred, { reason: reason.slice(0, 2000) });
  }

  private async post(path: string, cred: AgentCredential | undefined, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (cred) Object.assign(headers, { 'x-patchloop-agent': cred.agentId, authorization: `Agent ${cred.secret}` });
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, { method: 'POST', headers, signal: AbortSignal.timeout(this.timeoutMs), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (cause) {
      throw new DomainError('E_AGENT_SERVER_UNREACHABLE', 'unavailable', `cannot reach ${this.base}${path}: ${(cause as Error).message}`, { cause });
    }
    if (res.status >= 400) throw await protocolError(res, path);
    return res;
  }
}

async function protocolError(res: Response, path: string): Promise<AgentProtocolError> {
  const text = await res.text().catch(() => '');
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  const code = error?.code?.startsWith('E_') ? (error.code as `E_${string}`) : 'E_AGENT_SERVER_ERROR';
  return new AgentProtocolError(res.status, code, `POST ${path}: ${res.status} ${error?.message ?? text.slice(0, 300)}`);
}

function kindForStatus(status: number): ErrorKind {
  const kinds: Record<number, ErrorKind> = { 400: 'invalid_input', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'too_large', 503: 'unavailable' };
  return kinds[status] ?? (status >= 500 ? 'unavailable' : 'internal');
}
