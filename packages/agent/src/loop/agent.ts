import { setTimeout as delay } from 'node:timers/promises';
import { DomainError, capLogTail, type Clock, type InstalledPackage } from '@patchloop/core';
import type { AgentConfig } from '../config/agent-config.js';
import type { AvailableUpdate, ExecutableJob, ExecutionOutcome, JobExecutor } from '../executors/executor.js';
import { computeInventoryDelta, fullInventory } from '../inventory/inventory-delta.js';
import type { HostFacts, InventorySource } from '../inventory/host-inventory.source.js';
import { gateLeasedJob } from '../jobs/job-gate.js';
import { samePublicKey } from '../jobs/job-signature.js';
import { AgentClient, AgentProtocolError, type AgentCredential, type Fetch } from '../protocol/agent-client.js';
import { installedPackageToWire, type CheckInAnswer, type CheckInRequest, type LeaseAnswer } from '../protocol/agent-wire.js';
import { readAgentState, writeAgentState, type AgentState } from '../state/agent-state.js';
import { DEFAULT_BACKOFF, nextCheckInDelayMs, retryDelayMs, type BackoffPolicy } from './backoff.js';
import { jobPackageNames, missingRequestedVersions, pinnedOf } from './job-packages.js';

export const AGENT_VERSION = '0.1.0';

export interface AgentOptions {
  stateDir: string;
  /** Required to enroll; with a state it must name the same server. */
  serverUrl?: string;
  enrollmentToken?: string;
  config: AgentConfig;
  inventory: InventorySource;
  /** undefined: no supported package manager here; every job is refused. */
  executor: JobExecutor | undefined;
  fetch?: Fetch;
  clock?: Clock;
  random?: () => number;
  /** Waits; resolves early (without throwing) when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: (line: string) => void;
  backoff?: BackoffPolicy;
  /** Most jobs leased per cycle (default 20), so one cycle cannot run forever. */
  maxJobsPerCycle?: number;
}

/** What happened to one leased job, as a value. */
export type JobRunReport =
  | { jobId: string; outcome: 'refused'; reason: string }
  | { jobId: string; outcome: 'completed'; exitCode: number };

/** One cycle: the check-in answer and the jobs handled after it. */
export interface AgentCycleResult {
  enrolled: boolean;
  checkIn: CheckInAnswer;
  jobs: JobRunReport[];
}

const systemClock: Clock = { nowIso: () => new Date().toISOString() };
const realSleep = (ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined);

/**
 * The agent: enrolls once, checks in (full or delta inventory), leases signed jobs, verifies,
 * runs and reports them. Outbound HTTP only.
 * @example
 * const agent = new Agent({ stateDir, serverUrl, enrollmentToken, config: resolveAgentConfig(), inventory: new LocalHostInventorySource(), executor });
 * await agent.runOnce();
 */
export class Agent {
  private readonly o: Required<Pick<AgentOptions, 'clock' | 'random' | 'sleep' | 'log' | 'backoff' | 'maxJobsPerCycle'>> & AgentOptions;

  constructor(options: AgentOptions) {
    this.o = { clock: systemClock, random: Math.random, sleep: realSleep, log: (line) => console.error(`patchloop-agent: ${line}`), backoff: DEFAULT_BACKOFF, maxJobsPerCycle: 20, ...options };
  }

  /**
   * Enroll if needed, check in, run the jobs available, and (when jobs ran) check in once more
   * with the full inventory so the server sees their effect before the process exits.
   */
  async runOnce(): Promise<AgentCycleResult> {
    const { state, enrolled } = await this.ensureEnrolled();
    const first = await this.checkInOrReenroll(state);
    const jobs = await this.runAvailableJobs(first.state);
    const last = jobs.some((j) => j.outcome === 'completed') ? await this.checkIn(await this.loadState()) : first;
    return { enrolled: enrolled || first.reenrolled, checkIn: last.answer, jobs };
  }

  /** A 401 means the server revoked this agent: with a token, enroll again (the pinned key must not change). */
  private async checkInOrReenroll(state: AgentState): Promise<{ state: AgentState; answer: CheckInAnswer; reenrolled: boolean }> {
    try {
      return { ...(await this.checkIn(state)), reenrolled: false };
    } catch (e) {
      if (!(e instanceof AgentProtocolError && e.status === 401 && this.o.enrollmentToken)) throw e;
      this.o.log('the server no longer accepts this agent; enrolling again with the token');
      return { ...(await this.checkIn(await this.enroll(state))), reenrolled: true };
    }
  }

