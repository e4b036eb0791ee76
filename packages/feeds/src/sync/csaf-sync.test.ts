import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { syncFeeds, type SyncFeedsOptions } from './sync.js';
import { startLocalHttpServer, type LocalHttpServer } from './local-http-server.js';
import { sharedFeedsDir } from './shared-data.js';
import { readSyncState } from './sync-state.js';
import { checkCsafRelPath, parseProviderMetadata } from './csaf-provider.js';
import { parseChangesCsv, parseRolieFeed } from './csaf-index.js';
import { csafFormat } from '../csaf/csaf.format.js';

const feeds = sharedFeedsDir();
const redhat = feeds ? join(feeds, 'csaf', 'redhat-rhsa') : undefined;
const oasis = feeds ? join(feeds, 'csaf', 'oasis-csaf-2.0', 'examples', 'csaf') : undefined;
const skip = redhat && existsSync(redhat) ? false : 'shared CSAF samples not found (set PATCHLOOP_SHARED to the folder holding feeds/csaf/)';
if (skip) console.log(`# skipping CSAF sync tests: ${skip}`);

const RED_HAT = 'https://security.access.redhat.com/data/csaf/v2/';

/** The six Red Hat samples with their tracking.current_release_date, as Red Hat lays them out (<year>/<file>). */
const SAMPLES = [
  { file: 'rhsa-2024_4420.json', at: '2025-09-10T15:21:55+00:00' },
  { file: 'rhsa-2024_6220.json', at: '2024-10-21T13:39:14+00:00' },
  { file: 'rhsa-2003_315.json', at: '2024-09-12T22:06:44+00:00' },
  { file: 'rhsa-2015_0008.json', at: '2024-08-14T21:06:00+00:00' },
  { file: 'rhsa-2024_4546.json', at: '2024-07-16T13:38:03+00:00' },
  { file: 'rhsa-2020_1358.json', at: '2020-04-07T14:17:00+00:00' },
].map((s) => ({ ...s, path: `${s.file.slice(5, 9)}/${s.file}` }));

const sha = (algorithm: string, bytes: Buffer): string => createHash(algorithm).update(bytes).digest('hex');

/** Serves files from a directory (the provider tree); 404 for anything else. */
function serveDir(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const bytes = await readFile(join(root, path)).catch(() => undefined);
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
  };
}

/** A directory-distribution provider in <root>/mirror/csaf/: provider-metadata.json with Red Hat's real URLs, changes.csv, sidecars. */
class DirectoryProvider {
  readonly rows: { path: string; at: string }[] = [];
  constructor(readonly root: string) {}
  get dir(): string {
    return join(this.root, 'mirror', 'csaf');
  }
  async writeMetadata(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const metadata = { canonical_url: `${RED_HAT}provider-metadata.json`, distributions: [{ directory_url: `${RED_HAT}advisories/` }], metadata_version: '2.0', role: 'csaf_trusted_provider', public_openpgp_keys: [{ fingerprint: 'ABC', url: `${RED_HAT}public_key.asc` }] };
    await writeFile(join(this.dir, 'provider-metadata.json'), JSON.stringify(metadata));
  }
  /** Publishes a document (newest first in changes.csv) with its .sha256 sidecar (or a wrong one). */
  async publish(path: string, source: string, at: string, { badSidecar = false } = {}): Promise<void> {
    const dest = join(this.dir, 'advisories', path);
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(source, dest);
    const digest = badSidecar ? '0'.repeat(64) : sha('sha256', await readFile(dest));
    await writeFile(`${dest}.sha256`, `${digest}  ${path.split('/').pop()}\n`);
    this.rows.unshift({ path, at });
    await this.writeChanges();
  }
  async writeChanges(): Promise<void> {
    await writeFile(join(this.dir, 'advisories', 'changes.csv'), this.rows.map((r) => `"${r.path}","${r.at}"\n`).join(''));
  }
}

