import type { Command } from 'commander';
import { addServeOptions, serve, type ServeFlags } from './server.command.js';

/** patchloop start (what `npm start` runs): the server on SQLite plus this host's inventory. */
export function registerStartCommand(program: Command): void {
  addServeOptions(program.command('start').description('the main job: start the server and record this host as the first asset')).action(async (opts: ServeFlags) => {
    await serve(opts, { recordThisHost: true });
  });
}