  /** Cycles until `signal` aborts: regular check-ins with jitter, capped exponential backoff on errors. */
  async runForever(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let wait: number;
      try {
        const { checkIn } = await this.runOnce();
        failures = 0;
        wait = nextCheckInDelayMs(checkIn.nextCheckInSeconds, checkIn.jitterSeconds, this.o.random);
      } catch (e) {
        if (isFatal(e)) throw e;
        failures++;
        wait = retryDelayMs(failures, this.o.backoff, this.o.random);
        this.o.log(`cycle failed (${(e as Error).message}); retrying in ${Math.round(wait / 1000)} s`);
      }
      await this.o.sleep(wait, signal);
    }
  }

  /** The stored state, or a new enrollment with the token (the server's key is pinned now, and only now). */
  async ensureEnrolled(): Promise<{ state: AgentState; enrolled: boolean }> {
    const state = await readAgentState(this.o.stateDir);
    if (state) {
      if (this.o.serverUrl !== undefined && normalizeUrl(this.o.serverUrl) !== normalizeUrl(state.serverUrl)) {
        throw new DomainError('E_AGENT_SERVER_MISMATCH', 'conflict', `this agent is enrolled with ${state.serverUrl}, not ${this.o.serverUrl}; remove ${this.o.stateDir} to enroll elsewhere`);
      }
      return { state, enrolled: false };
    }
    return { state: await this.enroll(undefined), enrolled: true };
  }

  /**
   * Enrolls with the token. With a previous state (re-enrolling after the server revoked the
   * agent) the server must present the key pinned before: a different key is refused.
   */
  async enroll(previous: AgentState | undefined): Promise<AgentState> {
    const serverUrl = this.o.serverUrl ?? previous?.serverUrl;
    if (!serverUrl || !this.o.enrollmentToken) throw new DomainError('E_AGENT_NOT_ENROLLED', 'invalid_input', 'this agent is not enrolled: give --server URL and --enroll-token TOKEN');
    const facts = await this.o.inventory.collect();
    const answer = await new AgentClient({ serverUrl, ...(this.o.fetch ? { fetch: this.o.fetch } : {}) }).enroll({
      enrollmentToken: this.o.enrollmentToken,
      hostname: facts.hostname,
      agentVersion: AGENT_VERSION,
      allowedJobKinds: this.allowedKinds(),
      facts: { ...(facts.os ? { os: facts.os } : {}), ...(facts.arch ? { arch: facts.arch } : {}), kernel: facts.kernel, addresses: facts.addresses.slice(0, 256) },
    });
    if (previous && !samePublicKey(previous.pinnedPublicKeyPem, answer.jobSigningPublicKey)) {
      throw new DomainError('E_AGENT_KEY_PIN_MISMATCH', 'forbidden', `the server presented another job signing key than the one pinned at enrollment; refusing to continue (remove ${this.o.stateDir} to trust the new key)`);
    }
    const state: AgentState = { serverUrl, agentId: answer.agentId, secret: answer.agentSecret, assetId: answer.assetId, pinnedPublicKeyPem: previous?.pinnedPublicKeyPem ?? answer.jobSigningPublicKey };
    await writeAgentState(this.o.stateDir, state);
    this.o.log(`enrolled as agent ${state.agentId} (asset ${state.assetId}) with ${serverUrl}`);
    return state;
  }

  /**
   * One check-in: a full inventory the first time, when asked, after a job and after a restart
   * mid-job; otherwise a delta against the last accepted list (and a full one if the server
   * answers 409 E_INVENTORY_DELTA_STALE). A job left running by a previous process is reported
   * once and cleared, never re-run.
   */
  async checkIn(state: AgentState): Promise<{ state: AgentState; answer: CheckInAnswer }> {
    const facts = await this.o.inventory.collect();
    const packages = facts.packages.map(installedPackageToWire);
    const wantFull = !state.lastAcceptedInventory || state.fullInventoryNext === true || state.runningJobId !== undefined;
    const body = await this.checkInBody(state, facts);
    const send = (full: boolean) => this.client(state).checkIn(cred(state), { ...body, inventory: full || !state.lastAcceptedInventory ? fullInventory(packages) : computeInventoryDelta(state.lastAcceptedInventory, packages) });
    let answer: CheckInAnswer;
    try {
      answer = await send(wantFull);
    } catch (e) {
      if (wantFull || !(e instanceof AgentProtocolError) || e.code !== 'E_INVENTORY_DELTA_STALE') throw e;
      this.o.log('the server does not hold the inventory the delta was based on; sending it in full');
      answer = await send(true);
    }
    if (state.runningJobId) this.o.log(`reported job ${state.runningJobId}, interrupted by a restart (now ${answer.restartedJob?.state ?? 'unknown'}); it is not run again`);
    const next: AgentState = { ...state, lastAcceptedInventory: packages, fullInventoryNext: answer.sendFullInventory };
    delete next.runningJobId;
    await writeAgentState(this.o.stateDir, next);
    return { state: next, answer };
  }

  /** Leases jobs until none is left (or maxJobsPerCycle), handling each one. */
  async runAvailableJobs(initial: AgentState): Promise<JobRunReport[]> {
    const reports: JobRunReport[] = [];
    let state = initial;
    while (reports.length < this.o.maxJobsPerCycle) {
      const lease = await this.client(state).leaseJob(cred(state));
      if (!lease) break;
      const { report, state: next } = await this.handleLeasedJob(state, lease);
      reports.push(report);
      state = next;
    }
    return reports;
  }

  /** Verify and allow, or refuse with the reason; then run with runningJobId persisted around it. */
  async handleLeasedJob(state: AgentState, { job, signature }: LeaseAnswer): Promise<{ report: JobRunReport; state: AgentState }> {
    const decision = gateLeasedJob(job, signature, { pinnedPublicKeyPem: state.pinnedPublicKeyPem, assetId: state.assetId, config: this.o.config, now: this.o.clock.nowIso() });
    if (decision.run && this.o.executor) return this.runJob(state, decision.job, this.o.executor);
    const reason = decision.run ? 'no supported package manager on this host (the agent knows apt and dnf)' : decision.reason;
    this.o.log(`refusing job ${job.id} (${job.kind}): ${reason}`);
    await this.client(state).refuseJob(cred(state), job.id, reason);
    return { report: { jobId: job.id, outcome: 'refused', reason }, state };
  }

  private async runJob(state: AgentState, job: ExecutableJob, executor: JobExecutor): Promise<{ report: JobRunReport; state: AgentState }> {
    const before = (await this.o.inventory.collect()).packages;
    const running: AgentState = { ...state, runningJobId: job.id };
    await writeAgentState(this.o.stateDir, running);
    try {
      await this.client(state).startJob(cred(state), job.id);
    } catch (e) {
      await writeAgentState(this.o.stateDir, state);
      throw e;
    }
    this.o.log(`running job ${job.id} (${job.kind})`);
    const outcome = await execute(executor, job);
    const after = (await this.o.inventory.collect()).packages;
    const result = checkedOutcome(job, outcome, after);
    const names = jobPackageNames(job, before, after);
    const report = { exitCode: result.exitCode, logTail: capLogTail(result.log).tail, packagesBefore: pinnedOf(before, names), packagesAfter: pinnedOf(after, names) };
    await this.withRetries(() => this.client(state).completeJob(cred(state), job.id, report));
    const done: AgentState = { ...state, fullInventoryNext: true };
    delete done.runningJobId;
    await writeAgentState(this.o.stateDir, done);
    this.o.log(`job ${job.id} finished with exit code ${result.exitCode}`);
    return { report: { jobId: job.id, outcome: 'completed', exitCode: result.exitCode }, state: done };
  }

  private async checkInBody(state: AgentState, facts: HostFacts): Promise<Omit<CheckInRequest, 'inventory'>> {
    return {
      agentVersion: AGENT_VERSION,
      allowedJobKinds: this.allowedKinds(),
      updatesAvailable: await this.availableUpdates(),
      rebootRequired: facts.rebootRequired,
      kernel: facts.kernel,
      ...(state.runningJobId ? { restartedDuringJobId: state.runningJobId } : {}),
    };
  }

  private async availableUpdates(): Promise<AvailableUpdate[]> {
    if (!this.o.executor) return [];
    try {
      return (await this.o.executor.listAvailableUpdates()).slice(0, 100_000);
    } catch (e) {
      this.o.log(`cannot list available updates: ${(e as Error).message}`);
      return [];
    }
  }

  private async withRetries<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await fn();
      } catch (e) {
        if (i >= attempts || isFatal(e)) throw e;
        await this.o.sleep(retryDelayMs(i, this.o.backoff, this.o.random));
      }
    }
  }

  private allowedKinds() {
    return [...this.o.config.allowedKinds].sort();
  }

  private client(state: AgentState): AgentClient {
    return new AgentClient({ serverUrl: state.serverUrl, ...(this.o.fetch ? { fetch: this.o.fetch } : {}) });
  }

  private loadState(): Promise<AgentState> {
    return readAgentState(this.o.stateDir).then((s) => {
      if (!s) throw new DomainError('E_AGENT_STATE_INVALID', 'internal', `the agent state in ${this.o.stateDir} disappeared`);
      return s;
    });
  }
}