describe('CSAF sync from a provider on a local server (Red Hat samples)', { skip }, () => {
  let srv: LocalHttpServer;
  let root: string;
  let cacheDir: string;
  let provider: DirectoryProvider;
  const imports: { source: string; path: string; origin: string }[] = [];
  const options = (extra: Partial<SyncFeedsOptions> = {}): SyncFeedsOptions => ({
    sources: ['csaf'], cacheDir, mirror: `${srv.baseUrl}/mirror`,
    fetcher: { sleep: async () => undefined, retries: 0 },
    importPath: async (source, path, origin) => void imports.push({ source, path, origin }),
    recordAttempt: async () => undefined,
    ...extra,
  });
  const documentGets = (from: number): string[] => srv.requests.slice(from).map((r) => r.path).filter((p) => p.endsWith('.json') && p.includes('/advisories/'));

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'patchloop-csaf-provider-'));
    cacheDir = await mkdtemp(join(tmpdir(), 'patchloop-csaf-cache-'));
    srv = await startLocalHttpServer(serveDir(root));
    provider = new DirectoryProvider(root);
    await provider.writeMetadata();
    for (const s of [...SAMPLES].reverse()) await provider.publish(s.path, join(redhat!, s.file), s.at);
  });
  after(async () => {
    await srv.close();
    await rm(root, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('first sync: provider-metadata -> changes.csv -> every document with its sidecar; one import of <cache>/csaf', async () => {
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'updated', r!.error);
    assert.deepEqual(r!.files.map((f) => f.relPath), SAMPLES.map((s) => s.path));
    assert.deepEqual(imports, [{ source: 'csaf', path: join(cacheDir, 'csaf'), origin: `${srv.baseUrl}/mirror/csaf/provider-metadata.json` }]);
    for (const s of SAMPLES) assert.ok((await readFile(join(cacheDir, 'csaf', s.path))).equals(await readFile(join(redhat!, s.file))), s.path);
    assert.equal(srv.hits('/mirror/csaf/advisories/2024/rhsa-2024_4546.json.sha256'), 1, 'each sidecar fetched');
    assert.deepEqual((await readdir(join(cacheDir, 'csaf'), { recursive: true })).filter((p) => !p.endsWith('.json')).sort(), ['2003', '2015', '2020', '2024'], 'only documents in the imported directory');
    const state = (await readSyncState(cacheDir, 'csaf')).csaf;
    assert.equal(state?.newestAt, '2025-09-10T15:21:55+00:00');
    assert.equal((await readSyncState(cacheDir, 'csaf')).imported, true);
    const parsed = await csafFormat.parsePath(join(cacheDir, 'csaf'), { fetchedAt: '2026-01-01T00:00:00Z' });
    assert.equal(parsed.records, SAMPLES.length, 'the real CSAF parser reads the synced directory');
  });

  it('second sync, changes.csv unchanged: no document fetched, no import', async () => {
    imports.length = 0;
    const from = srv.requests.length;
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'not-modified');
    assert.deepEqual(documentGets(from), []);
    assert.deepEqual(imports, []);
  });

  it('a document appended to changes.csv is the only one fetched', async () => {
    await provider.publish('2022/rhsa-2022_0011.json', join(oasis!, 'rhsa-2022_0011.json'), '2025-10-01T08:00:00+00:00');
    const from = srv.requests.length;
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'updated');
    assert.deepEqual(documentGets(from), ['/mirror/csaf/advisories/2022/rhsa-2022_0011.json']);
    assert.equal(imports.length, 1);
  });

  it('a bad sidecar fails that document only (reported, not kept) and it is tried again next run', async () => {
    imports.length = 0;
    await provider.publish('2021/rhsa-2021_5186.json', join(oasis!, 'rhsa-2021_5186.json'), '2025-10-02T08:00:00+00:00', { badSidecar: true });
    await provider.publish('2021/rhsa-2021_5217.json', join(oasis!, 'rhsa-2021_5217.json'), '2025-10-02T09:00:00+00:00');
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'updated');
    assert.deepEqual(r!.files.map((f) => f.relPath), ['2021/rhsa-2021_5217.json']);
    assert.equal(r!.failures?.length, 1);
    assert.equal(r!.failures![0]!.entry, '2021/rhsa-2021_5186.json');
    assert.match(r!.failures![0]!.error, /^E_CHECKSUM_MISMATCH: .*rhsa-2021_5186\.json: sha256 is [0-9a-f]{64}, expected 0{64}/);
    assert.equal(existsSync(join(cacheDir, 'csaf', '2021/rhsa-2021_5186.json')), false);
    assert.equal(imports.length, 1);
    assert.deepEqual((await readSyncState(cacheDir, 'csaf')).csaf?.retry, ['2021/rhsa-2021_5186.json']);

    const stillBad = await syncFeeds(options());
    assert.equal(stillBad[0]!.status, 'failed', 'nothing new and one failure: the run is reported as failed');
    await writeFile(join(provider.dir, 'advisories', '2021/rhsa-2021_5186.json.sha256'), sha('sha256', await readFile(join(oasis!, 'rhsa-2021_5186.json'))));
    const from = srv.requests.length;
    const fixed = await syncFeeds(options());
    assert.equal(fixed[0]!.status, 'updated');
    assert.deepEqual(documentGets(from), ['/mirror/csaf/advisories/2021/rhsa-2021_5186.json']);
    assert.deepEqual((await readSyncState(cacheDir, 'csaf')).csaf?.retry, []);
  });

  it('an unsafe path "../x.json" in changes.csv is refused by name and never requested; the others go on', async () => {
    await writeFile(join(provider.dir, 'x.json'), '{}');
    provider.rows.unshift({ path: '../x.json', at: '2025-10-03T08:00:00+00:00' });
    await provider.publish('2019/rhsa-2019_1862.json', join(oasis!, 'rhsa-2019_1862.json'), '2025-10-03T09:00:00+00:00');
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'updated');
    assert.deepEqual(r!.files.map((f) => f.relPath), ['2019/rhsa-2019_1862.json']);
    assert.equal(r!.failures?.length, 1);
    assert.match(r!.failures![0]!.error, /^E_CSAF_UNSAFE_PATH: changes\.csv line 2: path "\.\.\/x\.json" refused/);
    assert.equal(srv.hits('/mirror/csaf/x.json'), 0);
    assert.equal(existsSync(join(cacheDir, 'x.json')), false);
    const again = await syncFeeds(options());
    assert.equal(again[0]!.status, 'not-modified', 'a refused entry is reported once, not on every run');
  });

  it('the cap takes the newest documents, reports the rest, and a larger cap later fills them in', async () => {
    const capped = await mkdtemp(join(tmpdir(), 'patchloop-csaf-cap-'));
    try {
      const from = srv.requests.length;
      const [r] = await syncFeeds({ ...options({ csaf: { maxDocuments: 3 } }), cacheDir: capped });
      assert.equal(r!.status, 'updated');
      const total = provider.rows.length - 1; // minus the refused ../x.json
      assert.equal(documentGets(from).length, 3);
      assert.deepEqual(r!.files.map((f) => f.relPath), ['2019/rhsa-2019_1862.json', '2021/rhsa-2021_5217.json', '2021/rhsa-2021_5186.json']);
      assert.deepEqual(r!.capped, { maxDocuments: 3, count: total - 3, newestSkipped: '2025-10-01T08:00:00+00:00' });
      assert.match(r!.note!, new RegExp(`${total - 3} older document\\(s\\) not synced: over the cap of 3`));
      const wider = await syncFeeds({ ...options({ csaf: { maxDocuments: 5 } }), cacheDir: capped });
      assert.equal(wider[0]!.files.length, 2);
      assert.equal(wider[0]!.capped?.count, total - 5);
    } finally {
      await rm(capped, { recursive: true, force: true });
    }
  });
});

