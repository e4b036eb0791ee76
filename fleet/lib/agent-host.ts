// Running the real Patchloop agent (the CLI, `patchloop agent`) inside fleet hosts.
//
// The agent must run inside the host (its apt executor drives the host's apt and dpkg), so the
// repository (built dist/ and node_modules) is bind-mounted read-only at the same path inside the
// host; node is already bound at /usr/local/bin/node by the harness. The bind mount lives under
// the host's root, so destroyHost/destroyFleet (which unmount everything under the host
// directory, deepest first, before removing anything) take it down with the host.
//
//   await exposeRepository(host);
//   const res = await runAgentOnce(host, { server, enrollToken });
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOk, type RunResult } from './exec.ts';
import { isMountPoint } from './mounts.ts';
import { runOn, startOn, type Host, type HostProcess } from './hosts.ts';

/** The monorepo root (this file is fleet/lib/agent-host.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The CLI entry point, at the same path inside a host once exposeRepository ran. */
export const CLI_ENTRY = join(REPO_ROOT, 'packages', 'cli', 'bin', 'patchloop.js');

/** Where the agent keeps its state inside a host (on the host's overlay, so a reset forgets it). */
export const AGENT_STATE_DIR = '/var/lib/patchloop-agent';

/** Bind-mounts the repository read-only at the same path inside the host (idempotent). */
export async function exposeRepository(host: Host, repoRoot = REPO_ROOT): Promise<void> {
  const target = join(host.root, repoRoot);
  if (isMountPoint(target)) return;
  mkdirSync(target, { recursive: true });
  await runOk('mount', ['--bind', repoRoot, target]);
  await runOk('mount', ['-o', 'remount,bind,ro', target]);
}

export interface AgentRunOptions {
  server: string;
  enrollToken?: string;
  stateDir?: string;
  /** extra CLI flags, e.g. ['--lock-timeout', '5'] */
  extra?: string[];
  timeoutMs?: number;
}

function agentArgv(opts: AgentRunOptions, once: boolean): string[] {
  return [
    'node', CLI_ENTRY, 'agent',
    '--server', opts.server,
    ...(opts.enrollToken ? ['--enroll-token', opts.enrollToken] : []),
    '--state-dir', opts.stateDir ?? AGENT_STATE_DIR,
    ...(once ? ['--once', '--json'] : []),
    ...(opts.extra ?? []),
  ];
}

/** What `patchloop agent --once --json` printed (AgentCycleResult), with the raw process result. */
export interface AgentOnceResult {
  res: RunResult;
  cycle: {
    enrolled: boolean;
    checkIn: { sendFullInventory: boolean; jobsAvailable: number; restartedJob?: { id: string; state: string } } & Record<string, unknown>;
    jobs: ({ jobId: string; outcome: 'refused'; reason: string } | { jobId: string; outcome: 'completed'; exitCode: number })[];
  };
}

/** Runs `patchloop agent --once --json` inside the host; throws with the output unless it exits 0. */
export async function runAgentOnce(host: Host, opts: AgentRunOptions): Promise<AgentOnceResult> {
  const res = await runOn(host, agentArgv(opts, true), { timeoutMs: opts.timeoutMs ?? 120_000 });
  if (res.code !== 0) {
    throw new Error(`[${host.name}] patchloop agent --once exited ${res.code ?? res.signal}\n--- stdout\n${res.stdout}\n--- stderr\n${res.stderr}`);
  }
  let cycle: AgentOnceResult['cycle'];
  try {
    cycle = JSON.parse(res.stdout) as AgentOnceResult['cycle'];
  } catch {
    throw new Error(`[${host.name}] patchloop agent --once --json printed no JSON\n--- stdout\n${res.stdout}\n--- stderr\n${res.stderr}`);
  }
  return { res, cycle };
}

/** Starts `patchloop agent --once --json` inside the host without waiting (kill it with handle.kill()). */
export function startAgentOnce(host: Host, opts: AgentRunOptions): HostProcess {
  return startOn(host, agentArgv(opts, true), { timeoutMs: opts.timeoutMs ?? 120_000 });
}

/** Processes of this machine whose root directory is the host's root (what still runs "on" it). */
export function processesIn(host: Host): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/root`) !== host.root) continue;
      out.push({ pid: Number(name), comm: readFileSync(`/proc/${name}/comm`, 'utf8').trim() });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * Waits until nothing runs on the host any more. After handle.kill() the unshare process is gone,
 * but the processes inside die a moment later (--kill-child is a parent-death signal), so a check
 * right after the kill can still see them.
 */
export async function waitUntilIdle(host: Host, timeoutMs = 10_000): Promise<{ pid: number; comm: string }[]> {
  const deadline = Date.now() + timeoutMs;
  let left = processesIn(host);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = processesIn(host);
  }
  return left;
}
