import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { DomainError, jobSigningBytes, type SignableJob } from '@patchloop/core';

/**
 * Signs a job's canonical bytes (core jobSigningBytes) with Ed25519; returns base64url.
 * @example const signature = signJob(job, privateKeyPem);
 */
export function signJob(job: SignableJob, privateKeyPem: string): string {
  return sign(null, jobSigningBytes(job), ed25519Key(createPrivateKey(privateKeyPem))).toString('base64url');
}

/** True when `signature` is the Ed25519 signature of the job's canonical bytes under this public key. */
export function verifyJobSignature(job: SignableJob, signature: string, publicKeyPem: string): boolean {
  const key = ed25519Key(createPublicKey(publicKeyPem));
  try {
    return verify(null, jobSigningBytes(job), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** A new Ed25519 key pair as PEM (PKCS#8 private, SPKI public). */
export function generateJobSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function ed25519Key(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new DomainError('E_JOB_SIGNING_KEY_INVALID', 'invalid_input', `job signing keys are Ed25519, not ${key.asymmetricKeyType ?? 'symmetric'}`);
  return key;
}
