import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@patchloop/core';
import { fetchToFile, type FetchToFileOptions } from './fetcher.js';
import { startLocalHttpServer, type LocalHttpServer } from './local-http-server.js';
import { sharedFeedsDir } from './shared-data.js';

const feeds = sharedFeedsDir();
const skip = feeds ? false : 'shared feed data not found (set PATCHLOOP_SHARED to the folder holding feeds/)';
if (skip) console.log(`# skipping fetcher tests: ${skip}`);

let kev: Buffer = Buffer.alloc(0);
let kevSha = '';
const etag = '"kev-v1"';

/** Serves real KEV bytes under scripted behaviours, one path per behaviour. */
async function route(req: IncomingMessage, res: ServerResponse, hit: number): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const ok = (): void => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': kev.length, etag, 'last-modified': 'Fri, 07 Aug 2026 12:00:00 GMT' });
    res.end(kev);
  };
  switch (path) {
    case '/kev.json':
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return ok();
    case '/flaky-500.json':
      if (hit === 1) return void res.writeHead(500).end('boom');
      return ok();
    case '/busy-429.json':
      if (hit === 1) return void res.writeHead(429, { 'retry-after': '7' }).end();
      return ok();
    case '/busy-429-date.json':
      if (hit === 1) return void res.writeHead(429, { 'retry-after': 'Fri, 07 Aug 2026 12:00:30 GMT' }).end();
      return ok();
    case '/truncated.json':
      res.writeHead(200, { 'content-length': kev.length });
      res.write(kev.subarray(0, 1000));
      return void setTimeout(() => res.socket?.destroy(), 10);
    case '/slow.json':
      return; // never answers: the client's timeout must fire
    case '/missing.json':
      return void res.writeHead(404).end('not here');
    case '/kev.json.sha256':
      return void res.writeHead(200).end(`${kevSha}  kev.json\n`);
    case '/bad-sidecar.json':
      return ok();
    case '/bad-sidecar.json.sha256':
      return void res.writeHead(200).end(`${'0'.repeat(64)}  bad-sidecar.json\n`);
    default:
      res.writeHead(500).end('unknown path');
  }
}