describe('CSAF sync from a ROLIE feed (no directory_url), sha512 "hash" links as in the OASIS example', { skip }, () => {
  let srv: LocalHttpServer;
  let root: string;
  let cacheDir: string;
  const imports: string[] = [];
  const options = (): SyncFeedsOptions => ({
    sources: ['csaf'], cacheDir, csaf: { providerMetadataUrl: `${srv.baseUrl}/.well-known/csaf/provider-metadata.json` },
    fetcher: { sleep: async () => undefined, retries: 0 },
    importPath: async (_source, path) => void imports.push(path),
    recordAttempt: async () => undefined,
  });

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'patchloop-csaf-rolie-'));
    cacheDir = await mkdtemp(join(tmpdir(), 'patchloop-csaf-rolie-cache-'));
    srv = await startLocalHttpServer(serveDir(root));
    const base = `${srv.baseUrl}/.well-known/csaf/`;
    const dir = join(root, '.well-known', 'csaf');
    const entries = [];
    for (const s of SAMPLES.slice(0, 3)) {
      const url = `${base}white/${s.path}`;
      await mkdir(dirname(join(dir, 'white', s.path)), { recursive: true });
      const bytes = await readFile(join(redhat!, s.file));
      await writeFile(join(dir, 'white', s.path), bytes);
      await writeFile(join(dir, 'white', `${s.path}.sha512`), `${sha('sha512', bytes)}  ${s.file}\n`);
      entries.push({ id: s.file, title: s.file, link: [{ rel: 'self', href: url }, { rel: 'hash', href: `${url}.sha512` }, { rel: 'signature', href: `${url}.asc` }], published: s.at, updated: s.at, content: { type: 'application/json', src: url }, format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' } });
    }
    entries.push({ id: 'elsewhere', link: [{ rel: 'self', href: 'http://198.51.100.7/.well-known/csaf/white/evil.json' }], updated: '2025-12-01T00:00:00Z' });
    const feed = { feed: { id: 'example-csaf-feed-tlp-white', title: 'Example CSAF feed (TLP:WHITE)', link: [{ rel: 'self', href: `${base}feed-tlp-white.json` }], category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }], updated: '2025-12-01T00:00:00Z', entry: entries } };
    await writeFile(join(dir, 'feed-tlp-white.json'), JSON.stringify(feed));
    const metadata = { canonical_url: `${base}provider-metadata.json`, distributions: [{ rolie: { feeds: [{ summary: 'public', tlp_label: 'WHITE', url: `${base}feed-tlp-white.json` }, { summary: 'partners', tlp_label: 'AMBER', url: `${base}feed-tlp-amber.json` }] } }], metadata_version: '2.0', role: 'csaf_trusted_provider' };
    await writeFile(join(dir, 'provider-metadata.json'), JSON.stringify(metadata));
  });
  after(async () => {
    await srv.close();
    await rm(root, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('downloads the feed entries under <cache>/csaf/<path below the feed>, checks sha512, refuses another host, skips the AMBER feed', async () => {
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'updated', r!.error);
    assert.deepEqual(r!.files.map((f) => f.relPath), SAMPLES.slice(0, 3).map((s) => `white/${s.path}`));
    assert.deepEqual(imports, [join(cacheDir, 'csaf')]);
    assert.match(r!.failures![0]!.error, /^E_CSAF_UNSAFE_PATH: .*"elsewhere".*another host/);
    assert.match(r!.note!, /feed-tlp-amber\.json skipped: not TLP:WHITE\/CLEAR/);
    assert.equal(srv.hits('/.well-known/csaf/feed-tlp-amber.json'), 0);
    assert.equal(srv.hits('/.well-known/csaf/white/2024/rhsa-2024_4420.json.sha512'), 1);
  });

  it('second run: nothing newer in the feed, nothing fetched or imported', async () => {
    const from = srv.requests.length;
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'not-modified');
    assert.deepEqual(srv.requests.slice(from).map((q) => q.path), ['/.well-known/csaf/provider-metadata.json', '/.well-known/csaf/feed-tlp-white.json']);
    assert.equal(imports.length, 1);
  });

  it('a sha512 mismatch fails the document', async () => {
    const dir = join(root, '.well-known', 'csaf', 'white');
    const s = SAMPLES[0]!;
    await writeFile(join(dir, `${s.path}.sha512`), `${'f'.repeat(128)}  ${s.file}\n`);
    await rm(join(cacheDir, 'csaf', 'white', s.path)); // missing on disk: wanted again
    const [r] = await syncFeeds(options());
    assert.equal(r!.status, 'failed');
    assert.match(r!.error!, /E_CHECKSUM_MISMATCH: .*sha512 is [0-9a-f]{128}, expected f{128}/);
  });
});

