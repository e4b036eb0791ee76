import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids.js';

describe('newId (UUIDv7)', () => {
  it('is a version-7, variant-1 UUID', () => assert.match(newId(), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/));
  it('is strictly increasing within one millisecond and across a clock step back', () => {
    const ids = [...Array.from({ length: 5000 }, () => newId(1_800_000_000_000)), newId(1_799_999_999_000), newId(1_800_000_000_001)];
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i]! > ids[i - 1]!, `${ids[i - 1]} < ${ids[i]}`);
  });
});
