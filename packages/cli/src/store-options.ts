import { resolve } from 'node:path';
import type { Store, StoreOptions } from '@patchloop/store';
import { DEFAULT_SQLITE_PATH } from '@patchloop/store/defaults';
import { DomainError } from '@patchloop/core';

/** Options every store-using command takes. */
export interface DbFlags {
  db?: string;
}

/**
 * Where the data lives: --db FILE, else PATCHLOOP_DB, else DATABASE_URL (PostgreSQL), else
 * ./data/patchloop.db. --db and PATCHLOOP_DB also accept a postgres:// URL.
 */
export function resolveStoreOptions(flags: DbFlags, env: NodeJS.ProcessEnv = process.env): StoreOptions & { describe: string } {
  const explicit = flags.db ?? env.PATCHLOOP_DB;
  const target = explicit ?? env.DATABASE_URL;
  if (target && /^postgres(ql)?:\/\//.test(target)) return { databaseUrl: target, describe: redactUrl(target) };
  const path = resolve(explicit ?? DEFAULT_SQLITE_PATH);
  return { sqlitePath: path, describe: `sqlite:${path}` };
}

/** Opens and migrates the store; failures to connect become E_STORE_UNAVAILABLE. */
export async function openMigratedStore(flags: DbFlags): Promise<Store> {
  const opts = resolveStoreOptions(flags);
  try {
    const { openStore } = await import('@patchloop/store');
    const store = await openStore(opts);
    await store.migrate();
    return store;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('E_STORE_UNAVAILABLE', 'unavailable', `cannot open the store at ${opts.describe}: ${(e as Error).message}`, { cause: e });
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
