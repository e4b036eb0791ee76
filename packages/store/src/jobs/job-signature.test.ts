import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { SignableJob } from '@patchloop/core';
import { generateJobSigningKeyPair, signJob, verifyJobSignature } from './job-signature.js';

const JOB: SignableJob = { id: '019ac1f0-6b2a-7c3d-8e4f-0a1b2c3d4e5f', assetId: 'a1', kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1~deb12u2' }] }, idempotencyKey: 'patch-2026-11', notBefore: '2026-11-27T10:00:00.000Z' };
const KEYS = generateJobSigningKeyPair();
const OTHER = generateJobSigningKeyPair();
const SIG = signJob(JOB, KEYS.privateKeyPem);

describe('job signatures (Ed25519)', () => {
  it('round trip: a signature verifies under its public key', () => assert.equal(verifyJobSignature(JOB, SIG, KEYS.publicKeyPem), true));
  it('is deterministic (Ed25519) and 64 bytes', () => {
    assert.equal(signJob(JOB, KEYS.privateKeyPem), SIG);
    assert.equal(Buffer.from(SIG, 'base64url').length, 64);
  });
  const tampered: { name: string; job: SignableJob }[] = [
    { name: 'another version', job: { ...JOB, args: { packages: [{ name: 'openssl', version: '3.0.9-1' }] } } },
    { name: 'another asset', job: { ...JOB, assetId: 'a2' } },
    { name: 'another kind', job: { ...JOB, kind: 'rollback' } },
    { name: 'another id (replay as a new job)', job: { ...JOB, id: '019ac1f0-6b2a-7c3d-8e4f-0a1b2c3d4e60' } },
    { name: 'another idempotency key', job: { ...JOB, idempotencyKey: 'x' } },
    { name: 'notBefore removed', job: { ...JOB, notBefore: undefined } },
    { name: 'an expiry added', job: { ...JOB, expiresAt: '2030-01-01T00:00:00.000Z' } },
  ];
  for (const c of tampered) it(`tamper: ${c.name} fails`, () => assert.equal(verifyJobSignature(c.job, SIG, KEYS.publicKeyPem), false));
  it('wrong key fails', () => assert.equal(verifyJobSignature(JOB, SIG, OTHER.publicKeyPem), false));
  it('a mangled signature fails (no throw)', () => {
    // Change one character well inside the signature (the last characters may only carry padding bits).
    const mangled = `${SIG.slice(0, 10)}${SIG[10] === 'A' ? 'B' : 'A'}${SIG.slice(11)}`;
    assert.equal(verifyJobSignature(JOB, mangled, KEYS.publicKeyPem), false);
    assert.equal(verifyJobSignature(JOB, 'short', KEYS.publicKeyPem), false);
  });
  it('refuses a non-Ed25519 key with E_JOB_SIGNING_KEY_INVALID', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.throws(() => signJob(JOB, rsa), { code: 'E_JOB_SIGNING_KEY_INVALID' });
  });
});
