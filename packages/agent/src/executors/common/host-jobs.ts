import type { CommandRunner } from '../../runner/command-runner.js';
import type { ExecutableJob, ExecutionOutcome } from '../executor.js';
import { joinLog } from '../executor.js';
import { runHealthCheck, type HttpFetch } from './health-check.js';

/**
 * Jobs that do not depend on the package manager: refresh-inventory, health-check, reboot, script.
 * Returns undefined for the kinds it does not handle. Whether reboot and script may run at all is
 * decided before (the local allow list); here they just run.
 */
export async function runHostJob(job: ExecutableJob, { runner, fetch }: { runner: CommandRunner; fetch?: HttpFetch }): Promise<ExecutionOutcome | undefined> {
  switch (job.kind) {
    case 'refresh-inventory':
      return { exitCode: 0, log: 'inventory will be collected and sent in full after this job\n' };
    case 'health-check':
      return runHealthCheck(job.args as ExecutableJob<'health-check'>['args'], job.timeoutSeconds, { runner, ...(fetch ? { fetch } : {}) });
    case 'reboot':
      return runLogged(runner, ['shutdown', '-r', '+1', `patchloop job ${job.id}`], job.timeoutSeconds);
    case 'script':
      return runLogged(runner, ['/bin/sh', '-c', (job.args as ExecutableJob<'script'>['args']).shell], job.timeoutSeconds);
    default:
      return undefined;
  }
}

async function runLogged(runner: CommandRunner, argv: string[], timeoutSeconds: number): Promise<ExecutionOutcome> {
  const res = await runner.run({ argv, timeoutMs: timeoutSeconds * 1000 });
  return { exitCode: res.exitCode, log: joinLog([{ title: argv.join(' '), output: res.output }]) };
}
