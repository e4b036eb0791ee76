/**
 * bench/inventory-ingest: 1,000 hosts x 1,000 packages through the store (recordInventory), on
 * SQLite and PostgreSQL, against the raw driver inserting the same rows in the same run.
 *   npm run bench:ingest -- [--hosts N] [--packages N] [--json] [--engines sqlite,postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { InstalledPackage } from '@patchloop/core';
import { openStore, type Store } from '@patchloop/store';
import { pgUnavailableReason, testPgUrl } from '@patchloop/store/testing';
import { loadRealDebianPackages } from './lib/debian-packages.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const HOSTS = Number(arg('hosts', '1000'));
const PACKAGES = Number(arg('packages', '1000'));
const JSON_OUT = process.argv.includes('--json');
const ENGINES = arg('engines', 'sqlite,postgres').split(',');

interface Result {
  engine: string;
  rows: number;
  storeRowsPerSecond: number;
  rawRowsPerSecond: number;
  ratioToRaw: number;
  unchangedHostsPerSecond: number;
  changedHostsPerSecond: number;
}

function fleet(): InstalledPackage[][] {
  const { packages, origin } = loadRealDebianPackages();
  if (packages.length < PACKAGES) throw new Error(`need ${PACKAGES} real packages, found ${packages.length} (${origin}); run apt-get update`);
  if (!JSON_OUT) console.error(`packages from ${origin}: ${packages.length}`);
  const pool = packages.slice(0, PACKAGES * 2);
  return Array.from({ length: HOSTS }, (_, h) =>
    Array.from({ length: PACKAGES }, (_, i) => {
      const p = pool[(i + (h % 7) * 13) % pool.length]!;
      return { ecosystem: 'Debian:12', name: p.name, version: p.version, arch: p.arch, sourceName: p.sourceName, sourceVersion: p.sourceVersion };
    }),
  );
}

async function benchStore(store: Store, hosts: InstalledPackage[][]): Promise<Omit<Result, 'engine' | 'rawRowsPerSecond' | 'ratioToRaw'>> {
  const ids: string[] = [];
  for (let h = 0; h < hosts.length; h++) ids.push((await store.assets.createAsset({ kind: 'host', name: `host-${h}`, source: 'bench' }, '2026-11-26T00:00:00.000Z')).id);
  let t = performance.now();
  for (let h = 0; h < hosts.length; h++) await store.inventory.recordInventory(ids[h]!, hosts[h]!, '2026-11-26T01:00:00.000Z');
  const initial = (performance.now() - t) / 1000;
  t = performance.now();
  for (let h = 0; h < hosts.length; h++) await store.inventory.recordInventory(ids[h]!, hosts[h]!, '2026-11-26T02:00:00.000Z');
  const unchanged = (performance.now() - t) / 1000;
  t = performance.now();
  for (let h = 0; h < hosts.length; h++) {
    const changed = hosts[h]!.map((p, i) => (i % 50 === h % 50 ? { ...p, version: `${p.version}+bench1` } : p));
    await store.inventory.recordInventory(ids[h]!, changed, '2026-11-26T03:00:00.000Z');
  }
  const changedSecs = (performance.now() - t) / 1000;
  const rows = hosts.length * PACKAGES;
  return { rows, storeRowsPerSecond: rows / initial, unchangedHostsPerSecond: hosts.length / unchanged, changedHostsPerSecond: hosts.length / changedSecs };
}

const COLS = ['asset_id', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'arch', 'purl', 'valid_from', 'valid_to'];
const rowOf = (h: number, p: InstalledPackage) => [`raw-${h}`, p.ecosystem, p.name, p.version, p.sourceName ?? null, p.sourceVersion ?? null, p.arch ?? null, null, '2026-11-26T01:00:00.000Z', null];

function rawSqlite(hosts: InstalledPackage[][]): number {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-raw-'));
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table t (id integer primary key, ${COLS.map((c) => `${c} text`).join(', ')}); create index t_a on t (asset_id, valid_to)`);
  const ins = db.prepare(`insert into t (${COLS.join(',')}) values (${COLS.map(() => '?').join(',')})`);
  const t = performance.now();
  for (let h = 0; h < hosts.length; h++) db.transaction(() => hosts[h]!.forEach((p) => ins.run(rowOf(h, p))))();
  const secs = (performance.now() - t) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (hosts.length * PACKAGES) / secs;
}

async function rawPostgres(hosts: InstalledPackage[][]): Promise<number> {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  await client.query(`create temp table t (id bigint generated always as identity primary key, ${COLS.map((c) => `${c} text`).join(', ')}); create index on t (asset_id, valid_to)`);
  const t = performance.now();
  for (let h = 0; h < hosts.length; h++) {
    await client.query('begin');
    for (let i = 0; i < hosts[h]!.length; i += 500) {
      const chunk = hosts[h]!.slice(i, i + 500);
      const params = chunk.flatMap((p) => rowOf(h, p));
      const values = chunk.map((_, r) => `(${COLS.map((_, c) => `$${r * COLS.length + c + 1}`).join(',')})`).join(',');
      await client.query(`insert into t (${COLS.join(',')}) values ${values}`, params);
    }
    await client.query('commit');
  }
  const secs = (performance.now() - t) / 1000;
  await client.end();
  return (hosts.length * PACKAGES) / secs;
}

async function run(): Promise<void> {
  const hosts = fleet();
  const results: Result[] = [];
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      const skip = await pgUnavailableReason();
      if (skip) {
        console.error(`postgres skipped: ${skip}`);
        continue;
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
    const schema = `pl_bench_${process.pid}`;
    const store = await openStore(engine === 'postgres' ? { databaseUrl: testPgUrl(), schema } : { sqlitePath: join(dir, 'bench.db') });
    await store.migrate();
    const s = await benchStore(store, hosts);
    if (engine === 'postgres') await store.db.schema.dropSchema(schema).cascade().execute();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    const raw = engine === 'postgres' ? await rawPostgres(hosts) : rawSqlite(hosts);
    results.push({ engine, ...s, rawRowsPerSecond: raw, ratioToRaw: s.storeRowsPerSecond / raw });
  }
  if (JSON_OUT) return console.log(JSON.stringify({ hosts: HOSTS, packages: PACKAGES, results }));
  for (const r of results) {
    console.log(`${r.engine}: ${r.rows} rows, store ${Math.round(r.storeRowsPerSecond)} rows/s, raw driver ${Math.round(r.rawRowsPerSecond)} rows/s (ratio ${r.ratioToRaw.toFixed(2)}), re-ingest unchanged ${Math.round(r.unchangedHostsPerSecond)} hosts/s, 2% changed ${Math.round(r.changedHostsPerSecond)} hosts/s`);
  }
}

await run();
