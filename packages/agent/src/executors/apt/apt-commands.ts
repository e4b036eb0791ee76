import type { PinnedPackage } from '@patchloop/core';
import type { CommandSpec } from '../../runner/command-runner.js';

/** Options every apt command shares. */
export interface AptCommandOptions {
  /** Seconds apt waits for a busy dpkg lock (another apt run) before giving up (apt's DPkg::Lock::Timeout). */
  lockTimeoutSeconds: number;
  /** The command's own time limit. */
  timeoutMs: number;
}

const NONINTERACTIVE = { DEBIAN_FRONTEND: 'noninteractive' } as const;
const lockOption = (seconds: number) => ['-o', `DPkg::Lock::Timeout=${seconds}`];

/**
 * `apt-get install` of exact versions: keeps changed config files (--force-confold), never asks,
 * and may move a package down (a pinned version can be older than the installed one).
 * @example aptInstallCommand([{ name: 'openssl', version: '3.0.11-1~deb12u2' }], opts).argv
 */
export function aptInstallCommand(packages: readonly PinnedPackage[], { lockTimeoutSeconds, timeoutMs }: AptCommandOptions): CommandSpec {
  return {
    argv: ['apt-get', 'install', '-y', '-o', 'Dpkg::Options::=--force-confold', ...lockOption(lockTimeoutSeconds), '--allow-downgrades', ...packages.map((p) => `${p.name}=${p.version}`)],
    env: NONINTERACTIVE,
    timeoutMs,
  };
}

/** `apt-get update`: the package lists, so exact versions published since the last update are known. */
export function aptUpdateListsCommand({ lockTimeoutSeconds, timeoutMs }: AptCommandOptions): CommandSpec {
  return { argv: ['apt-get', 'update', ...lockOption(lockTimeoutSeconds)], env: NONINTERACTIVE, timeoutMs };
}

/** `apt-mark hold|unhold` of package names. */
export function aptMarkCommand(action: 'hold' | 'unhold', names: readonly string[], { lockTimeoutSeconds, timeoutMs }: AptCommandOptions): CommandSpec {
  return { argv: ['apt-mark', ...lockOption(lockTimeoutSeconds), action, ...names], env: NONINTERACTIVE, timeoutMs };
}

/** `dpkg --audit`: lists half-installed, half-configured and unpacked packages (no output when all is well). */
export function dpkgAuditCommand(timeoutMs: number): CommandSpec {
  return { argv: ['dpkg', '--audit'], timeoutMs };
}

/** A simulated upgrade without taking the lock: what `apt-get upgrade` would install now. */
export function aptSimulateUpgradeCommand(timeoutMs: number): CommandSpec {
  return { argv: ['apt-get', '-s', '-o', 'Debug::NoLocking=1', 'upgrade'], env: NONINTERACTIVE, timeoutMs };
}
