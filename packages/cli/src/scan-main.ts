import { programWith, runProgram } from './program.js';
import { registerScanCommand } from './commands/scan.command.js';

/**
 * `patchloop scan ...` alone: the root program with only the scan command, which bin/patchloop.js
 * runs from the scan bundle when the first argument is "scan" (ADR 0010). Parsing, help and exit
 * codes are the full program's for everything under `scan`.
 */
export async function main(argv: string[]): Promise<void> {
  await runProgram(programWith([registerScanCommand]), argv);
}
