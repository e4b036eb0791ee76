import type { Command } from 'commander';
import { programWith, runProgram } from './program.js';
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
  return programWith([registerStartCommand, registerServerCommand, registerScanCommand, registerDbCommands, registerInventoryCommand, registerAssetsCommands, registerTokenCommands, registerFeedsCommands, registerVersionCommands, registerAgentCommand]);
}

/** Runs the CLI and sets process.exitCode from the one exit-code table. */
export async function main(argv: string[]): Promise<void> {
  await runProgram(buildProgram(), argv);
}
