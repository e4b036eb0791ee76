import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { jobSigningBytes, type SignableJob } from '@patchloop/core';
import { samePublicKey, verifyJobSignature } from './job-signature.js';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const server = pair();
const other = pair();
const JOB: SignableJob = { id: 'j1', assetId: 'a1', kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] }, idempotencyKey: 'k1', expiresAt: '2026-12-01T00:00:00.000Z' };
const signWith = (key: typeof server.privateKey, job: SignableJob = JOB) => sign(null, jobSigningBytes(job), key).toString('base64url');
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

const cases: { name: string; job: SignableJob; signature: string; key: string; valid: boolean }[] = [
  { name: 'a good signature with the pinned key', job: JOB, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: true },
  { name: 'key order in args does not matter (canonical bytes)', job: { ...JOB, args: { packages: [{ version: '3.0.11-1~deb12u2', name: 'openssl' }] } }, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: true },
  { name: 'tampered args', job: { ...JOB, args: { packages: [{ name: 'openssl', version: '1.0.0' }] } }, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: false },
  { name: 'tampered kind', job: { ...JOB, kind: 'script' }, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: false },
  { name: 'tampered assetId', job: { ...JOB, assetId: 'a2' }, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: false },
  { name: 'an expiry removed', job: { id: JOB.id, assetId: JOB.assetId, kind: JOB.kind, args: JOB.args, idempotencyKey: JOB.idempotencyKey }, signature: signWith(server.privateKey), key: server.publicKeyPem, valid: false },
  { name: 'signed by another key', job: JOB, signature: signWith(other.privateKey), key: server.publicKeyPem, valid: false },
  { name: 'verified with the wrong key', job: JOB, signature: signWith(server.privateKey), key: other.publicKeyPem, valid: false },
  { name: 'a truncated signature', job: JOB, signature: signWith(server.privateKey).slice(0, 40), key: server.publicKeyPem, valid: false },
  { name: 'an empty signature', job: JOB, signature: '', key: server.publicKeyPem, valid: false },
  { name: 'a pinned key that is not Ed25519', job: JOB, signature: signWith(server.privateKey), key: rsaPem, valid: false },
  { name: 'a pinned key that is not a key', job: JOB, signature: signWith(server.privateKey), key: 'not a pem', valid: false },
];

describe('verifyJobSignature', () => {
  for (const c of cases) {
    it(`${c.valid ? 'accepts' : 'rejects'} ${c.name}`, () => {
      assert.equal(verifyJobSignature(c.job, c.signature, c.key), c.valid);
    });
  }
});

describe('samePublicKey', () => {
  it('is true for the same key however the PEM is wrapped, false for another key', () => {
    assert.equal(samePublicKey(server.publicKeyPem, `\n${server.publicKeyPem.replace(/\n/g, '\r\n')}`), true);
    assert.equal(samePublicKey(server.publicKeyPem, other.publicKeyPem), false);
    assert.equal(samePublicKey(server.publicKeyPem, 'garbage'), false);
  });
});
