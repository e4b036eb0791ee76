import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDomainError } from '@patchloop/core';
import { generateJobSigningKeyPair, openStore, type Store } from '@patchloop/store';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { buildApp } from '../app.js';
import { JOB_SIGNING_KEY_ENV, JOB_SIGNING_KEY_FILE, readJobSigningKeyFile, resolveJobSigningKey } from './job-signing-key.js';

describe('job signing key', () => {
  let t: TestStore;
  let dir: string;
  before(async () => {
    t = await openSqliteTestStore();
    dir = mkdtempSync(join(tmpdir(), 'patchloop-key-'));
  });
  after(async () => {
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, pem: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, pem);
    chmodSync(path, mode);
    return path;
  };

  it('is generated next to the SQLite file with mode 0600 on first start, and reused after', async () => {
    const first = await resolveJobSigningKey({ store: t.store, env: {} });
    assert.ok(first);
    assert.match(first.origin, new RegExp(`${JOB_SIGNING_KEY_FILE}$`));
    assert.equal(statSync(first.origin).mode & 0o777, 0o600);
    const second = await resolveJobSigningKey({ store: t.store, env: {} });
    assert.equal(second?.publicKeyPem, first.publicKeyPem);
  });

  it('is read from the file PATCHLOOP_JOB_SIGNING_KEY names, and served at enrollment', async () => {
    const { privateKeyPem, publicKeyPem } = generateJobSigningKeyPair();
    const path = write('env.pem', privateKeyPem, 0o600);
    assert.equal((await resolveJobSigningKey({ store: t.store, env: { [JOB_SIGNING_KEY_ENV]: path } }))?.publicKeyPem, publicKeyPem);
    const app = await buildApp({ store: t.store, logger: false, jobSigningKey: { path } });
    const { token } = await t.store.agents.createEnrollmentToken({ name: 'k', expiresAt: '2999-01-01T00:00:00.000Z', maxUses: 1 }, new Date().toISOString());
    const res = await app.inject({ method: 'POST', url: '/agent/v1/enroll', payload: { enrollmentToken: token, hostname: 'k', agentVersion: '1', allowedJobKinds: [], facts: {} } });
    await app.close();
    assert.equal(res.json().jobSigningPublicKey, publicKeyPem);
  });

  const refused: { name: string; pem: () => string; mode: number; code: string }[] = [
    { name: 'a key others can read', pem: () => generateJobSigningKeyPair().privateKeyPem, mode: 0o644, code: 'E_JOB_SIGNING_KEY_PERMISSIONS' },
    { name: 'a key that is not Ed25519', pem: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), mode: 0o600, code: 'E_JOB_SIGNING_KEY_INVALID' },
    { name: 'a file that is not a key', pem: () => 'hello', mode: 0o600, code: 'E_JOB_SIGNING_KEY_INVALID' },
  ];
  for (const c of refused) {
    it(`refuses ${c.name} (${c.code})`, () => {
      const path = write(`${c.code}-${c.mode}.pem`, c.pem(), c.mode);
      assert.throws(() => readJobSigningKeyFile(path), (e: unknown) => isDomainError(e) && e.code === c.code);
    });
  }
  it('refuses a missing file (E_JOB_SIGNING_KEY_MISSING)', () => {
    assert.throws(() => readJobSigningKeyFile(join(dir, 'absent.pem')), (e: unknown) => isDomainError(e) && e.code === 'E_JOB_SIGNING_KEY_MISSING');
  });

  it('is not invented for a store without a file (in-memory here, PostgreSQL alike): enrollment answers 503', async () => {
    const mem: Store = await openStore({ sqlitePath: ':memory:' });
    await mem.migrate();
    assert.equal(await resolveJobSigningKey({ store: mem, env: {} }), undefined);
    const app = await buildApp({ store: mem, logger: false });
    const res = await app.inject({ method: 'POST', url: '/agent/v1/enroll', payload: { enrollmentToken: 'x', hostname: 'h', agentVersion: '1', allowedJobKinds: [], facts: {} } });
    await app.close();
    await mem.close();
    assert.deepEqual([res.statusCode, res.json().error.code], [503, 'E_JOB_SIGNING_KEY_MISSING']);
  });
});