async function execute(executor: JobExecutor, job: ExecutableJob): Promise<ExecutionOutcome> {
  try {
    return await executor.run(job);
  } catch (e) {
    return { exitCode: 1, log: `patchloop-agent: the executor failed: ${(e as Error).stack ?? String(e)}\n` };
  }
}

/** install/rollback that exited 0 but left other versions installed are failures. */
function checkedOutcome(job: ExecutableJob, outcome: ExecutionOutcome, after: readonly InstalledPackage[]): ExecutionOutcome {
  if (outcome.exitCode !== 0) return outcome;
  const missing = missingRequestedVersions(job, after);
  if (missing.length === 0) return outcome;
  return { exitCode: 1, log: `${outcome.log}patchloop-agent: not installed after the job: ${missing.map((p) => `${p.name}=${p.version}`).join(' ')}\n` };
}

function cred(state: AgentState): AgentCredential {
  return { agentId: state.agentId, secret: state.secret };
}

/** Errors retrying cannot fix: a revoked or unknown agent, a key pin or state problem. */
function isFatal(e: unknown): boolean {
  if (e instanceof AgentProtocolError) return e.status === 401 || e.status === 403;
  return e instanceof DomainError && ['E_AGENT_KEY_PIN_MISMATCH', 'E_AGENT_SERVER_MISMATCH', 'E_AGENT_STATE_INVALID', 'E_AGENT_NOT_ENROLLED'].includes(e.code);
}

function normalizeUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
