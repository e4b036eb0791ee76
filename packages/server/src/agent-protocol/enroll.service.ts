import { DomainError } from '@patchloop/core';
import { hashToken, type Store } from '@patchloop/store';
import type { EnrollBody } from './agent-protocol.schemas.js';
import type { JobSigningKey } from './job-signing-key.js';

export interface EnrollResult {
  agentId: string;
  assetId: string;
  agentSecret: string;
  jobSigningPublicKey: string;
  checkInIntervalSeconds: number;
}

/**
 * Enrolls a host's agent: checks the token (read only), then in one store transaction records
 * the host asset by name, redeems the token and registers the agent. The read-only check comes
 * first so an unauthenticated caller with a bad token costs no write; the transaction means a
 * token lost to a concurrent enrollment leaves no host asset behind.
 */
export async function enrollAgentForHost(store: Store, key: JobSigningKey, body: EnrollBody, { at, checkInIntervalSeconds }: { at: string; checkInIntervalSeconds: number }): Promise<EnrollResult> {
  await assertEnrollmentTokenUsable(store, body.enrollmentToken, at);
  const { asset, agent, secret } = await store.transaction(async (tx) => {
    const { asset } = await tx.assets.upsertAssetByName({ kind: 'host', name: body.hostname, ...body.facts, source: 'agent' }, at);
    return { asset, ...(await tx.agents.enrollAgent({ token: body.enrollmentToken, assetId: asset.id, agentVersion: body.agentVersion, allowedJobKinds: body.allowedJobKinds }, at)) };
  });
  return { agentId: agent.id, assetId: asset.id, agentSecret: secret, jobSigningPublicKey: key.publicKeyPem, checkInIntervalSeconds };
}

/**
 * The same verdicts as the store's redeem (E_ENROLLMENT_INVALID / _REVOKED / _EXPIRED /
 * _EXHAUSTED), without using the token. enrollAgent re-checks atomically, so a race between
 * the two is still refused, and its transaction takes the host asset back with it.
 */
async function assertEnrollmentTokenUsable(store: Store, plaintext: string, at: string): Promise<void> {
  const row = await store.db.selectFrom('enrollment_tokens').select(['id', 'revoked_at', 'expires_at', 'use_count', 'max_uses'])
    .where('token_hash', '=', hashToken(plaintext)).executeTakeFirst();
  if (!row) throw new DomainError('E_ENROLLMENT_INVALID', 'unauthorized', 'enrollment token not recognised');
  if (row.revoked_at !== null) throw new DomainError('E_ENROLLMENT_REVOKED', 'unauthorized', `enrollment token ${row.id} was revoked`);
  if (row.expires_at <= at) throw new DomainError('E_ENROLLMENT_EXPIRED', 'unauthorized', `enrollment token ${row.id} expired at ${row.expires_at}`);
  if (row.use_count >= row.max_uses) throw new DomainError('E_ENROLLMENT_EXHAUSTED', 'unauthorized', `enrollment token ${row.id} has been used ${row.use_count} of ${row.max_uses} times`);
}
