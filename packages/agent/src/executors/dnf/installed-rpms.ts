import type { CommandResult, CommandRunner, CommandSpec } from '../../runner/command-runner.js';
import { rpmQueryCommand, type DnfCommandOptions } from './dnf-commands.js';

/** One installed package as rpm reports it: the EVR as the agent writes versions (`[epoch:]version-release`). */
export interface InstalledRpm {
  name: string;
  evr: string;
  arch?: string;
}

/** What an rpm query returned: the rows, or undefined when rpm failed (see `result`). */
export interface InstalledRpmQuery {
  spec: CommandSpec;
  result: CommandResult;
  rows: InstalledRpm[] | undefined;
}

/**
 * The installed versions of `names`, read with `rpm -qa --queryformat` and parsed by the
 * inventory collector's rpm parser (@patchloop/inventory, loaded on first use so apt hosts never
 * load it). Lines without a tab are rpm warnings and are skipped.
 * @example const { rows } = await queryInstalledRpms(runner, ['openssl-libs'], { timeoutMs: 60_000 });
 */
export async function queryInstalledRpms(runner: CommandRunner, names: readonly string[], opts: Pick<DnfCommandOptions, 'installRoot' | 'timeoutMs'>): Promise<InstalledRpmQuery> {
  const { RPM_QA_QUERYFORMAT, parseRpmQaLine } = await import('@patchloop/inventory');
  const spec = rpmQueryCommand(names, RPM_QA_QUERYFORMAT, opts);
  const result = await runner.run(spec);
  if (result.exitCode !== 0) return { spec, result, rows: undefined };
  const rows = result.output
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\r$/, ''), lineNo: i + 1 }))
    .filter(({ line }) => line.includes('\t'))
    .map(({ line, lineNo }) => parseRpmQaLine(line, lineNo, { file: 'rpm -qa' }))
    .map((r) => ({ name: r.name, evr: `${r.epoch === undefined ? '' : `${r.epoch}:`}${r.version}-${r.release}`, ...(r.arch ? { arch: r.arch } : {}) }));
  return { spec, result, rows };
}

/** "name=evr.arch ..." for the log, sorted. */
export function formatInstalledRpms(rows: readonly InstalledRpm[]): string {
  if (rows.length === 0) return '(none installed)';
  return rows.map((r) => `${r.name}=${r.evr}${r.arch ? `.${r.arch}` : ''}`).sort().join(' ');
}
