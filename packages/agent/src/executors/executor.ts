import type { JobArgsByKind, JobKind } from '@patchloop/core';

/** A job the agent has verified and decided to run. */
export interface ExecutableJob<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  args: JobArgsByKind[K];
  /** How long the job may take (the server's timeoutSeconds). */
  timeoutSeconds: number;
}

/** How a job ended: its exit code (0 = success) and its whole output. */
export interface ExecutionOutcome {
  exitCode: number;
  log: string;
}

/** One update the package manager would install: the package and the version it would move to. */
export interface AvailableUpdate {
  name: string;
  version: string;
}

/**
 * Runs jobs on one kind of host (one folder per package manager under executors/, all shaped
 * alike) and knows which updates that package manager offers.
 */
export interface JobExecutor {
  readonly packageManager: string;
  run(job: ExecutableJob): Promise<ExecutionOutcome>;
  listAvailableUpdates(): Promise<AvailableUpdate[]>;
}

/** Joins labelled command outputs into one job log. */
export function joinLog(parts: readonly { title: string; output: string }[]): string {
  return parts.map((p) => `$ ${p.title}\n${p.output}${p.output.endsWith('\n') || p.output === '' ? '' : '\n'}`).join('');
}