describe('fetchToFile against a local HTTP server serving the real KEV file', { skip }, () => {
  let srv: LocalHttpServer;
  let dir: string;
  const sleeps: number[] = [];
  const base = (): FetchToFileOptions => ({ sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, now: () => Date.parse('2026-08-07T12:00:00Z'), timeoutMs: 5000, retries: 2 });

  before(async () => {
    kev = await readFile(join(feeds!, 'kev', 'known_exploited_vulnerabilities.json'));
    kevSha = createHash('sha256').update(kev).digest('hex');
    srv = await startLocalHttpServer(route);
    dir = await mkdtemp(join(tmpdir(), 'patchloop-fetch-'));
  });
  after(async () => {
    await srv.close();
    await rm(dir, { recursive: true, force: true });
  });

  const OLD = 'previous file content';
  const cases: { name: string; path: string; opts?: FetchToFileOptions; preexisting?: boolean; expect: { code?: string; status?: string; hits: number; sleeps: number[] } }[] = [
    { name: '500 then 200: retried once after a full-jitter backoff (0.5 x 1000 ms), then downloaded', path: '/flaky-500.json', expect: { status: 'downloaded', hits: 2, sleeps: [500] } },
    { name: '429 with Retry-After: 7 waits 7000 ms, then downloaded', path: '/busy-429.json', expect: { status: 'downloaded', hits: 2, sleeps: [7000] } },
    { name: '429 with Retry-After as an HTTP date waits until then (30 s)', path: '/busy-429-date.json', expect: { status: 'downloaded', hits: 2, sleeps: [30_000] } },
    { name: 'truncated body (Content-Length larger, socket closed): retried, then E_FETCH_TRUNCATED, old file kept', path: '/truncated.json', preexisting: true, expect: { code: 'E_FETCH_TRUNCATED', hits: 3, sleeps: [500, 1000] } },
    { name: 'no answer within the timeout: retried, then E_FETCH_TIMEOUT, old file kept', path: '/slow.json', preexisting: true, opts: { timeoutMs: 150, retries: 1 }, expect: { code: 'E_FETCH_TIMEOUT', hits: 2, sleeps: [500] } },
    { name: '404: not retried, E_FETCH_HTTP_STATUS', path: '/missing.json', expect: { code: 'E_FETCH_HTTP_STATUS', hits: 1, sleeps: [] } },
    { name: 'expected sha256 differs: E_CHECKSUM_MISMATCH, old file kept', path: '/kev.json', preexisting: true, opts: { sha256: 'f'.repeat(64) }, expect: { code: 'E_CHECKSUM_MISMATCH', hits: 1, sleeps: [] } },
    { name: 'sidecar <url>.sha256 matches: downloaded', path: '/kev.json', opts: { sha256Url: 'SIDECAR' }, expect: { status: 'downloaded', hits: 1, sleeps: [] } },
    { name: 'sidecar <url>.sha256 differs: E_CHECKSUM_MISMATCH, old file kept', path: '/bad-sidecar.json', preexisting: true, opts: { sha256Url: 'SIDECAR' }, expect: { code: 'E_CHECKSUM_MISMATCH', hits: 1, sleeps: [] } },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const dest = join(dir, `${c.name.replace(/\W+/g, '-')}.json`);
      if (c.preexisting) await writeFile(dest, OLD);
      const before = srv.hits(c.path);
      sleeps.length = 0;
      const url = `${srv.baseUrl}${c.path}`;
      const opts = { ...base(), ...c.opts, ...(c.opts?.sha256Url ? { sha256Url: `${url}.sha256` } : {}) };
      const run = fetchToFile(url, dest, opts);
      if (c.expect.code) {
        await assert.rejects(run, (e: unknown) => e instanceof DomainError && e.code === c.expect.code && e.message.includes(url));
        if (c.preexisting) assert.equal(await readFile(dest, 'utf8'), OLD);
      } else {
        const r = await run;
        assert.equal(r.status, c.expect.status);
        assert.equal(r.attempts, c.expect.hits);
        assert.equal(r.sha256, kevSha);
        assert.ok((await readFile(dest)).equals(kev));
      }
      assert.equal(srv.hits(c.path) - before, c.expect.hits);
      assert.deepEqual(sleeps, c.expect.sleeps);
      assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.part')), [], 'no temporary file is left behind');
    });
  }

  it('200 with an ETag, then 304 on the conditional second request: the file is untouched', async () => {
    const dest = join(dir, 'kev-conditional.json');
    const first = await fetchToFile(`${srv.baseUrl}/kev.json`, dest, base());
    assert.equal(first.status, 'downloaded');
    assert.equal(first.etag, etag);
    assert.equal(first.bytes, kev.length);
    const mtime = (await stat(dest)).mtimeMs;
    const second = await fetchToFile(`${srv.baseUrl}/kev.json`, dest, { ...base(), validators: { etag: first.etag, lastModified: first.lastModified } });
    assert.equal(second.status, 'not-modified');
    assert.equal(second.bytes, 0);
    assert.equal((await stat(dest)).mtimeMs, mtime);
    const last = srv.requests[srv.requests.length - 1]!;
    assert.equal(last.headers['if-none-match'], etag);
    assert.equal(last.headers['if-modified-since'], 'Fri, 07 Aug 2026 12:00:00 GMT');
  });

  it('validators are not sent when the destination file is missing (a 304 would leave nothing)', async () => {
    const dest = join(dir, 'kev-vanished.json');
    const r = await fetchToFile(`${srv.baseUrl}/kev.json`, dest, { ...base(), validators: { etag } });
    assert.equal(r.status, 'downloaded');
    assert.equal(srv.requests[srv.requests.length - 1]!.headers['if-none-match'], undefined);
  });

  it('connection refused: retried, then E_FETCH_FAILED', async () => {
    const closed = await startLocalHttpServer(() => undefined);
    const url = `${closed.baseUrl}/kev.json`;
    await closed.close();
    sleeps.length = 0;
    await assert.rejects(fetchToFile(url, join(dir, 'refused.json'), { ...base(), retries: 1 }), (e: unknown) => e instanceof DomainError && e.code === 'E_FETCH_FAILED' && e.kind === 'unavailable');
    assert.deepEqual(sleeps, [500]);
  });
});
