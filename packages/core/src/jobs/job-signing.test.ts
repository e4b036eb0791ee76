import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, jobSigningPayload, type SignableJob } from './job-signing.js';
import { capLogTail } from './job-result.js';

const JOB: SignableJob = { id: 'j1', assetId: 'a1', kind: 'install', args: { packages: [{ name: 'openssl', version: '3.0.11-1' }] }, idempotencyKey: 'k', notBefore: '2026-11-27T10:00:00.000Z' };

describe('canonical job bytes', () => {
  const cases: { name: string; value: unknown; expect: string }[] = [
    { name: 'keys sorted at every depth', value: { b: { d: 1, c: 2 }, a: 0 }, expect: '{"a":0,"b":{"c":2,"d":1}}' },
    { name: 'undefined properties dropped', value: { a: undefined, b: null }, expect: '{"b":null}' },
    { name: 'arrays keep their order', value: [3, 1, 'x'], expect: '[3,1,"x"]' },
    { name: 'strings escaped like JSON', value: { 'k"': 'é\n' }, expect: '{"k\\"":"é\\n"}' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(canonicalJson(c.value), c.expect));

  it('does not depend on property order', () => {
    const reordered = { notBefore: JOB.notBefore, idempotencyKey: 'k', args: { packages: [{ version: '3.0.11-1', name: 'openssl' }] }, kind: 'install', assetId: 'a1', id: 'j1' } as SignableJob;
    assert.equal(jobSigningPayload(reordered), jobSigningPayload(JOB));
  });
  it('spells an absent expiry as null, so adding one changes the bytes', () => {
    assert.match(jobSigningPayload(JOB), /"expiresAt":null/);
    assert.notEqual(jobSigningPayload({ ...JOB, expiresAt: '2026-11-28T00:00:00.000Z' }), jobSigningPayload(JOB));
  });
  it('rejects values JSON cannot carry', () => {
    assert.throws(() => canonicalJson({ n: Number.NaN }), TypeError);
  });
});

describe('capLogTail', () => {
  it('keeps a short log whole', () => assert.deepEqual(capLogTail('hello', 10), { tail: 'hello', truncated: false }));
  it('keeps the end of a long log', () => assert.deepEqual(capLogTail('0123456789abc', 4), { tail: '9abc', truncated: true }));
  it('never splits a multi-byte character', () => assert.deepEqual(capLogTail('aé€', 4), { tail: '€', truncated: true }));
});