describe('checkCsafRelPath: paths from a provider', () => {
  const cases = [
    { name: 'year/file as Red Hat writes it', path: '2024/rhsa-2024_4546.json', ok: true },
    { name: 'parent segment', path: '../x.json', ok: false },
    { name: 'parent segment in the middle', path: '2024/../../x.json', ok: false },
    { name: 'percent-encoded parent', path: '%2e%2e/x.json', ok: false },
    { name: 'absolute path', path: '/etc/x.json', ok: false },
    { name: 'another host', path: 'https://evil.example/x.json', ok: false },
    { name: 'protocol-relative', path: '//evil.example/x.json', ok: false },
    { name: 'backslash', path: '2024\\..\\x.json', ok: false },
    { name: 'empty segment', path: '2024//x.json', ok: false },
    { name: 'not a json document', path: '2024/x.sh', ok: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.ok) assert.equal(checkCsafRelPath(c.path, 'entry'), c.path);
      else assert.throws(() => checkCsafRelPath(c.path, 'changes.csv line 7'), (e: Error & { code?: string }) => e.code === 'E_CSAF_UNSAFE_PATH' && e.message.includes('changes.csv line 7'));
    });
  }
});

describe('parseProviderMetadata: the fields the sync uses', () => {
  const at = 'http://127.0.0.1:9/csaf/provider-metadata.json';
  const cases = [
    { name: 'Red Hat directory_url rebased onto the mirror copy', json: { canonical_url: `${RED_HAT}provider-metadata.json`, distributions: [{ directory_url: `${RED_HAT}advisories` }] }, dirs: ['http://127.0.0.1:9/csaf/advisories/'] },
    { name: 'OASIS example: one ROLIE feed, keys kept', json: { canonical_url: 'http://127.0.0.1:9/csaf/provider-metadata.json', distributions: [{ rolie: { feeds: [{ tlp_label: 'WHITE', url: 'http://127.0.0.1:9/csaf/feed-tlp-white.json' }] } }], public_openpgp_keys: [{ fingerprint: 'F', url: 'https://keys.example/F' }] }, feeds: ['http://127.0.0.1:9/csaf/feed-tlp-white.json'] },
    { name: 'no canonical_url', json: { distributions: [{ directory_url: 'http://127.0.0.1:9/a/' }] }, error: /canonical_url/ },
    { name: 'no distributions', json: { canonical_url: at, distributions: [] }, error: /distributions/ },
    { name: 'directory on another host', json: { canonical_url: at, distributions: [{ directory_url: 'https://elsewhere.example/a/' }] }, error: /another host/ },
    { name: 'keys not an array', json: { canonical_url: at, distributions: [{ directory_url: 'http://127.0.0.1:9/a/' }], public_openpgp_keys: {} }, error: /public_openpgp_keys/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.error) return void assert.throws(() => parseProviderMetadata(c.json, at), (e: Error & { code?: string }) => e.code === 'E_CSAF_PROVIDER_INVALID' && c.error.test(e.message));
      const p = parseProviderMetadata(c.json, at);
      if (c.dirs) assert.deepEqual(p.directoryUrls, c.dirs);
      if (c.feeds) assert.deepEqual(p.rolieFeedUrls, c.feeds);
    });
  }
});

