/**
 * bench/feeds: import times of real feeds through the whole pipeline (parse, validate, map, store
 * atomically, re-match), and re-import of unchanged data; each next to a floor measured in the same
 * run: just decompressing and reading the same file (the least any importer must do).
 *   npm run bench:feeds -- [--json] [--engine sqlite|postgres]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '@patchloop/store';
import { pgUnavailableReason, testPgUrl } from '@patchloop/store/testing';
import { importFeedPath } from '@patchloop/server/services';
import { openInput } from '@patchloop/feeds';

const SHARED = process.env.PATCHLOOP_SHARED ?? resolve(new URL('.', import.meta.url).pathname, '..', '..', 'shared');
const JSON_OUT = process.argv.includes('--json');
const ENGINE = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'sqlite';

const CASES = [
  { name: 'debian-oval bookworm', source: 'debian-oval', path: 'feeds/debian/oval/oval-definitions-bookworm.xml.bz2', goalSeconds: 10 },
  { name: 'epss one day', source: 'epss', path: 'feeds/epss/epss_scores-2025-04-15.csv.gz', goalSeconds: 3 },
  { name: 'kev', source: 'kev', path: 'feeds/kev/known_exploited_vulnerabilities.json', goalSeconds: undefined },
  { name: 'osv go all.zip', source: 'osv', path: 'feeds/osv/go-vulndb-all.zip', goalSeconds: undefined },
];

async function floorSeconds(path: string): Promise<number> {
  const t = performance.now();
  if (path.endsWith('.zip')) execFileSync('unzip', ['-p', path], { maxBuffer: 1 << 30 });
  else for await (const _ of (await openInput(path)) as AsyncIterable<Buffer>) void _;
  return (performance.now() - t) / 1000;
}

async function main(): Promise<void> {
  if (ENGINE === 'postgres') {
    const why = await pgUnavailableReason();
    if (why) throw new Error(why);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-feeds-'));
  const schema = `pl_bench_feeds_${process.pid}`;
  const store = await openStore(ENGINE === 'postgres' ? { databaseUrl: testPgUrl(), schema } : { sqlitePath: join(dir, 'feeds.db') });
  await store.migrate();
  const rows = [];
  for (const c of CASES) {
    const path = join(SHARED, c.path);
    const floor = await floorSeconds(path);
    const first = await importFeedPath(store, path, { source: c.source });
    const again = await importFeedPath(store, path, { source: c.source });
    rows.push({ feed: c.name, records: first.records, importSeconds: round(first.seconds), unchangedReimportSeconds: round(again.seconds), floorSeconds: round(floor), ratioToFloor: round(first.seconds / floor), goalSeconds: c.goalSeconds, unchangedWasNoop: again.unchanged });
  }
  if (ENGINE === 'postgres') await store.db.schema.dropSchema(schema).cascade().execute();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const out = { engine: ENGINE, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows };
  if (JSON_OUT) console.log(JSON.stringify(out));
  else for (const r of rows) console.log(`${r.feed}: ${r.records} records, import ${r.importSeconds} s (floor ${r.floorSeconds} s, x${r.ratioToFloor})${r.goalSeconds ? ` goal <= ${r.goalSeconds} s` : ''}; unchanged re-import ${r.unchangedReimportSeconds} s`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
await main();
