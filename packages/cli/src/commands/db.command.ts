import type { Command } from 'commander';
import { resolveStoreOptions, type DbFlags } from '../store-options.js';
import { printJson } from '../output.js';

/** patchloop db migrate: applies pending forward-only migrations. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (also done at server start)')
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL (default ./data/patchloop.db, or PATCHLOOP_DB / DATABASE_URL)')
    .option('--json', 'machine-readable output')
    .action(async (opts: DbFlags & { json?: boolean }) => {
      const target = resolveStoreOptions(opts);
      const { openStore } = await import('@patchloop/store');
      const store = await openStore(target);
      try {
        const { applied } = await store.migrate();
        if (opts.json) printJson({ store: target.describe, applied });
        else console.log(applied.length ? `applied ${applied.length} migration(s) to ${target.describe}:\n  ${applied.join('\n  ')}` : `${target.describe} is up to date`);
      } finally {
        await store.close();
      }
    });
}
