import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { jobSigningBytes, type SignableJob } from '@patchloop/core';
import { resolveAgentConfig } from '../config/agent-config.js';
import { gateLeasedJob, type LeasedJob } from './job-gate.js';
import { signableFields } from './job-signature.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pinnedPublicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const NOW = '2026-11-27T10:00:00.000Z';
const signed = (job: Partial<LeasedJob>) => {
  const full = { id: 'j1', assetId: 'asset-1', kind: 'install', args: { packages: [{ name: 'jq', version: '1.6-2.1' }] }, idempotencyKey: 'k', timeoutSeconds: 600, ...job } as LeasedJob;
  return { job: full, signature: sign(null, jobSigningBytes(signableFields(full) as SignableJob), privateKey).toString('base64url') };
};

const cases: { name: string; lease: { job: LeasedJob; signature: string }; flags?: Parameters<typeof resolveAgentConfig>[0]; refuse?: RegExp }[] = [
  { name: 'runs a signed, allowed, valid job', lease: signed({}) },
  { name: 'refuses a bad signature', lease: { ...signed({}), job: { ...signed({}).job, args: { packages: [{ name: 'jq', version: '0.1' }] } } }, refuse: /^bad signature/ },
  { name: "refuses another asset's job", lease: signed({ assetId: 'asset-2' }), refuse: /for asset asset-2/ },
  { name: 'refuses an expired job', lease: signed({ expiresAt: '2026-11-27T09:59:59.000Z' }), refuse: /expired/ },
  { name: 'runs a job that expires later', lease: signed({ expiresAt: '2026-11-28T00:00:00.000Z' }) },
  { name: 'refuses reboot without --allow-reboot', lease: signed({ kind: 'reboot', args: {} }), refuse: /kind reboot not allowed/ },
  { name: 'runs reboot with --allow-reboot', lease: signed({ kind: 'reboot', args: {} }), flags: { allowReboot: true } },
  { name: 'refuses a script without --allow-scripts', lease: signed({ kind: 'script', args: { shell: 'id' } }), refuse: /kind script not allowed/ },
  { name: 'refuses a kind left out of --allow-kinds', lease: signed({}), flags: { allowKinds: 'refresh-inventory' }, refuse: /kind install not allowed/ },
  { name: 'refuses an unknown kind', lease: signed({ kind: 'format-disk', args: {} }), refuse: /unknown job kind/ },
  { name: 'refuses signed but invalid arguments', lease: signed({ args: { packages: [{ name: 'jq', version: '>=1.6' }] } }), refuse: /invalid arguments: args.packages\[0\].version/ },
];

describe('gateLeasedJob', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = gateLeasedJob(c.lease.job, c.lease.signature, { pinnedPublicKeyPem, assetId: 'asset-1', config: resolveAgentConfig(c.flags), now: NOW });
      if (c.refuse) {
        assert.equal(d.run, false);
        assert.match(d.run ? '' : d.reason, c.refuse);
      } else {
        assert.equal(d.run, true, d.run ? '' : d.reason);
      }
    });
  }
});
