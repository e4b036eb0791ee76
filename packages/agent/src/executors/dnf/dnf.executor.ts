import type { JobArgsByKind, PinnedPackage } from '@patchloop/core';
import type { CommandResult, CommandRunner, CommandSpec } from '../../runner/command-runner.js';
import { runHostJob } from '../common/host-jobs.js';
import type { HttpFetch } from '../common/health-check.js';
import type { AvailableUpdate, ExecutableJob, ExecutionOutcome, JobExecutor } from '../executor.js';
import { joinLog } from '../executor.js';
import { dnfCheckUpdateCommand, dnfTransactionCommand, dnfVersionlockCommand, type DnfCommandOptions } from './dnf-commands.js';
import { parseDnfCheckUpdate } from './dnf-check-update.parser.js';
import { agentLogLine, DNF_EXIT } from './dnf-exit-codes.js';
import { findConfigFileNotes, findLockWaitPid, findScriptletFailures, findVersionlockNotFound, isVersionlockMissing } from './dnf-transaction-output.parser.js';
import { missingExactVersions, planExactVersions } from './exact-version.plan.js';
import { formatInstalledRpms, queryInstalledRpms, type InstalledRpm } from './installed-rpms.js';

export interface DnfExecutorOptions {
  runner: CommandRunner;
  /** Expire dnf's metadata before a transaction (`--refresh`), so newly published versions are known (default true). */
  refreshMetadataFirst?: boolean;
  /** Another root: `dnf --installroot` and `rpm --root` (tests, images). Unset on a real host. */
  installRoot?: string;
  /** `dnf --config FILE`; unset: the host's /etc/dnf/dnf.conf. */
  configFile?: string;
  fetch?: HttpFetch;
}

type LogPart = { title: string; output: string };

/**
 * Fedora/RHEL family: exact versions as NEVRA specs through `dnf install` and an explicit
 * `dnf downgrade`, holds through `dnf versionlock`. Exit codes: DNF_EXIT (dnf-exit-codes.ts).
 * @example const executor = new DnfExecutor({ runner: new ProcessCommandRunner() });
 */
export class DnfExecutor implements JobExecutor {
  readonly packageManager = 'dnf';
  private readonly runner: CommandRunner;
  private readonly refresh: boolean;
  private readonly root: Pick<DnfCommandOptions, 'installRoot' | 'configFile'>;
  private readonly fetch: HttpFetch | undefined;

  constructor({ runner, refreshMetadataFirst = true, installRoot, configFile, fetch }: DnfExecutorOptions) {
    this.runner = runner;
    this.refresh = refreshMetadataFirst;
    this.root = { ...(installRoot ? { installRoot } : {}), ...(configFile ? { configFile } : {}) };
    this.fetch = fetch;
  }

  async run(job: ExecutableJob): Promise<ExecutionOutcome> {
    const opts: DnfCommandOptions = { ...this.root, timeoutMs: job.timeoutSeconds * 1000 };
    switch (job.kind) {
      case 'install':
      case 'rollback':
        return this.installExact((job.args as JobArgsByKind['install' | 'rollback']).packages, opts);
      case 'hold':
      case 'unhold':
        return this.versionlock(job.kind === 'hold' ? 'add' : 'delete', (job.args as JobArgsByKind['hold']).packages, opts);
      default: {
        const outcome = await runHostJob(job, { runner: this.runner, ...(this.fetch ? { fetch: this.fetch } : {}) });
        return outcome ?? { exitCode: 1, log: `the dnf executor cannot run ${job.kind} jobs\n` };
      }
    }
  }

  /** `dnf check-update`: 100 with a list, 0 with none; anything else is an error. */
  async listAvailableUpdates(): Promise<AvailableUpdate[]> {
    const res = await this.runner.run(dnfCheckUpdateCommand({ ...this.root, timeoutMs: 120_000 }));
    if (res.exitCode === DNF_EXIT.ok) return [];
    if (res.exitCode !== DNF_EXIT.updatesAvailable) throw new Error(`dnf check-update exited ${res.exitCode}: ${res.output.slice(-500)}`);
    return parseDnfCheckUpdate(res.output);
  }

  /**
   * Install or roll back to exact versions: read what is installed, downgrade what is newer
   * (explicitly), install what is older or missing, then read again. dnf's exit 0 is not enough:
   * a failed scriptlet and a version that did not land (dnf's "Nothing to do") fail the job.
   */
  private async installExact(packages: readonly PinnedPackage[], opts: DnfCommandOptions): Promise<ExecutionOutcome> {
    const log: LogPart[] = [];
    const names = packages.map((p) => p.name);
    const before = await this.queryLogged(names, opts, log);
    if (!before) return { exitCode: DNF_EXIT.rpmQueryFailed, log: joinLog(log) };
    const plan = planExactVersions(packages, before);
    if (plan.unchanged.length > 0) log.push({ title: 'patchloop-agent', output: `already installed: ${plan.unchanged.map((p) => `${p.name}=${p.version}`).join(' ')}\n` });
    const dnf = await this.runTransactions([['downgrade', plan.downgrade], ['install', plan.install]], opts, log);
    const after = await this.queryLogged(names, opts, log);
    log.push({ title: 'patchloop-agent', output: `versions before: ${formatInstalledRpms(before)}\nversions after: ${formatInstalledRpms(after ?? [])}\n` });
    return { exitCode: this.judgeTransactions(dnf, packages, after, log), log: joinLog(log) };
  }

