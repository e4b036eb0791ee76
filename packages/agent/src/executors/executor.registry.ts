import { existsSync } from 'node:fs';
import type { CommandRunner } from '../runner/command-runner.js';
import { AptExecutor } from './apt/apt.executor.js';
import { DnfExecutor } from './dnf/dnf.executor.js';
import type { JobExecutor } from './executor.js';

/** The package managers the agent can drive; add one with a sibling folder and a line here. */
export type PackageManagerName = 'apt' | 'dnf';

export const EXECUTORS: Record<PackageManagerName, { detect: (root: string) => boolean; create: (opts: { runner: CommandRunner; lockTimeoutSeconds?: number }) => JobExecutor }> = {
  apt: { detect: (root) => existsSync(`${root}/var/lib/dpkg/status`) && existsSync(`${root}/usr/bin/apt-get`), create: (opts) => new AptExecutor(opts) },
  // An rpm database (either place rpm keeps it) and dnf. dnf's lock wait is bounded by each job's time limit instead.
  dnf: { detect: (root) => (existsSync(`${root}/var/lib/rpm`) || existsSync(`${root}/usr/lib/sysimage/rpm`)) && existsSync(`${root}/usr/bin/dnf`), create: (opts) => new DnfExecutor({ runner: opts.runner }) },
};

/** The executor for this host's package manager, or undefined when none is supported here. */
export function detectExecutor(opts: { runner: CommandRunner; lockTimeoutSeconds?: number }, root = ''): JobExecutor | undefined {
  const found = (Object.keys(EXECUTORS) as PackageManagerName[]).find((name) => EXECUTORS[name].detect(root));
  return found ? EXECUTORS[found].create(opts) : undefined;
}
