import type { HttpHealthCheck, JobArgsByKind } from '@patchloop/core';
import type { CommandRunner } from '../../runner/command-runner.js';
import type { ExecutionOutcome } from '../executor.js';
import { joinLog } from '../executor.js';

/** Fetches a URL; the global fetch in production, injectable for tests. */
export type HttpFetch = (url: string, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<{ status: number }>;

export interface HealthCheckDeps {
  runner: CommandRunner;
  fetch?: HttpFetch;
}

/**
 * A health check: a command (passes on exit 0, within the job's time limit) and/or an HTTP probe
 * (passes on exactly the expected status within timeoutMs; redirects are not followed).
 * @example await runHealthCheck({ http: { url: 'http://127.0.0.1/health', expectStatus: 200, timeoutMs: 2000 } }, 60, { runner })
 */
export async function runHealthCheck(args: JobArgsByKind['health-check'], timeoutSeconds: number, { runner, fetch = globalThis.fetch }: HealthCheckDeps): Promise<ExecutionOutcome> {
  const parts: { title: string; output: string }[] = [];
  let exitCode = 0;
  if (args.command) {
    const res = await runner.run({ argv: args.command, timeoutMs: timeoutSeconds * 1000 });
    parts.push({ title: args.command.join(' '), output: res.output });
    if (res.exitCode !== 0) exitCode = res.exitCode;
  }
  if (args.http) {
    const probe = await probeHttp(args.http, fetch);
    parts.push({ title: `GET ${args.http.url}`, output: probe.line });
    if (!probe.ok && exitCode === 0) exitCode = 1;
  }
  return { exitCode, log: joinLog(parts) };
}

async function probeHttp(check: HttpHealthCheck, fetch: HttpFetch): Promise<{ ok: boolean; line: string }> {
  try {
    const res = await fetch(check.url, { signal: AbortSignal.timeout(check.timeoutMs), redirect: 'manual' });
    const ok = res.status === check.expectStatus;
    return { ok, line: `status ${res.status}, expected ${check.expectStatus}: ${ok ? 'healthy' : 'unhealthy'}` };
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    return { ok: false, line: timedOut ? `no answer within ${check.timeoutMs} ms: unhealthy` : `request failed (${(e as Error).message}): unhealthy` };
  }
}
