import type { Command } from 'commander';
import { invalidInput } from '@patchloop/core';
import type { TokenRole } from '@patchloop/store';
import { openMigratedStore, type DbFlags } from '../store-options.js';
import { printJson } from '../output.js';

const ROLES: TokenRole[] = ['admin', 'operator', 'approver', 'auditor', 'viewer'];

/** patchloop token create: a new API token, printed once (only its hash is stored). */
export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token (whoever can open the database may do this)')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'admin')
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL')
    .option('--json', 'machine-readable output')
    .action(async (opts: DbFlags & { name: string; role: string; json?: boolean }) => {
      if (!ROLES.includes(opts.role as TokenRole)) throw invalidInput('E_ROLE_INVALID', `role "${opts.role}" is not one of ${ROLES.join(', ')}`, { field: '--role' });
      const store = await openMigratedStore(opts);
      try {
        const { token: plaintext, record } = await store.tokens.createToken(opts.name, opts.role as TokenRole, new Date().toISOString());
        if (opts.json) printJson({ ...record, token: plaintext });
        else console.log(`token for "${record.name}" (${record.role}); shown once, store it now:\n${plaintext}`);
      } finally {
        await store.close();
      }
    });
}
