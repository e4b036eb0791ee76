/**
 * Exit codes a dnf job reports. dnf's own (dnf(8), "Exit codes") pass through unchanged; the
 * agent adds its own, in a block dnf does not use, for runs where dnf exited 0 but the job did
 * not do what it asked, and for problems it finds before dnf changes anything. Each agent code
 * has a stable error code, printed in the log as "patchloop-agent: E_...: ...".
 *
 * | exit | from  | meaning |
 * |------|-------|---------|
 * | 0    | dnf   | success |
 * | 1    | dnf   | an error (no match for a version, a failed %pre, a dependency problem, a held package) |
 * | 100  | dnf   | check-update only: updates are available (never a job result) |
 * | 124  | agent | the job's time limit killed dnf (E_DNF_LOCK_TIMEOUT when it was waiting for another dnf's lock) |
 * | 127  | agent | dnf or rpm could not be started |
 * | 200  | dnf   | a lock problem (E_DNF_LOCKED), e.g. a malformed lock file |
 * | 111  | agent | E_DNF_SCRIPTLET_FAILED: dnf exited 0 but an rpm scriptlet failed |
 * | 112  | agent | E_DNF_VERSION_NOT_INSTALLED: dnf exited 0 but the requested versions are not installed |
 * | 113  | agent | E_DNF_VERSIONLOCK_MISSING: hold/unhold without the versionlock plugin; nothing changed |
 * | 114  | agent | E_DNF_HOLD_NOT_APPLIED: versionlock found no package to lock for a name |
 * | 115  | agent | E_DNF_RPM_QUERY_FAILED: rpm could not list the installed versions |
 */
export const DNF_EXIT = {
  ok: 0,
  error: 1,
  updatesAvailable: 100,
  lockProblem: 200,
  timedOut: 124,
  scriptletFailed: 111,
  versionNotInstalled: 112,
  versionlockMissing: 113,
  holdNotApplied: 114,
  rpmQueryFailed: 115,
} as const;

/** The stable codes printed in the log beside the agent's exit codes. */
export type DnfJobErrorCode = 'E_DNF_SCRIPTLET_FAILED' | 'E_DNF_VERSION_NOT_INSTALLED' | 'E_DNF_VERSIONLOCK_MISSING' | 'E_DNF_HOLD_NOT_APPLIED' | 'E_DNF_RPM_QUERY_FAILED' | 'E_DNF_LOCK_TIMEOUT' | 'E_DNF_LOCKED';

/** The log line for a coded failure. */
export function agentLogLine(code: DnfJobErrorCode, message: string): { title: string; output: string } {
  return { title: 'patchloop-agent', output: `${code}: ${message}\n` };
}
