import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '@patchloop/core';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { buildApp } from './app.js';
import { ensureAdminToken } from './bootstrap/admin-token.js';

const NOW = '2026-11-26T12:00:00.000Z';

describe('HTTP API', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let auth: { authorization: string };
  let viewer: { authorization: string };
  before(async () => {
    t = await openSqliteTestStore();
    const clock = fixedClock(NOW);
    const token = await ensureAdminToken(t.store.tokens, clock);
    assert.ok(token);
    assert.equal(await ensureAdminToken(t.store.tokens, clock), undefined, 'second start creates no token');
    auth = { authorization: `Bearer ${token}` };
    viewer = { authorization: `Bearer ${(await t.store.tokens.createToken('ro', 'viewer', NOW)).token}` };
    app = await buildApp({ store: t.store, clock, logger: false, bodyLimit: 64 * 1024, importBodyLimit: 64 * 1024 });
  });
  after(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('serves /healthz and /readyz without a token', async () => {
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    const ready = await app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().store, 'sqlite');
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/assets'].get);
    assert.ok(doc.paths['/api/v1/assets/{id}/software'].get.parameters.some((p: { name: string }) => p.name === 'at'));
    assert.ok(doc.paths['/api/v1/imports'].post);
  });

  const authCases: [string, Record<string, string>, number, string][] = [
    ['no header', {}, 401, 'E_UNAUTHENTICATED'],
    ['unknown token', { authorization: 'Bearer plt_nope' }, 401, 'E_UNAUTHENTICATED'],
    ['malformed header', { authorization: 'Basic abc' }, 401, 'E_UNAUTHENTICATED'],
  ];
  for (const [name, headers, status, code] of authCases) {
    it(`refuses /api with ${name}`, async () => {
      const res = await app.inject({ url: '/api/v1/assets', headers });
      assert.equal(res.statusCode, status);
      assert.equal(res.json().error.code, code);
    });
  }

  it('a viewer token may read but not write', async () => {
    assert.equal((await app.inject({ url: '/api/v1/assets', headers: viewer })).statusCode, 200);
    const res = await app.inject({ method: 'POST', url: '/api/v1/assets', headers: viewer, payload: { kind: 'host', name: 'x' } });
    assert.equal(res.statusCode, 403);
  });

  it('creates, updates and reads an asset', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/assets', headers: auth, payload: { kind: 'host', name: 'web-1', environment: 'prod', criticality: 5, exposure: 'internet', tags: ['pci'] } });
    assert.equal(created.statusCode, 201);
    const id = created.json().id;
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/assets/${id}`, headers: auth, payload: { owner: 'ops' } });
    assert.equal(patched.statusCode, 200);
    assert.deepEqual([patched.json().owner, patched.json().criticality, patched.json().firstSeen], ['ops', 5, NOW]);
    assert.equal((await app.inject({ url: `/api/v1/assets/${id}`, headers: auth })).json().name, 'web-1');
    const dup = await app.inject({ method: 'POST', url: '/api/v1/assets', headers: auth, payload: { kind: 'host', name: 'web-1' } });
    assert.deepEqual([dup.statusCode, dup.json().error.code], [409, 'E_ASSET_EXISTS']);
  });

  const badBodies: [string, unknown, string][] = [
    ['criticality out of range', { kind: 'host', name: 'h', criticality: 9 }, 'body.criticality'],
    ['unknown kind', { kind: 'router', name: 'h' }, 'body.kind'],
    ['missing name', { kind: 'host' }, 'body.name'],
    ['unknown field', { kind: 'host', name: 'h', colour: 'red' }, 'body.colour'],
    ['tags not strings', { kind: 'host', name: 'h', tags: [1] }, 'body.tags.0'],
  ];
  for (const [name, payload, field] of badBodies) {
    it(`400 naming the field: ${name}`, async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/assets', headers: auth, payload: payload as object });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'E_VALIDATION');
      assert.equal(res.json().error.field, field);
    });
  }

  it('413 with a clear message when the body is too large', async () => {
    const payload = { packages: Array.from({ length: 2000 }, (_, i) => ({ ecosystem: 'Debian:12', name: `package-number-${i}`, version: '1.0-1' })) };
    const res = await app.inject({ method: 'PUT', url: '/api/v1/assets/x/software', headers: auth, payload });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'E_BODY_TOO_LARGE');
  });

  it('lists with filters and follows the cursor to the end', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/assets', headers: auth, payload: { kind: 'image', name: `img-${i}`, groups: ['g1'] } });
    const names: string[] = [];
    let url = '/api/v1/assets?kind=image&group=g1&limit=2';
    for (;;) {
      const body = (await app.inject({ url, headers: auth })).json();
      names.push(...body.items.map((a: { name: string }) => a.name));
      if (!body.nextCursor) break;
      url = `/api/v1/assets?kind=image&group=g1&limit=2&cursor=${body.nextCursor}`;
    }
    assert.deepEqual(names, ['img-0', 'img-1', 'img-2', 'img-3', 'img-4']);
    const bad = await app.inject({ url: '/api/v1/assets?limit=0', headers: auth });
    assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'querystring.limit']);
  });

  it('replaces software and answers "what was installed at time T"', async () => {
    const id = (await app.inject({ method: 'POST', url: '/api/v1/assets', headers: auth, payload: { kind: 'host', name: 'hist' } })).json().id;
    const put = (observedAt: string, version: string) =>
      app.inject({ method: 'PUT', url: `/api/v1/assets/${id}/software`, headers: auth, payload: { observedAt, packages: [{ ecosystem: 'Debian:12', name: 'openssl', version, arch: 'amd64' }] } });
    assert.deepEqual((await put('2026-11-01T00:00:00Z', '3.0.9-1')).json(), { added: 1, removed: 0, changed: 0, unchanged: 0 });
    assert.deepEqual((await put('2026-11-10T00:00:00Z', '3.0.11-1~deb12u2')).json(), { added: 0, removed: 0, changed: 1, unchanged: 0 });
    const at = (await app.inject({ url: `/api/v1/assets/${id}/software?at=2026-11-05`, headers: auth })).json();
    assert.deepEqual(at.packages.map((p: { version: string }) => p.version), ['3.0.9-1']);
    const changes = (await app.inject({ url: `/api/v1/assets/${id}/software/changes`, headers: auth })).json().changes;
    assert.deepEqual(changes.map((c: { kind: string; at: string }) => `${c.at} ${c.kind}`), ['2026-11-01T00:00:00.000Z added', '2026-11-10T00:00:00.000Z changed']);
    const badAt = await app.inject({ url: `/api/v1/assets/${id}/software?at=last-week`, headers: auth });
    assert.deepEqual([badAt.statusCode, badAt.json().error.code, badAt.json().error.field], [400, 'E_INSTANT_INVALID', 'at']);
  });

  it('imports a dpkg status as a host; re-importing changes nothing', async () => {
    const body = readFileSync(new URL('testdata/handmade.status', import.meta.url), 'utf8');
    const url = '/api/v1/imports?format=dpkg-status&name=imported-1&ecosystem=Debian:12&file=handmade.status';
    const first = await app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'text/plain' }, payload: body });
    assert.equal(first.statusCode, 200, first.body);
    const r = first.json();
    assert.deepEqual([r.created, r.asset.kind, r.asset.name, r.removed], [true, 'host', 'imported-1', 0]);
    assert.ok(r.added >= 8, `added ${r.added}`);
    assert.ok(r.warnings.length > 0, 'skipped stanzas are reported');
    const again = (await app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'text/plain' }, payload: body })).json();
    assert.deepEqual([again.created, again.added, again.unchanged], [false, 0, r.added]);
  });

  it('imports a CycloneDX container SBOM as an image, format detected from content', async () => {
    const body = readFileSync(new URL('testdata/container-os.cdx.json', import.meta.url), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...auth, 'content-type': 'application/json' }, payload: body });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().asset.kind, res.json().asset.name], ['image', 'registry.example.org/shop/api']);
  });

  const badImports: [string, string, string, string, RegExp][] = [
    ['a malformed dpkg status line', '/api/v1/imports?format=dpkg-status&name=bad-1&ecosystem=Debian:12&file=status', 'Package: a\nStatus: install ok installed\nthis line is junk\n', 'E_DPKG_STATUS_INVALID', /status, line 3/],
    ['truncated SBOM JSON', '/api/v1/imports?name=bad-2&file=bom.json', '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [', 'E_JSON_INVALID', /bom\.json/],
    ['a dpkg status without an ecosystem', '/api/v1/imports?format=dpkg-status&name=bad-3', 'Package: a\nStatus: install ok installed\nVersion: 1\n', 'E_ECOSYSTEM_REQUIRED', /Debian:12/],
    ['an unknown format', '/api/v1/imports?format=msi&name=bad-4', 'x', 'E_FORMAT_UNKNOWN', /msi/],
  ];
  for (const [name, url, payload, code, message] of badImports) {
    it(`a bad import is 400 and stores nothing: ${name}`, async () => {
      const res = await app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'text/plain' }, payload });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, code);
      assert.match(res.json().error.message, message);
      const names = (await app.inject({ url: '/api/v1/assets?q=bad-&limit=500', headers: auth })).json().items;
      assert.deepEqual(names, []);
    });
  }

  it('an import larger than the import limit is 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports?name=big', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'x'.repeat(70 * 1024) });
    assert.deepEqual([res.statusCode, res.json().error.code], [413, 'E_BODY_TOO_LARGE']);
  });

  it('404 with a code for a missing asset', async () => {
    const res = await app.inject({ url: '/api/v1/assets/00000000-0000-7000-8000-000000000000', headers: auth });
    assert.deepEqual([res.statusCode, res.json().error.code], [404, 'E_ASSET_NOT_FOUND']);
  });
});
