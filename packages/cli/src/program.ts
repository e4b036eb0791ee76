import { Command, CommanderError } from 'commander';
import { isDomainError } from '@patchloop/core';
import { EXIT, EXIT_BY_KIND } from './exit-codes.js';

/** The root program (name, version, error handling) with these commands registered. */
export function programWith(registers: readonly ((program: Command) => void)[]): Command {
  const program = new Command('patchloop')
    .description('Patchloop: inventory, detect, rank and deploy patches across hosts, images and applications')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of registers) register(program);
  program.commands.forEach(exitOverrideDeep);
  return program;
}

function exitOverrideDeep(cmd: Command): void {
  cmd.exitOverride();
  cmd.commands.forEach(exitOverrideDeep);
}

/** Parses and runs; errors become process.exitCode (and a message on stderr) from the one exit-code table. */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isDomainError(e)) {
    console.error(`patchloop: ${e.message} [${e.code}]`);
    return EXIT_BY_KIND[e.kind];
  }
  console.error(`patchloop: internal error: ${(e as Error)?.stack ?? String(e)}`);
  return EXIT.internal;
}