describe('parseChangesCsv and parseRolieFeed', () => {
  it('changes.csv: quoted rows, CRLF, a bad timestamp and a malformed line reported by line number', () => {
    const r = parseChangesCsv('"2024/a.json","2024-07-16T13:38:03+00:00"\r\n"2024/b.json","yesterday"\n"2024/c.json\n2023/d.json,2023-01-01T00:00:00Z\n', 'https://h/adv/');
    assert.deepEqual(r.entries.map((e) => [e.relPath, e.url, e.hashUrls[0]]), [['2024/a.json', 'https://h/adv/2024/a.json', 'https://h/adv/2024/a.json.sha256'], ['2023/d.json', 'https://h/adv/2023/d.json', 'https://h/adv/2023/d.json.sha256']]);
    assert.deepEqual(r.problems.map((p) => p.entry), ['changes.csv line 2', 'changes.csv line 3']);
  });
  it('the OASIS ROLIE example shape: content.src under the feed directory, "hash" link as sidecar', async () => {
    const example = feeds ? join(feeds, 'csaf', 'oasis-csaf-2.0', 'examples', 'ROLIE', 'example-01-feed-tlp-white.json') : undefined;
    if (!example || !existsSync(example)) return;
    const r = parseRolieFeed(JSON.parse(await readFile(example, 'utf8')), 'https://psirt.domain.tld/advisories/csaf/feed-tlp-white.json');
    assert.deepEqual(r.entries.map((e) => [e.relPath, e.updated, e.hashUrls]), [['2020/2020-ESA-001.json', '2021-01-01T12:00:00.000Z', ['https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json.sha512']]]);
  });
});
