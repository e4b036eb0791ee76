import { createPublicKey, verify } from 'node:crypto';
import { jobSigningBytes, type JobArgs, type JobKind, type SignableJob } from '@patchloop/core';

/**
 * True when `signature` (base64url) is the Ed25519 signature of core's canonical job bytes under
 * the pinned public key (SPKI PEM). Anything unparsable, or a key that is not Ed25519, is false.
 * The agent's own copy: @patchloop/store has one too, but the agent must not pull in the store.
 * @example verifyJobSignature(signableFields(job), signature, state.pinnedPublicKeyPem)
 */
export function verifyJobSignature(job: SignableJob, signature: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, jobSigningBytes(job), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** A job as it came over the wire: kind and args not checked yet. */
export type UncheckedSignableJob = Omit<SignableJob, 'kind' | 'args'> & { kind: string; args: unknown };

/** The signed fields of a job as it came over the wire (nothing else is trusted, nothing is checked yet). */
export function signableFields(job: UncheckedSignableJob): SignableJob {
  return {
    id: job.id,
    assetId: job.assetId,
    // Only serialized into the signed bytes here; gateLeasedJob checks kind and args after the signature.
    kind: job.kind as JobKind,
    args: job.args as JobArgs,
    idempotencyKey: job.idempotencyKey,
    ...(job.notBefore ? { notBefore: job.notBefore } : {}),
    ...(job.expiresAt ? { expiresAt: job.expiresAt } : {}),
  };
}

/** Whether two PEMs hold the same public key (compared as SPKI DER, so PEM formatting does not matter). */
export function samePublicKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}
