import type { Command } from 'commander';
import { addServeOptions, serve, type ServeFlags } from './server.command.js';

/** patchloop start (what `npm start` runs): the server on SQLite plus this host's inventory. */
export function registerStartCommand(program: Command): void {
  addServeOptions(program.command('start').description('the main job: bundled feeds, this host and a demo fleet, the top of the remediation plan, then the server'))
    .option('--no-demo', 'do not add the demo fleet on the first start')
    .action(async (opts: ServeFlags) => {
    await serve(opts, { recordThisHost: true });
  });
}
