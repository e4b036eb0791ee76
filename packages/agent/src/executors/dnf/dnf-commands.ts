import type { CommandSpec } from '../../runner/command-runner.js';

/** Options every dnf and rpm command shares. */
export interface DnfCommandOptions {
  /** The command's own time limit: the job's. dnf waits for a busy lock on its own, so this bounds that wait too. */
  timeoutMs: number;
  /** Another root (tests, images): `dnf --installroot` and `rpm --root`. Unset on a real host. */
  installRoot?: string;
  /** `dnf --config FILE` (tests); unset: the host's /etc/dnf/dnf.conf. */
  configFile?: string;
}

/** English messages whatever the host's locale: the executor reads dnf's scriptlet and lock lines. */
const ENV = { LC_ALL: 'C.UTF-8' } as const;

/**
 * Every dnf call: never asks (-y), no colours in the log, the optional config and root, and an
 * explicit exit_on_lock=False: dnf waits for another dnf's lock itself, for as long as the job's
 * time limit lets it (there is no lock timeout in dnf 4).
 */
function dnfBase({ installRoot, configFile }: DnfCommandOptions): string[] {
  return ['dnf', '-y', '--color=never', ...(configFile ? [`--config=${configFile}`] : []), ...(installRoot ? [`--installroot=${installRoot}`] : []), '--setopt=exit_on_lock=False'];
}

/**
 * One dnf transaction of exact NEVRA specs: `install` (new packages and upgrades to an exact
 * version) or `downgrade` (explicit, never a side effect of install). `refresh` expires the
 * metadata first, so versions published since the last run are known.
 * @example dnfTransactionCommand('downgrade', ['openssl-libs-1:3.0.7-25.el9.x86_64'], { refresh: true }, opts).argv
 */
export function dnfTransactionCommand(verb: 'install' | 'downgrade', specs: readonly string[], { refresh }: { refresh: boolean }, opts: DnfCommandOptions): CommandSpec {
  return { argv: [...dnfBase(opts), ...(refresh ? ['--refresh'] : []), verb, ...specs], env: ENV, timeoutMs: opts.timeoutMs };
}

/** `dnf versionlock add|delete NAME...` (the versionlock plugin: python3-dnf-plugin-versionlock). */
export function dnfVersionlockCommand(action: 'add' | 'delete', names: readonly string[], opts: DnfCommandOptions): CommandSpec {
  return { argv: [...dnfBase(opts), 'versionlock', action, ...names], env: ENV, timeoutMs: opts.timeoutMs };
}

/** `dnf -q check-update`: exit 100 and a list when updates are available, 0 when none, 1 on error. */
export function dnfCheckUpdateCommand(opts: DnfCommandOptions): CommandSpec {
  return { argv: [...dnfBase(opts), '-q', 'check-update'], env: ENV, timeoutMs: opts.timeoutMs };
}

/**
 * `rpm -qa --queryformat FORMAT NAME...`: the installed packages of those names (the names are
 * -qa patterns, which holds because package names carry no glob characters). An empty output,
 * exit 0, when none is installed. FORMAT is the inventory collector's RPM_QA_QUERYFORMAT.
 */
export function rpmQueryCommand(names: readonly string[], queryFormat: string, { installRoot, timeoutMs }: Pick<DnfCommandOptions, 'installRoot' | 'timeoutMs'>): CommandSpec {
  return { argv: ['rpm', ...(installRoot ? ['--root', installRoot] : []), '-qa', '--queryformat', queryFormat, ...names], env: ENV, timeoutMs };
}
