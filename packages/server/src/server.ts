import type { Clock, RiskPolicy } from '@patchloop/core';
import type { Store } from '@patchloop/store';
import { buildApp, systemClock } from './app.js';
import { ensureAdminToken } from './bootstrap/admin-token.js';
import { recordLocalHost } from './bootstrap/local-host.js';

export interface StartServerOptions {
  store: Store;
  host?: string;
  port?: number;
  logLevel?: string;
  clock?: Clock;
  /** The organisation's risk policy for findings and the remediation plan. */
  policy?: RiskPolicy;
  /** Collect this machine's inventory and store it as an asset before listening (npm start). */
  recordThisHost?: boolean;
}

export interface RunningServer {
  url: string;
  /** Plaintext of the admin token created on the first start; undefined on later starts. */
  adminToken?: string;
  /** "name (N packages)" when this host was recorded. */
  hostAsset?: string;
  close(): Promise<void>;
}

/**
 * Starts the API: the store must already be migrated (the CLI does it). Creates the first admin
 * token on a fresh store.
 */
export async function startServer({ store, host = '127.0.0.1', port = 8080, logLevel = 'info', clock = systemClock, recordThisHost = false, policy }: StartServerOptions): Promise<RunningServer> {
  const adminToken = await ensureAdminToken(store.tokens, clock);
  const hostAsset = recordThisHost ? await recordLocalHostLine(store, clock) : undefined;
  const app = await buildApp({ store, clock, logger: { level: logLevel }, ...(policy ? { policy } : {}) });
  const address = await app.listen({ host, port });
  return {
    url: address.replace('[::1]', 'localhost'),
    ...(adminToken ? { adminToken } : {}),
    ...(hostAsset ? { hostAsset } : {}),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

async function recordLocalHostLine(store: Store, clock: Clock): Promise<string | undefined> {
  try {
    return (await recordLocalHost(store, clock)).line;
  } catch (e) {
    console.warn(`could not record this host's inventory: ${(e as Error).message}`);
    return undefined;
  }
}
