import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeCveId, normalizeUtcTimestamp, ssvcFromOptions } from './intel-record.js';

describe('normalizeCveId', () => {
  const cases = [
    { name: 'already canonical', input: 'CVE-2023-4863', expected: 'CVE-2023-4863' },
    { name: 'lower case and spaces', input: ' cve-2023-4863 ', expected: 'CVE-2023-4863' },
    { name: 'seven-digit sequence', input: 'CVE-2021-1000500', expected: 'CVE-2021-1000500' },
    { name: 'two-digit year', input: 'CVE-23-4863', expected: undefined },
    { name: 'three-digit sequence', input: 'CVE-2023-486', expected: undefined },
    { name: 'a GHSA id', input: 'GHSA-j7hp-h8jx-5ppr', expected: undefined },
    { name: 'not a string', input: 42, expected: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.equal(normalizeCveId(c.input), c.expected));
});

describe('normalizeUtcTimestamp', () => {
  const cases = [
    { name: 'NVD 2.0 (UTC, no zone)', input: '2023-09-12T15:15:24.327', expected: '2023-09-12T15:15:24.327Z' },
    { name: 'NVD 1.1 (minutes only)', input: '2022-01-14T18:15Z', expected: '2022-01-14T18:15:00.000Z' },
    { name: 'CVE 5 without zone', input: '2011-04-13T14:00:00', expected: '2011-04-13T14:00:00.000Z' },
    { name: 'with an offset', input: '2024-01-01T02:00:00+02:00', expected: '2024-01-01T00:00:00.000Z' },
    { name: 'microseconds', input: '2024-02-02T14:05:34.031031Z', expected: '2024-02-02T14:05:34.031Z' },
    { name: 'garbage', input: 'soon', expected: undefined },
    { name: 'missing', input: undefined, expected: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.equal(normalizeUtcTimestamp(c.input), c.expected));
});

describe('ssvcFromOptions', () => {
  const cases = [
    { name: 'CVE 5 keys and capitals', options: [{ Exploitation: 'Active' }, { Automatable: 'No' }, { 'Technical Impact': 'Partial' }], expected: { exploitation: 'active', automatable: 'no', technicalImpact: 'partial', timestamp: 't', scorer: 's' } },
    { name: 'NVD camelCase keys', options: [{ exploitation: 'poc' }, { automatable: 'yes' }, { technicalImpact: 'total' }], expected: { exploitation: 'poc', automatable: 'yes', technicalImpact: 'total', timestamp: 't', scorer: 's' } },
    { name: 'unknown value dropped', options: [{ Exploitation: 'widespread' }, { Automatable: 'yes' }], expected: { exploitation: undefined, automatable: 'yes', technicalImpact: undefined, timestamp: 't', scorer: 's' } },
    { name: 'no decision point', options: [{ Mission: 'high' }], expected: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(ssvcFromOptions(c.options, 't', 's'), c.expected));
});
