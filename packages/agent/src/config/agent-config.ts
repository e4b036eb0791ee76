import { invalidInput, isJobKind, type JobKind } from '@patchloop/core';

/** What this host allows, from its local command line (the server cannot widen it). */
export interface AgentConfig {
  allowedKinds: ReadonlySet<JobKind>;
}

/** Allowed unless the operator narrows it: everything but scripts and reboots. */
export const DEFAULT_ALLOWED_KINDS: readonly JobKind[] = ['refresh-inventory', 'install', 'hold', 'unhold', 'rollback', 'health-check'];

export interface AgentConfigFlags {
  /** Comma-separated kinds; replaces the default list. */
  allowKinds?: string;
  allowScripts?: boolean;
  allowReboot?: boolean;
}

/**
 * The allowed job kinds: --allow-kinds (or the default list), plus script/reboot only with their
 * own flags. "script" or "reboot" inside --allow-kinds without the flag is a usage error, so the
 * two dangerous kinds are always switched on explicitly.
 * @example resolveAgentConfig({ allowReboot: true }).allowedKinds.has('reboot') // true
 */
export function resolveAgentConfig({ allowKinds, allowScripts = false, allowReboot = false }: AgentConfigFlags = {}): AgentConfig {
  const listed = allowKinds === undefined ? [...DEFAULT_ALLOWED_KINDS] : parseKinds(allowKinds);
  for (const [kind, flag, on] of [['script', '--allow-scripts', allowScripts], ['reboot', '--allow-reboot', allowReboot]] as const) {
    if (listed.includes(kind) && !on) throw invalidInput('E_USAGE', `--allow-kinds lists "${kind}": allow it with ${flag}`, { field: '--allow-kinds' });
    if (on) listed.push(kind);
  }
  return { allowedKinds: new Set(listed) };
}

function parseKinds(list: string): JobKind[] {
  return list.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    if (!isJobKind(s)) throw invalidInput('E_USAGE', `--allow-kinds: unknown job kind "${s}"`, { field: '--allow-kinds' });
    return s;
  });
}
