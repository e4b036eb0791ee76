import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedSourceName } from '../feed-format.js';
import { syncFeeds, type SyncFeedsOptions } from './sync.js';
import { listFeedFiles } from './feed-urls.js';
import { startLocalHttpServer, type LocalHttpServer } from './local-http-server.js';
import { sharedFeedsDir } from './shared-data.js';
import { readSyncState } from './sync-state.js';

const feeds = sharedFeedsDir();
const skip = feeds ? false : 'shared feed data not found (set PATCHLOOP_SHARED to the folder holding feeds/)';
if (skip) console.log(`# skipping sync tests: ${skip}`);

/** The mirror layout (sync/README.md) mapped onto the shared data. */
const MIRROR: Record<string, string> = {
  '/mirror/kev/known_exploited_vulnerabilities.json': 'kev/known_exploited_vulnerabilities.json',
  '/mirror/epss/epss_scores-current.csv.gz': 'epss/epss_scores-2025-04-15.csv.gz',
  '/mirror/alpine/secdb/v3.20/main.json': 'alpine/secdb/v3.20/main.json',
  '/mirror/alpine/secdb/v3.20/community.json': 'alpine/secdb/v3.20/community.json',
  '/mirror/nvd/index.json': '',
  '/mirror/nvd/page-0000000.json': 'nvd/api-2.0-page/osv-dev-vulnfeeds-test.json',
};

