// Lines of dnf 4 / rpm 4 output the executor acts on, as printed with LC_ALL=C.UTF-8 (real
// captures in packages/agent/testdata/dnf/). Tool output is the only place these facts appear.

/** A scriptlet that failed: dnf exits 0 for a failed %post/%postun/%posttrans, 1 for a failed %pre. */
export interface ScriptletFailure {
  /** rpm's name for it: PREIN, POSTIN, PREUN, POSTUN, POSTTRANS, ... */
  scriptlet: string;
  packageName: string;
}

// "Error in POSTIN scriptlet in rpm package demo-web"
const SCRIPTLET_ERROR = /^Error in (\S+) scriptlet in rpm package (\S+)\s*$/gm;
// "warning: /etc/demo-web.conf created as /etc/demo-web.conf.rpmnew" (also "saved as ....rpmsave")
const CONFIG_FILE_NOTE = /^warning: (\S+) (?:created|saved) as (\S+)\s*$/gm;
// "Waiting for process with pid 3668 to finish."
const LOCK_WAIT = /^Waiting for process with pid (\d+) to finish\.\s*$/m;
// "No such command: versionlock. Please use /usr/bin/dnf --help"
const NO_VERSIONLOCK = /^No such command: versionlock\./m;
// "No package found for: nosuchpkg" (versionlock add, exit 0)
const LOCK_TARGET_NOT_FOUND = /^No package found for: (\S+)\s*$/gm;

/**
 * The scriptlets dnf reports as failed, once each.
 * @example findScriptletFailures('Error in POSTIN scriptlet in rpm package demo-web\n') // [{ scriptlet: 'POSTIN', packageName: 'demo-web' }]
 */
export function findScriptletFailures(output: string): ScriptletFailure[] {
  const seen = new Map<string, ScriptletFailure>();
  for (const m of output.matchAll(SCRIPTLET_ERROR)) seen.set(`${m[1]} ${m[2]}`, { scriptlet: m[1] ?? '', packageName: m[2] ?? '' });
  return [...seen.values()];
}

/** Config files rpm left beside the live one (.rpmnew: the package's new default; .rpmsave: the admin's edit). */
export function findConfigFileNotes(output: string): string[] {
  return [...new Set([...output.matchAll(CONFIG_FILE_NOTE)].map((m) => m[2] ?? ''))];
}

/** The pid dnf waited for, when it waited for another process's lock. */
export function findLockWaitPid(output: string): number | undefined {
  const m = LOCK_WAIT.exec(output);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** dnf does not know the versionlock command: the plugin is not installed (or disabled). */
export function isVersionlockMissing(output: string): boolean {
  return NO_VERSIONLOCK.test(output);
}

/** Names versionlock add found no package for (it exits 0 and locks nothing for them). */
export function findVersionlockNotFound(output: string): string[] {
  return [...output.matchAll(LOCK_TARGET_NOT_FOUND)].map((m) => m[1] ?? '');
}
