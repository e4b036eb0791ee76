import type { Command } from 'commander';
import { invalidInput } from '@patchloop/core';

interface AgentFlags {
  server?: string;
  enrollToken?: string;
  stateDir: string;
  once?: boolean;
  allowKinds?: string;
  allowScripts?: boolean;
  allowReboot?: boolean;
  lockTimeout: string;
  json?: boolean;
}

/** patchloop agent: the per-host agent (enroll once, then check in and run signed jobs). */
export function registerAgentCommand(program: Command): void {
  program
    .command('agent')
    .description('run the host agent: enroll with a token once, then check in, report inventory and run signed jobs')
    .option('--server <url>', 'the Patchloop server (needed to enroll; must match the enrolled one afterwards)')
    .option('--enroll-token <token>', 'enrollment token (used only when the agent is not enrolled yet)', process.env.PATCHLOOP_ENROLL_TOKEN)
    .option('--state-dir <dir>', 'where the credential, pinned key and last inventory are kept (0700/0600)', '/var/lib/patchloop-agent')
    .option('--once', 'enroll if needed, check in once, run the available jobs, then exit')
    .option('--allow-kinds <list>', 'comma-separated job kinds this host runs (default: refresh-inventory,install,hold,unhold,rollback,health-check)')
    .option('--allow-scripts', 'also run script jobs')
    .option('--allow-reboot', 'also run reboot jobs')
    .option('--lock-timeout <seconds>', 'how long apt waits for a busy dpkg lock', '300')
    .option('--json', 'with --once: print the cycle result as JSON')
    .action(async (opts: AgentFlags) => {
      await runAgent(opts);
    });
}

async function runAgent(opts: AgentFlags): Promise<void> {
  const lockTimeoutSeconds = Number(opts.lockTimeout);
  if (!Number.isInteger(lockTimeoutSeconds) || lockTimeoutSeconds < 0) throw invalidInput('E_USAGE', `--lock-timeout "${opts.lockTimeout}" is not a whole number of seconds`, { field: '--lock-timeout' });
  const { Agent, LocalHostInventorySource, ProcessCommandRunner, detectExecutor, resolveAgentConfig } = await import('@patchloop/agent');
  const config = resolveAgentConfig({ ...(opts.allowKinds !== undefined ? { allowKinds: opts.allowKinds } : {}), allowScripts: opts.allowScripts === true, allowReboot: opts.allowReboot === true });
  const agent = new Agent({
    stateDir: opts.stateDir,
    ...(opts.server ? { serverUrl: opts.server } : {}),
    ...(opts.enrollToken ? { enrollmentToken: opts.enrollToken } : {}),
    config,
    inventory: new LocalHostInventorySource(),
    executor: detectExecutor({ runner: new ProcessCommandRunner(), lockTimeoutSeconds }),
  });
  if (opts.once) {
    const result = await agent.runOnce();
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(`checked in; ${result.jobs.length} job(s): ${result.jobs.map((j) => (j.outcome === 'refused' ? `${j.jobId} refused (${j.reason})` : `${j.jobId} exit ${j.exitCode}`)).join(', ') || 'none'}`);
    return;
  }
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await agent.runForever(stop.signal);
}