  /** Runs each non-empty transaction in order, stopping at the first that fails. */
  private async runTransactions(steps: readonly ['install' | 'downgrade', string[]][], opts: DnfCommandOptions, log: LogPart[]): Promise<CommandResult[]> {
    const results: CommandResult[] = [];
    for (const [verb, specs] of steps.filter(([, specs]) => specs.length > 0)) {
      const res = await this.step(dnfTransactionCommand(verb, specs, { refresh: this.refresh && results.length === 0 }, opts), log);
      results.push(res);
      if (res.exitCode !== 0) break;
    }
    return results;
  }

  /** The job's exit code from the dnf runs and the versions installed after them; explains failures in the log. */
  private judgeTransactions(results: readonly CommandResult[], packages: readonly PinnedPackage[], after: InstalledRpm[] | undefined, log: LogPart[]): number {
    const output = results.map((r) => r.output).join('\n');
    const configNotes = findConfigFileNotes(output);
    if (configNotes.length > 0) log.push({ title: 'patchloop-agent', output: `config files to review (the live file was kept or saved): ${configNotes.join(' ')}\n` });
    const failed = results.find((r) => r.exitCode !== 0);
    if (failed) return explainDnfFailure(failed, log);
    const scriptlets = findScriptletFailures(output);
    if (scriptlets.length > 0) {
      log.push(agentLogLine('E_DNF_SCRIPTLET_FAILED', `dnf exited 0 but scriptlets failed: ${scriptlets.map((s) => `${s.scriptlet} of ${s.packageName}`).join(', ')}; the packages are installed but may not be configured`));
      return DNF_EXIT.scriptletFailed;
    }
    if (!after) return DNF_EXIT.rpmQueryFailed;
    const missing = missingExactVersions(packages, after);
    if (missing.length === 0) return DNF_EXIT.ok;
    log.push(agentLogLine('E_DNF_VERSION_NOT_INSTALLED', `dnf exited 0 but these versions are not installed: ${missing.map((p) => `${p.name}=${p.version}`).join(' ')}`));
    return DNF_EXIT.versionNotInstalled;
  }

  /**
   * `dnf versionlock add|delete`. Without the plugin dnf refuses the unknown command before doing
   * anything: that is E_DNF_VERSIONLOCK_MISSING, and nothing changed. A name versionlock finds no
   * package for (exit 0, nothing locked) fails a hold with E_DNF_HOLD_NOT_APPLIED.
   */
  private async versionlock(action: 'add' | 'delete', names: readonly string[], opts: DnfCommandOptions): Promise<ExecutionOutcome> {
    const log: LogPart[] = [];
    const res = await this.step(dnfVersionlockCommand(action, names, opts), log);
    if (res.exitCode !== 0 && isVersionlockMissing(res.output)) {
      log.push(agentLogLine('E_DNF_VERSIONLOCK_MISSING', 'the dnf versionlock plugin is not installed (install python3-dnf-plugin-versionlock); nothing was changed'));
      return { exitCode: DNF_EXIT.versionlockMissing, log: joinLog(log) };
    }
    if (res.exitCode !== 0) return { exitCode: explainDnfFailure(res, log), log: joinLog(log) };
    const notFound = action === 'add' ? findVersionlockNotFound(res.output) : [];
    if (notFound.length === 0) return { exitCode: DNF_EXIT.ok, log: joinLog(log) };
    log.push(agentLogLine('E_DNF_HOLD_NOT_APPLIED', `versionlock found no package to lock for: ${notFound.join(' ')}`));
    return { exitCode: DNF_EXIT.holdNotApplied, log: joinLog(log) };
  }

  private async queryLogged(names: readonly string[], opts: DnfCommandOptions, log: LogPart[]): Promise<InstalledRpm[] | undefined> {
    const q = await queryInstalledRpms(this.runner, names, opts);
    if (q.rows) return q.rows;
    log.push({ title: q.spec.argv.join(' '), output: q.result.output });
    log.push(agentLogLine('E_DNF_RPM_QUERY_FAILED', `rpm exited ${q.result.exitCode} listing the installed versions`));
    return undefined;
  }

  private async step(spec: CommandSpec, log: LogPart[]): Promise<CommandResult> {
    const res = await this.runner.run(spec);
    log.push({ title: spec.argv.join(' '), output: res.output });
    return res;
  }
}

/** dnf's own exit code, with the lock cases named in the log. */
function explainDnfFailure(res: CommandResult, log: LogPart[]): number {
  const waitedFor = findLockWaitPid(res.output);
  if (res.timedOut && waitedFor !== undefined) log.push(agentLogLine('E_DNF_LOCK_TIMEOUT', `dnf was still waiting for the lock held by process ${waitedFor} when the job's time limit ran out; nothing was changed by this job`));
  if (res.exitCode === DNF_EXIT.lockProblem) log.push(agentLogLine('E_DNF_LOCKED', 'dnf could not take or release its lock (exit 200)'));
  return res.exitCode;
}
