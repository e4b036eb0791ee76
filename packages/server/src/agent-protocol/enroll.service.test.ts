import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '@patchloop/core';
import { generateJobSigningKeyPair, type AgentRepository, type Store, type StoreTransaction } from '@patchloop/store';
import { openSqliteTestStore, type TestStore } from '@patchloop/store/testing';
import { enrollAgentForHost } from './enroll.service.js';

const AT = '2026-11-27T10:00:00.000Z';
const KEY = { publicKeyPem: generateJobSigningKeyPair().publicKeyPem, privateKeyPem: '', origin: 'test' };

/** The store, except that registering the agent fails as if a concurrent enrollment had just used the token's last use. */
function losingTheRace(store: Store): Store {
  const lose = (agents: AgentRepository): AgentRepository => Object.assign(Object.create(agents) as AgentRepository, {
    enrollAgent: async () => { throw new DomainError('E_ENROLLMENT_EXHAUSTED', 'unauthorized', 'used up by a concurrent enrollment'); },
  });
  return { ...store, agents: lose(store.agents), transaction: (fn) => store.transaction((tx: StoreTransaction) => fn({ ...tx, agents: lose(tx.agents) })) };
}

describe('enrollAgentForHost', () => {
  let t: TestStore;
  before(async () => { t = await openSqliteTestStore(); });
  after(async () => t?.cleanup());

  it('a token lost between the check and the redemption leaves no host asset behind', async () => {
    const { token } = await t.store.agents.createEnrollmentToken({ name: 'race', expiresAt: '2099-01-01T00:00:00.000Z', maxUses: 1 }, AT);
    const body = { enrollmentToken: token, hostname: 'late-host', agentVersion: '0.1.0', allowedJobKinds: ['install'], facts: {} };
    await assert.rejects(enrollAgentForHost(losingTheRace(t.store), KEY, body, { at: AT, checkInIntervalSeconds: 300 }), { code: 'E_ENROLLMENT_EXHAUSTED' });
    assert.equal(await t.store.assets.findAssetByName('host', 'late-host'), undefined);
  });

  it('enrolls: the asset and the agent exist together', async () => {
    const { token } = await t.store.agents.createEnrollmentToken({ name: 'ok', expiresAt: '2099-01-01T00:00:00.000Z', maxUses: 1 }, AT);
    const r = await enrollAgentForHost(t.store, KEY, { enrollmentToken: token, hostname: 'web-9', agentVersion: '0.1.0', allowedJobKinds: ['install'], facts: {} }, { at: AT, checkInIntervalSeconds: 300 });
    assert.equal((await t.store.agents.findAgentByAsset(r.assetId))?.id, r.agentId);
  });
});
