import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;

/**
 * UUIDv7 (RFC 9562): time-ordered, so ids sort by creation time and make stable cursors. Within one
 * millisecond a 12-bit counter in rand_a (RFC 9562, method 1) keeps the ids of this process strictly
 * increasing, so "oldest first" is well defined even for rows created in the same millisecond.
 * @example newId() // "019ac1f0-6b2a-7c3d-8e4f-0a1b2c3d4e5f"
 */
export function newId(nowMs: number = Date.now()): string {
  const ms = Math.max(nowMs, lastMs);
  counter = ms === lastMs ? counter + 1 : randomBytes(1)[0]! & 0x3f;
  if (counter > 0xfff) return newId(ms + 1);
  lastMs = ms;
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