/** Serves mirror files with a content ETag and 304 on If-None-Match; "/api" plays the NVD API. */
async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api') return nvdApi(url, res);
  if (url.pathname === '/mirror/nvd/index.json') return void res.end(JSON.stringify({ files: ['page-0000000.json'] }));
  const rel = MIRROR[url.pathname];
  if (rel === undefined) return void res.writeHead(404).end();
  const path = join(feeds!, rel);
  const etag = `"${createHash('sha256').update(await readFile(path)).digest('hex').slice(0, 16)}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { etag, 'content-length': (await stat(path)).size });
  createReadStream(path).pipe(res);
}

/** Two pages of 1 CVE each: the real NVD page with totalResults 2 and the asked startIndex. */
async function nvdApi(url: URL, res: ServerResponse): Promise<void> {
  const page = JSON.parse(await readFile(join(feeds!, 'nvd/api-2.0-page/osv-dev-vulnfeeds-test.json'), 'utf8')) as Record<string, unknown>;
  res.end(JSON.stringify({ ...page, totalResults: 2, resultsPerPage: 1, startIndex: Number(url.searchParams.get('startIndex')) }));
}

describe('syncFeeds from a local mirror (no store: importPath and recordAttempt recorded)', { skip }, () => {
  let srv: LocalHttpServer;
  let cacheDir: string;
  const imports: { source: string; path: string; origin: string }[] = [];
  const attempts: { source: string; error?: string }[] = [];
  const sleeps: number[] = [];
  const options = (sources: FeedSourceName[], extra: Partial<SyncFeedsOptions> = {}): SyncFeedsOptions => ({
    sources, cacheDir, mirror: `${srv.baseUrl}/mirror`, selection: { alpineReleases: ['3.20'], ubuntuReleases: ['noble'] },
    fetcher: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, retries: 1 },
    importPath: async (source, path, origin) => void imports.push({ source, path, origin }),
    recordAttempt: async (source, error) => void attempts.push({ source, ...(error ? { error } : {}) }),
    ...extra,
  });

  before(async () => {
    srv = await startLocalHttpServer(serve);
    cacheDir = await mkdtemp(join(tmpdir(), 'patchloop-sync-'));
  });
  after(async () => {
    await srv.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('first run: single-file sources import the file, multi-file sources the directory; one failing source does not stop the others', async () => {
    const results = await syncFeeds(options(['kev', 'ubuntu-oval', 'alpine-secdb', 'cve5', 'epss']));
    assert.deepEqual(results.map((r) => [r.source, r.status]), [['kev', 'updated'], ['ubuntu-oval', 'failed'], ['alpine-secdb', 'updated'], ['cve5', 'import-only'], ['epss', 'updated']]);
    assert.match(results[1]!.error!, /^E_FETCH_HTTP_STATUS: .*com\.ubuntu\.noble\.usn\.oval\.xml\.bz2: HTTP 404/);
    assert.match(results[3]!.note!, /vulnrichment/);
    assert.deepEqual(imports.map((i) => [i.source, i.path]), [
      ['kev', join(cacheDir, 'kev', 'known_exploited_vulnerabilities.json')],
      ['alpine-secdb', join(cacheDir, 'alpine-secdb')],
      ['epss', join(cacheDir, 'epss', 'epss_scores-current.csv.gz')],
    ]);
    assert.equal(imports[0]!.origin, `${srv.baseUrl}/mirror/kev/known_exploited_vulnerabilities.json`);
    assert.deepEqual(attempts, [{ source: 'ubuntu-oval', error: results[1]!.error }]);
    assert.deepEqual((await readdir(join(cacheDir, 'alpine-secdb'), { recursive: true })).sort(), ['v3.20', 'v3.20/community.json', 'v3.20/main.json']);
    assert.ok((await readFile(join(cacheDir, 'epss', 'epss_scores-current.csv.gz'))).equals(await readFile(join(feeds!, 'epss/epss_scores-2025-04-15.csv.gz'))));
  });

  it('second run: every file answers 304, nothing is imported, the attempt is recorded', async () => {
    imports.length = 0;
    attempts.length = 0;
    const before = srv.requests.length;
    const results = await syncFeeds(options(['kev', 'alpine-secdb', 'epss']));
    assert.deepEqual(results.map((r) => r.status), ['not-modified', 'not-modified', 'not-modified']);
    assert.deepEqual(imports, []);
    assert.deepEqual(attempts.map((a) => a.source), ['kev', 'alpine-secdb', 'epss']);
    assert.ok(srv.requests.slice(before).every((r) => typeof r.headers['if-none-match'] === 'string'), 'every request was conditional on its own ETag');
  });

  it('a download whose import failed is imported again on the next run even when the server says 304', async () => {
    imports.length = 0;
    const failing = await syncFeeds(options(['kev'], { importPath: async () => { throw new Error('parser exploded'); } }));
    assert.equal(failing[0]!.status, 'not-modified'); // files 304 and imported before: nothing to do
    const state = await readSyncState(cacheDir, 'kev');
    await rm(join(cacheDir, 'kev', 'known_exploited_vulnerabilities.json'));
    const refetch = await syncFeeds(options(['kev'], { importPath: async () => { throw new Error('parser exploded'); } }));
    assert.equal(refetch[0]!.status, 'failed');
    assert.match(refetch[0]!.error!, /parser exploded/);
    assert.equal(state.imported, true);
    assert.equal((await readSyncState(cacheDir, 'kev')).imported, false);
    const retry = await syncFeeds(options(['kev']));
    assert.equal(retry[0]!.status, 'updated');
    assert.equal(retry[0]!.files[0]!.status, 'not-modified');
    assert.equal(imports.length, 1);
  });

  it('nvd from the API: pages of resultsPerPage into one run directory, apiKey header, a delay between pages; imported as one directory', async () => {
    imports.length = 0;
    sleeps.length = 0;
    const r = await syncFeeds(options(['nvd'], { mirror: undefined, nvd: { apiUrl: `${srv.baseUrl}/api`, apiKey: 'k-123', resultsPerPage: 1, pageDelayMs: 600, now: () => new Date('2026-08-07T12:00:00Z') } }));
    assert.equal(r[0]!.status, 'updated');
    assert.deepEqual(r[0]!.files.map((f) => f.relPath), ['20260807T120000Z-full/page-0000000.json', '20260807T120000Z-full/page-0000001.json']);
    assert.deepEqual(sleeps, [600]);
    const apiCalls = srv.requests.filter((q) => q.path === '/api');
    assert.ok(apiCalls.every((q) => q.headers.apikey === 'k-123'));
    assert.deepEqual(imports.map((i) => i.path), [join(cacheDir, 'nvd')]);
    assert.equal((await readSyncState(cacheDir, 'nvd')).nvdLastModEnd, '2026-08-07T12:00:00.000Z');
  });

  it('nvd incremental run: lastModStartDate/lastModEndDate window from the last run, in a -delta directory', async () => {
    const before = srv.requests.length;
    const r = await syncFeeds(options(['nvd'], { mirror: undefined, nvd: { apiUrl: `${srv.baseUrl}/api`, resultsPerPage: 1, pageDelayMs: 0, now: () => new Date('2026-08-08T12:00:00Z') } }));
    assert.equal(r[0]!.status, 'updated');
    assert.match(r[0]!.files[0]!.relPath, /^20260808T120000Z-delta\//);
    const q = new URL(`http://x${srv.requests[before]!.url}`).searchParams;
    assert.equal(q.get('lastModStartDate'), '2026-08-07T12:00:00.000+00:00');
    assert.equal(q.get('lastModEndDate'), '2026-08-08T12:00:00.000+00:00');
    assert.equal(srv.requests.length - before, 2);
    assert.deepEqual((await readdir(join(cacheDir, 'nvd'))).sort(), ['20260807T120000Z-full', '20260808T120000Z-delta']);
  });

  it('nvd from a mirror: nvd/index.json lists the page files, fetched conditionally', async () => {
    const mirrorCache = await mkdtemp(join(tmpdir(), 'patchloop-sync-nvd-'));
    try {
      const first = await syncFeeds({ ...options(['nvd']), cacheDir: mirrorCache });
      assert.equal(first[0]!.status, 'updated');
      const second = await syncFeeds({ ...options(['nvd']), cacheDir: mirrorCache });
      assert.equal(second[0]!.status, 'not-modified');
    } finally {
      await rm(mirrorCache, { recursive: true, force: true });
    }
  });
});

