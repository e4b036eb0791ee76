// End-to-end: `syncFeeds` and signed bundles against a local mirror (node:http on 127.0.0.1)
// serving the real shared feed files, imported into a temporary SQLite store. Lives in the CLI
// package because it wires feeds to the store and server, which feeds itself may not import.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBundle, generateBundleKeys, importBundle, listCacheBundleInputs, readBundlePrivateKey, readBundlePublicKey, syncFeeds, type FeedSourceName, type SyncFeedsOptions } from '@patchloop/feeds';
import type { VulnerabilityIntel } from '@patchloop/core';
import { importFeedPath } from '@patchloop/server/services';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { main } from '../main.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const feeds = join(process.env.PATCHLOOP_SHARED ?? resolve(repoRoot, '..', 'shared'), 'feeds');
const skip = existsSync(join(feeds, 'kev', 'known_exploited_vulnerabilities.json')) ? false : `shared feed data not found at ${feeds} (set PATCHLOOP_SHARED)`;
if (skip) console.log(`# skipping feeds sync end-to-end tests: ${skip}`);

/** Mirror layout (packages/feeds/src/sync/README.md) -> shared files. */
const MIRROR: Record<string, string> = {
  '/kev/known_exploited_vulnerabilities.json': 'kev/known_exploited_vulnerabilities.json',
  '/epss/epss_scores-current.csv.gz': 'epss/epss_scores-2025-04-15.csv.gz',
  '/debian/oval/oval-definitions-bookworm.xml.bz2': 'debian/oval/oval-definitions-bookworm.xml.bz2',
};

