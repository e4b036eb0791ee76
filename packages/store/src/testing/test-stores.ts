import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../store.js';
import { quoteIdent } from '../postgres/postgres.dialect.js';

/** A store opened for a test, with its own cleanup. */
export interface TestStore {
  store: Store;
  /** The database file (SQLite stores only). */
  sqlitePath?: string;
  cleanup(): Promise<void>;
}

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** PostgreSQL URL for tests: PATCHLOOP_TEST_DATABASE_URL, else the CI default. */
export function testPgUrl(): string {
  return process.env.PATCHLOOP_TEST_DATABASE_URL ?? DEFAULT_TEST_PG_URL;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. With PATCHLOOP_REQUIRE_PG=1
 * (set by CI) an unreachable server is an error, not a skip.
 */
export async function pgUnavailableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testPgUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (e) {
    const reason = `PostgreSQL not reachable at ${testPgUrl()} (${(e as Error).message}); set PATCHLOOP_TEST_DATABASE_URL`;
    if (process.env.PATCHLOOP_REQUIRE_PG === '1') throw new Error(`PATCHLOOP_REQUIRE_PG=1 but ${reason}`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A migrated SQLite store in a fresh temporary directory. */
export async function openSqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'patchloop-test-'));
  const sqlitePath = join(dir, 'test.db');
  const store = await openStore({ sqlitePath });
  await store.migrate();
  return { store, sqlitePath, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A migrated PostgreSQL store in its own schema, dropped on cleanup. */
export async function openPgTestStore(): Promise<TestStore> {
  const schema = `pl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: testPgUrl(), schema });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: testPgUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.end();
    },
  };
}

/** Both engines, PostgreSQL marked with a skip reason when it is not reachable. */
export async function testEngines(): Promise<{ name: 'sqlite' | 'postgres'; open: () => Promise<TestStore>; skip?: string }[]> {
  const pgSkip = await pgUnavailableReason();
  return [
    { name: 'sqlite', open: openSqliteTestStore },
    { name: 'postgres', open: openPgTestStore, ...(pgSkip ? { skip: pgSkip } : {}) },
  ];
}

/** A new host asset with an enrolled agent allowed these job kinds (for tests of agents and jobs). */
export async function enrolledTestHost(store: Store, { name, kinds, at }: { name: string; kinds: readonly string[]; at: string }) {
  const asset = await store.assets.createAsset({ kind: 'host', name, source: 'api' }, at);
  const { token } = await store.agents.createEnrollmentToken({ name: `enroll ${name}`, expiresAt: '2099-01-01T00:00:00.000Z', maxUses: 1 }, at);
  const { agent, secret } = await store.agents.enrollAgent({ token, assetId: asset.id, agentVersion: '0.1.0', allowedJobKinds: kinds }, at);
  return { asset, agent, secret };
}
