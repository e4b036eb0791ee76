import { readFileSync } from 'node:fs';
import type { CommandResult } from '../../../runner/command-runner.js';
import type { DnfCapture } from './capture-dnf-fixtures.js';

const DIR = new URL('../../../../testdata/dnf/', import.meta.url);
const INDEX = JSON.parse(readFileSync(new URL('captures.json', DIR), 'utf8')) as DnfCapture[];

/** The temporary directory of the capture, as it appears in stored argv and output. */
export const CAPTURE_DIR = 'TMP';

/**
 * A real dnf/rpm run stored by capture-dnf-fixtures.ts: its argv and the result the
 * ProcessCommandRunner returned, ready for a FakeCommandRunner rule.
 * @example const { argv, result } = capturedRun('install-postin-fails');
 */
export function capturedRun(name: string): { argv: string[]; result: CommandResult } {
  const c = INDEX.find((x) => x.name === name);
  if (!c) throw new Error(`no capture named ${name} in testdata/dnf/captures.json`);
  return { argv: c.argv, result: { exitCode: c.exitCode, timedOut: c.timedOut, output: capturedOutput(name) } };
}

/** The stored output of a capture. */
export function capturedOutput(name: string): string {
  return readFileSync(new URL(`${name}.out`, DIR), 'utf8');
}
