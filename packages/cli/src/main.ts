import { Command, CommanderError } from 'commander';
import { isDomainError } from '@patchloop/core';
import { EXIT, EXIT_BY_KIND } from './exit-codes.js';
import { registerStartCommand } from './commands/start.command.js';
import { registerServerCommand } from './commands/server.command.js';
import { registerDbCommands } from './commands/db.command.js';
import { registerInventoryCommand } from './commands/inventory.command.js';
import { registerAssetsCommands } from './commands/assets.command.js';
import { registerTokenCommands } from './commands/token.command.js';
import { registerVersionCommands } from './commands/version.command.js';
import { registerFeedsCommands } from './commands/feeds.command.js';
import { registerScanCommand } from './commands/scan.command.js';
import { registerAgentCommand } from './commands/agent.command.js';

/** Every command, registered explicitly (one file per command group). */
export function buildProgram(): Command {
  const program = new Command('patchloop')
    .description('Patchloop: inventory, detect, rank and deploy patches across hosts, images and applications')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of [registerStartCommand, registerServerCommand, registerScanCommand, registerDbCommands, registerInventoryCommand, registerAssetsCommands, registerTokenCommands, registerFeedsCommands, registerVersionCommands, registerAgentCommand]) {
    register(program);
  }
  program.commands.forEach(exitOverrideDeep);
  return program;
}

function exitOverrideDeep(cmd: Command): void {
  cmd.exitOverride();
  cmd.commands.forEach(exitOverrideDeep);
}

/** Runs the CLI and sets process.exitCode from the one exit-code table. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
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
