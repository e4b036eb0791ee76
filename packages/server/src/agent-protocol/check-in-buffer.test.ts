import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckInFacts, Store } from '@patchloop/store';
import { CheckInBuffer } from './check-in-buffer.js';

const facts = (agentId: string, at: string, agentVersion = '1'): CheckInFacts => ({
  agentId, assetId: `asset-${agentId}`, at, agentVersion, allowedJobKinds: [], rebootRequired: false, kernel: { running: 'k', installed: ['k'] }, updatesAvailable: [],
});

/** A store whose recordCheckIns records its batches (and fails while `failing` is set). */
function recordingStore() {
  const batches: CheckInFacts[][] = [];
  const state = { failing: false };
  const store = { agents: { recordCheckIns: async (b: readonly CheckInFacts[]) => { if (state.failing) throw new Error('database is locked'); batches.push([...b]); } } } as unknown as Store;
  return { store, batches, state };
}

describe('CheckInBuffer (write-behind of heartbeat facts)', () => {
  it('writes the newest check-in per agent, in one batch, when flushed', async () => {
    const { store, batches } = recordingStore();
    const b = new CheckInBuffer(store, { flushMs: 60_000, onError: (e) => assert.fail(String(e)) });
    b.add(facts('a', 'T2', 'new'));
    b.add(facts('a', 'T1', 'old'));
    b.add(facts('b', 'T1'));
    assert.equal(b.pendingAt('a'), 'T2');
    await b.flush();
    assert.deepEqual(batches.map((x) => x.map((f) => `${f.agentId}@${f.at}:${f.agentVersion}`)), [['a@T2:new', 'b@T1:1']]);
    assert.equal(b.pendingAt('a'), undefined);
    await b.close();
  });

  it('forget drops a waiting check-in that is not newer than the one written directly', async () => {
    const { store, batches } = recordingStore();
    const b = new CheckInBuffer(store, { flushMs: 60_000, onError: (e) => assert.fail(String(e)) });
    b.add(facts('a', 'T1'));
    b.add(facts('b', 'T3'));
    b.forget('a', 'T2');
    b.forget('b', 'T2');
    await b.flush();
    assert.deepEqual(batches.map((x) => x.map((f) => `${f.agentId}@${f.at}`)), [['b@T3']]);
    await b.close();
  });

  it('writes by itself after flushMs, and at once when maxPending agents wait', async () => {
    const { store, batches } = recordingStore();
    const b = new CheckInBuffer(store, { flushMs: 20, maxPending: 3, onError: (e) => assert.fail(String(e)) });
    b.add(facts('a', 'T1'));
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(batches.length, 1);
    for (const id of ['x', 'y', 'z']) b.add(facts(id, 'T1'));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(batches[1]?.map((f) => f.agentId), ['x', 'y', 'z']);
    await b.close();
  });

  it('a failed write is reported and retried, unless a newer check-in of the agent replaced it', async () => {
    const { store, batches, state } = recordingStore();
    const errors: unknown[] = [];
    const b = new CheckInBuffer(store, { flushMs: 60_000, onError: (e) => errors.push(e) });
    state.failing = true;
    b.add(facts('a', 'T1'));
    b.add(facts('b', 'T1'));
    await b.flush();
    assert.equal(errors.length, 1);
    b.add(facts('b', 'T2', 'newer'));
    state.failing = false;
    await b.flush();
    assert.deepEqual(batches.map((x) => x.map((f) => `${f.agentId}@${f.at}`).sort()), [['a@T1', 'b@T2']]);
    await b.close();
  });
});