describe('feeds sync end to end: local mirror -> SQLite store', { skip }, () => {
  let server: Server;
  let mirror: string;
  let dir: string;
  let t: TestStore;
  const requests: { path: string; conditional: boolean; status: number }[] = [];
  const imports: string[] = [];

  const options = (sources: FeedSourceName[], cacheDir: string, store = t.store): SyncFeedsOptions => ({
    sources, cacheDir, mirror,
    fetcher: { sleep: async () => undefined, retries: 1 },
    importPath: async (source, path, origin) => {
      imports.push(source);
      return importFeedPath(store, path, { source, origin });
    },
    recordAttempt: (source, error) => store.feeds.recordAttempt(source, new Date().toISOString(), error ? { error } : {}),
  });

  before(async () => {
    server = createServer((req, res) => {
      void (async () => {
        const rel = MIRROR[req.url ?? ''];
        if (!rel) return void res.writeHead(404).end();
        const path = join(feeds, rel);
        const etag = `"${createHash('sha256').update(await readFile(path)).digest('hex').slice(0, 20)}"`;
        const conditional = req.headers['if-none-match'] === etag;
        requests.push({ path: req.url ?? '', conditional: req.headers['if-none-match'] !== undefined, status: conditional ? 304 : 200 });
        if (conditional) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { etag, 'content-length': (await stat(path)).size });
        createReadStream(path).pipe(res);
      })();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    dir = await mkdtemp(join(tmpdir(), 'patchloop-sync-e2e-'));
    t = await openSqliteTestStore();
  });
  after(async () => {
    await t.cleanup();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await rm(dir, { recursive: true, force: true });
  });

  it('first run downloads kev, epss and debian-oval and imports each as one version', async () => {
    const results = await syncFeeds(options(['kev', 'epss', 'debian-oval'], join(dir, 'cache')));
    assert.deepEqual(results.map((r) => [r.source, r.status, r.error]), [['kev', 'updated', undefined], ['epss', 'updated', undefined], ['debian-oval', 'updated', undefined]]);
    const status = new Map((await t.store.feeds.listSourceStatus()).map((s) => [s.source, s]));
    assert.equal(status.get('kev')?.records, 1662);
    assert.equal(status.get('epss')?.records, 274_855);
    assert.equal(status.get('debian-oval')?.records, 25_932);
    assert.equal(status.get('kev')?.origin, `${mirror}kev/known_exploited_vulnerabilities.json`);
    assert.equal((await t.store.feeds.listIntel(['CVE-2023-4863'])).length > 0, true);
  });

  it('second run: all 304, nothing imported, the active versions stay', async () => {
    const versions = (await t.store.feeds.listSourceStatus()).map((s) => [s.source, s.activeVersionId]);
    imports.length = 0;
    const from = requests.length;
    const results = await syncFeeds(options(['kev', 'epss', 'debian-oval'], join(dir, 'cache')));
    assert.deepEqual(results.map((r) => r.status), ['not-modified', 'not-modified', 'not-modified']);
    assert.deepEqual(imports, []);
    assert.deepEqual(requests.slice(from).map((r) => r.status), [304, 304, 304]);
    assert.deepEqual((await t.store.feeds.listSourceStatus()).map((s) => [s.source, s.activeVersionId]), versions);
  });

  it('bundle round trip: export the synced kev and epss, import into a fresh store, the records match', async () => {
    await generateBundleKeys({ privatePath: join(dir, 'b.key'), publicPath: join(dir, 'b.pub') });
    const out = join(dir, 'feeds.tar.gz');
    await exportBundle({ out, privateKey: await readBundlePrivateKey(join(dir, 'b.key')), inputs: await listCacheBundleInputs(join(dir, 'cache'), ['kev', 'epss']) });
    const other = await openSqliteTestStore();
    try {
      const results = await importBundle({ file: out, publicKey: await readBundlePublicKey(join(dir, 'b.pub')), importPath: (source, path, origin) => importFeedPath(other.store, path, { source, origin }) });
      assert.deepEqual(results.map((r) => [r.source, r.status]), [['kev', 'imported'], ['epss', 'imported']]);
      const a = new Map((await t.store.feeds.listSourceStatus()).map((s) => [s.source, s]));
      const b = new Map((await other.store.feeds.listSourceStatus()).map((s) => [s.source, s]));
      for (const source of ['kev', 'epss']) {
        assert.equal(b.get(source)?.records, a.get(source)?.records);
        assert.equal(b.get(source)?.dataDate, a.get(source)?.dataDate);
      }
      assert.match(b.get('kev')!.origin!, /^bundle:.*feeds\.tar\.gz#files\/kev\/known_exploited_vulnerabilities\.json$/);
      const cves = ['CVE-2023-4863', 'CVE-2021-44228', 'CVE-2024-3094'];
      // Same records apart from provenance (fetchedAt and origin differ by design).
      const strip = (xs: VulnerabilityIntel[]): string[] => xs.map(({ provenance: _p, ...rest }) => JSON.stringify(rest)).sort();
      const expected = strip((await t.store.feeds.listIntel(cves)).filter((i) => i.source === 'kev' || i.source === 'epss'));
      assert.ok(expected.length >= 4, 'the sample CVEs have KEV and EPSS records');
      assert.deepEqual(strip(await other.store.feeds.listIntel(cves)), expected);
    } finally {
      await other.cleanup();
    }
  });

  it('CLI: `feeds sync` exits 6 (unavailable) when a requested source fails, and reports the others', async () => {
    const db = join(dir, 'cli.db');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    // printJson writes strings; the test runner's own reports (Buffers) pass through.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? (written.push(chunk), true) : write(chunk, ...rest))) as typeof process.stdout.write;
    try {
      await main(['node', 'patchloop', 'feeds', 'sync', 'kev', 'ubuntu-oval', '--mirror', mirror, '--cache', join(dir, 'cli-cache'), '--db', db, '--json']);
    } finally {
      process.stdout.write = write;
    }
    const exitCode = process.exitCode;
    process.exitCode = 0;
    assert.equal(exitCode, 6);
    const { results } = JSON.parse(written.join('')) as { results: { source: string; status: string; error?: string }[] };
    assert.deepEqual(results.map((r) => [r.source, r.status]), [['kev', 'updated'], ['ubuntu-oval', 'failed']]);
    assert.match(results[1]!.error!, /E_FETCH_HTTP_STATUS/);
  });
});
