import type { JobArgsByKind, PinnedPackage } from '@patchloop/core';
import type { CommandResult, CommandRunner, CommandSpec } from '../../runner/command-runner.js';
import { runHostJob } from '../common/host-jobs.js';
import type { HttpFetch } from '../common/health-check.js';
import type { AvailableUpdate, ExecutableJob, ExecutionOutcome, JobExecutor } from '../executor.js';
import { joinLog } from '../executor.js';
import { aptInstallCommand, aptMarkCommand, aptSimulateUpgradeCommand, aptUpdateListsCommand, dpkgAuditCommand, type AptCommandOptions } from './apt-commands.js';
import { parseAptUpgradeSimulation } from './apt-upgrade-simulation.parser.js';

export interface AptExecutorOptions {
  runner: CommandRunner;
  /** Seconds to wait for a busy dpkg lock (default 300). */
  lockTimeoutSeconds?: number;
  /** Run `apt-get update` before installing, so newly published versions are known (default true). */
  updateListsFirst?: boolean;
  fetch?: HttpFetch;
}

/** Exit code reported when apt succeeded but dpkg left packages half-configured or unpacked. */
export const EXIT_DPKG_AUDIT_FAILED = 1;

/**
 * Debian/Ubuntu: install and roll back exact versions with apt-get, hold with apt-mark.
 * @example const executor = new AptExecutor({ runner: new ProcessCommandRunner() });
 */
export class AptExecutor implements JobExecutor {
  readonly packageManager = 'apt';
  private readonly runner: CommandRunner;
  private readonly lockTimeoutSeconds: number;
  private readonly updateListsFirst: boolean;
  private readonly fetch: HttpFetch | undefined;

  constructor({ runner, lockTimeoutSeconds = 300, updateListsFirst = true, fetch }: AptExecutorOptions) {
    this.runner = runner;
    this.lockTimeoutSeconds = lockTimeoutSeconds;
    this.updateListsFirst = updateListsFirst;
    this.fetch = fetch;
  }

  async run(job: ExecutableJob): Promise<ExecutionOutcome> {
    const opts: AptCommandOptions = { lockTimeoutSeconds: this.lockTimeoutSeconds, timeoutMs: job.timeoutSeconds * 1000 };
    switch (job.kind) {
      case 'install':
        return this.installExact((job.args as JobArgsByKind['install']).packages, opts);
      case 'rollback':
        return this.installExact((job.args as JobArgsByKind['rollback']).packages, opts);
      case 'hold':
      case 'unhold':
        return this.runSteps([aptMarkCommand(job.kind, (job.args as JobArgsByKind['hold']).packages, opts)]);
      default: {
        const outcome = await runHostJob(job, { runner: this.runner, ...(this.fetch ? { fetch: this.fetch } : {}) });
        return outcome ?? { exitCode: 1, log: `the apt executor cannot run ${job.kind} jobs\n` };
      }
    }
  }

  async listAvailableUpdates(): Promise<AvailableUpdate[]> {
    const res = await this.runner.run(aptSimulateUpgradeCommand(120_000));
    if (res.exitCode !== 0) throw new Error(`apt-get -s upgrade exited ${res.exitCode}: ${res.output.slice(-500)}`);
    return parseAptUpgradeSimulation(res.output);
  }

  /**
   * Install (or roll back to) exact versions, then ask dpkg whether anything was left
   * half-configured: apt's exit 100 and a non-empty `dpkg --audit` are both failures.
   */
  private async installExact(packages: readonly PinnedPackage[], opts: AptCommandOptions): Promise<ExecutionOutcome> {
    const parts: { title: string; output: string }[] = [];
    const step = async (spec: CommandSpec): Promise<CommandResult> => {
      const res = await this.runner.run(spec);
      parts.push({ title: spec.argv.join(' '), output: res.output });
      return res;
    };
    if (this.updateListsFirst) await step(aptUpdateListsCommand(opts));
    const install = await step(aptInstallCommand(packages, opts));
    const audit = await step(dpkgAuditCommand(opts.timeoutMs));
    const halfConfigured = audit.exitCode !== 0 || audit.output.trim() !== '';
    if (halfConfigured) parts.push({ title: 'patchloop-agent', output: 'dpkg reports packages that are not fully installed (see dpkg --audit above): the job failed\n' });
    const exitCode = install.exitCode !== 0 ? install.exitCode : halfConfigured ? EXIT_DPKG_AUDIT_FAILED : 0;
    return { exitCode, log: joinLog(parts) };
  }

  private async runSteps(specs: readonly CommandSpec[]): Promise<ExecutionOutcome> {
    const parts: { title: string; output: string }[] = [];
    for (const spec of specs) {
      const res = await this.runner.run(spec);
      parts.push({ title: spec.argv.join(' '), output: res.output });
      if (res.exitCode !== 0) return { exitCode: res.exitCode, log: joinLog(parts) };
    }
    return { exitCode: 0, log: joinLog(parts) };
  }
}
