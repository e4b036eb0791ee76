import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextCheckInDelayMs, retryDelayMs } from './backoff.js';

const policy = { baseMs: 1000, capMs: 60_000 };
const cases: { name: string; failures: number; random: number; ms: number }[] = [
  { name: 'first error, lowest jitter', failures: 1, random: 0, ms: 500 },
  { name: 'first error, highest jitter', failures: 1, random: 0.999999, ms: 1000 },
  { name: 'doubles per failure', failures: 4, random: 0, ms: 4000 },
  { name: 'capped', failures: 10, random: 0.999999, ms: 60_000 },
  { name: 'capped even after very many failures', failures: 10_000, random: 0, ms: 30_000 },
];

describe('retryDelayMs', () => {
  for (const c of cases) it(c.name, () => assert.equal(retryDelayMs(c.failures, policy, () => c.random), c.ms));
});

describe('nextCheckInDelayMs', () => {
  const table: [string, number, number, number, number][] = [
    ['no jitter at random 0', 300, 30, 0, 300_000],
    ['half the jitter', 300, 30, 0.5, 315_000],
    ['a negative jitter counts as none', 60, -5, 0.9, 60_000],
  ];
  for (const [name, interval, jitter, random, ms] of table) it(name, () => assert.equal(nextCheckInDelayMs(interval, jitter, () => random), ms));
});
