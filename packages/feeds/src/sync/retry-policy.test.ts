import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './retry-policy.js';

const NOW = Date.parse('2026-08-07T12:00:00Z');

describe('backoffDelayMs (full jitter: uniform in [0, min(max, base * 2^retry)))', () => {
  const cases = [
    { name: 'first retry, random 0.5 -> half of 1 s', retry: 0, random: 0.5, ms: 500 },
    { name: 'third retry, random 0.999 -> just under 4 s', retry: 2, random: 0.999, ms: 3996 },
    { name: 'random 0 -> no wait (full jitter may pick zero)', retry: 3, random: 0, ms: 0 },
    { name: 'tenth retry is capped at 30 s', retry: 10, random: 0.5, ms: 15_000 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(backoffDelayMs(c.retry, DEFAULT_RETRY_POLICY, () => c.random), c.ms));
});

describe('parseRetryAfterMs', () => {
  const cases = [
    { name: 'delta seconds', header: '7', ms: 7000 },
    { name: 'HTTP date 30 s ahead', header: 'Fri, 07 Aug 2026 12:00:30 GMT', ms: 30_000 },
    { name: 'HTTP date in the past -> 0', header: 'Fri, 07 Aug 2026 11:00:00 GMT', ms: 0 },
    { name: 'a day is capped at 120 s', header: '86400', ms: 120_000 },
    { name: 'garbage -> undefined (backoff applies)', header: 'soon', ms: undefined },
    { name: 'absent -> undefined', header: null, ms: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.equal(parseRetryAfterMs(c.header, NOW, DEFAULT_RETRY_POLICY.maxRetryAfterMs), c.ms));
});

describe('isRetryableStatus', () => {
  const cases = [[408, true], [429, true], [500, true], [503, true], [400, false], [403, false], [404, false], [410, false]] as const;
  for (const [status, retry] of cases) it(`${status} -> ${retry ? 'retry' : 'no retry'}`, () => assert.equal(isRetryableStatus(status), retry));
});