describe('listFeedFiles: official URLs and mirror paths', () => {
  const cases = [
    { name: 'kev official', source: 'kev', mirror: undefined, urls: ['https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json'] },
    { name: 'epss official', source: 'epss', mirror: undefined, urls: ['https://epss.empiricalsecurity.com/epss_scores-current.csv.gz'] },
    { name: 'debian-oval default release bookworm', source: 'debian-oval', mirror: undefined, urls: ['https://www.debian.org/security/oval/oval-definitions-bookworm.xml.bz2'] },
    { name: 'ubuntu-oval default release noble', source: 'ubuntu-oval', mirror: undefined, urls: ['https://security-metadata.canonical.com/oval/com.ubuntu.noble.usn.oval.xml.bz2'] },
    { name: 'debian-dsa: DSA and DLA lists from salsa', source: 'debian-dsa', mirror: undefined, urls: ['https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data/DSA/list', 'https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data/DLA/list'] },
    { name: 'debian-tracker JSON', source: 'debian-tracker', mirror: undefined, urls: ['https://security-tracker.debian.org/tracker/data/json'] },
    { name: 'osv under a mirror with a trailing slash', source: 'osv', mirror: 'https://m.example/feeds/', urls: ['Go', 'npm', 'PyPI', 'Maven', 'Debian', 'Alpine'].map((e) => `https://m.example/feeds/osv/${e}/all.zip`) },
    { name: 'alpine under a mirror without a trailing slash', source: 'alpine-secdb', mirror: 'https://m.example/feeds', urls: ['https://m.example/feeds/alpine/secdb/v3.22/main.json', 'https://m.example/feeds/alpine/secdb/v3.22/community.json'] },
    { name: 'cve5 is import-only', source: 'cve5', mirror: undefined, urls: [] },
  ] as const;
  for (const c of cases) it(c.name, () => assert.deepEqual(listFeedFiles(c.source, {}, c.mirror).map((f) => f.url), c.urls));
  it('osv official URL per ecosystem', () => assert.equal(listFeedFiles('osv', { osvEcosystems: ['PyPI'] })[0]!.url, 'https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip'));
});
