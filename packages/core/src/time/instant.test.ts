import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstant } from './instant.js';

describe('parseInstant', () => {
  const ok: [string, string, string][] = [
    ['bare date is midnight UTC', '2026-11-26', '2026-11-26T00:00:00.000Z'],
    ['Z stays UTC', '2026-11-26T10:00:00Z', '2026-11-26T10:00:00.000Z'],
    ['offset converts to UTC', '2026-11-26T10:00:00+02:00', '2026-11-26T08:00:00.000Z'],
    ['no offset is UTC', '2026-11-26T10:00', '2026-11-26T10:00:00.000Z'],
    ['space separator', '2026-11-26 10:00:00.5Z', '2026-11-26T10:00:00.500Z'],
  ];
  for (const [name, input, want] of ok) it(name, () => assert.equal(parseInstant(input), want));
  const bad: [string, string][] = [['words', 'yesterday'], ['month 13', '2026-13-01'], ['empty', '']];
  for (const [name, input] of bad) it(`rejects ${name}`, () => assert.throws(() => parseInstant(input, 'at'), { code: 'E_INSTANT_INVALID', message: /at: / }));
});
