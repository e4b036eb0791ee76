import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAgentState, stateFilePath, writeAgentState, type AgentState } from './agent-state.js';

const STATE: AgentState = { serverUrl: 'http://127.0.0.1:1', agentId: 'ag1', secret: 'pla_secret', assetId: 'as1', pinnedPublicKeyPem: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n', lastAcceptedInventory: [{ ecosystem: 'Debian:12', name: 'jq', version: '1.6' }], runningJobId: 'j1' };

describe('agent state file', () => {
  let root: string;
  before(async () => { root = await mkdtemp(join(tmpdir(), 'patchloop-agent-state-')); });
  after(async () => { await rm(root, { recursive: true, force: true }); });

  it('is absent before enrollment', async () => {
    assert.equal(await readAgentState(join(root, 'none')), undefined);
  });

  it('is written 0600 in a 0700 directory, whatever the umask, and reads back the same', async () => {
    const dir = join(root, 'fresh');
    const old = process.umask(0o022);
    try {
      await writeAgentState(dir, STATE);
    } finally {
      process.umask(old);
    }
    assert.equal((await stat(stateFilePath(dir))).mode & 0o777, 0o600);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.deepEqual(await readAgentState(dir), STATE);
  });

  it('stays 0600 when rewritten', async () => {
    const dir = join(root, 'rewrite');
    await writeAgentState(dir, STATE);
    await writeAgentState(dir, { ...STATE, runningJobId: undefined });
    assert.equal((await stat(stateFilePath(dir))).mode & 0o777, 0o600);
    assert.equal((await readAgentState(dir))?.runningJobId, undefined);
  });

  const bad: { name: string; content: string; mode: number; problem: RegExp }[] = [
    { name: 'a file others can read', content: JSON.stringify(STATE), mode: 0o644, problem: /readable by others/ },
    { name: 'not JSON', content: '{', mode: 0o600, problem: /is not JSON/ },
    { name: 'no secret', content: JSON.stringify({ ...STATE, secret: '' }), mode: 0o600, problem: /has no secret/ },
    { name: 'no pinned key', content: JSON.stringify({ ...STATE, pinnedPublicKeyPem: undefined }), mode: 0o600, problem: /has no pinnedPublicKeyPem/ },
  ];
  for (const b of bad) {
    it(`refuses ${b.name} with E_AGENT_STATE_INVALID`, async () => {
      const dir = await mkdtemp(join(root, 'bad-'));
      await writeFile(stateFilePath(dir), b.content);
      await chmod(stateFilePath(dir), b.mode);
      await assert.rejects(readAgentState(dir), (e: Error & { code?: string }) => e.code === 'E_AGENT_STATE_INVALID' && b.problem.test(e.message));
    });
  }

  it('leaves no temporary file behind', async () => {
    const dir = join(root, 'tmpcheck');
    await writeAgentState(dir, STATE);
    assert.ok(JSON.parse(await readFile(stateFilePath(dir), 'utf8')));
    const { readdir } = await import('node:fs/promises');
    assert.deepEqual(await readdir(dir), ['agent-state.json']);
  });
});
