import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { openStore } from '../store.js';

const until = async (cond: () => Promise<boolean>, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (await cond()) return true;
  return false;
};

describe('WAL checkpoints from a background thread', () => {
  it('a thread copies WAL pages into the database while the writer writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-wal-'));
    const path = join(dir, 'w.db');
    const raw = new SQLite(path);
    try {
      raw.pragma('journal_mode = WAL');
      raw.exec('create table t (x blob)');
      const checkpointer = startWalCheckpointer(path, { intervalMs: 20 });
      const insert = raw.prepare('insert into t values (randomblob(4000))');
      for (let i = 0; i < 1500; i++) insert.run(); // > 1,000 pages: SQLite alone would checkpoint inside a commit
      assert.ok(await until(async () => (await checkpointer.checkpoints()) > 0), 'the thread checkpointed');
      await checkpointer.stop();
      const reader = new SQLite(path, { readonly: true });
      assert.equal(reader.prepare('select count(*) from t').pluck().get(), 1500);
      reader.close();
    } finally {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('under writes that never pause, the WAL stays bounded (the writer still restarts the log)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-wal-'));
    const path = join(dir, 'w.db');
    const raw = new SQLite(path);
    try {
      raw.pragma('journal_mode = WAL');
      raw.pragma('busy_timeout = 5000');
      raw.exec('create table t (x blob)');
      const checkpointer = startWalCheckpointer(path, { intervalMs: 10 });
      const insert = raw.prepare('insert into t values (randomblob(4000))');
      await checkpointer.checkpoints(); // the thread is up
      let largest = 0;
      let written = 0;
      for (const end = Date.now() + 1500; Date.now() < end;) {
        raw.transaction(() => { for (let i = 0; i < 5; i++) insert.run(); })();
        written += 5 * 4096;
        largest = Math.max(largest, existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
        await new Promise((r) => setImmediate(r));
      }
      await checkpointer.stop();
      // Were the log never restarted, the WAL would hold everything written.
      assert.ok(largest < written / 4, `WAL at most a quarter of what was written (largest ${largest} of ${written} bytes)`);
    } finally {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("openStore({ walCheckpoint: 'background' }) closes cleanly and leaves everything in the database file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-wal-'));
    const path = join(dir, 's.db');
    try {
      const store = await openStore({ sqlitePath: path, walCheckpoint: 'background' });
      await store.migrate();
      await store.assets.createAsset({ kind: 'host', name: 'h1', source: 'api' }, '2026-11-27T00:00:00.000Z');
      await store.close();
      assert.ok(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0, 'WAL folded into the database at close');
      const again = await openStore({ sqlitePath: path });
      assert.equal((await again.assets.listAssets({}, { limit: 10 })).items.length, 1);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
