import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeedStatus } from './feed-status.js';

const NOW = '2026-11-26T00:00:00.000Z';

describe('buildFeedStatus', () => {
  const cases: { name: string; row: Parameters<typeof buildFeedStatus>[0][number]; overrides?: Record<string, number>; stale: boolean; age?: number }[] = [
    { name: 'fresh KEV by data date', row: { source: 'kev', dataDate: '2026-11-25T12:00:00.000Z', lastSuccessAt: NOW }, stale: false, age: 43200 },
    { name: 'old data is stale even when just fetched', row: { source: 'debian-oval', dataDate: '2023-07-14T07:39:10.188Z', lastSuccessAt: NOW }, stale: true },
    { name: 'no data date: the last success counts', row: { source: 'osv', lastSuccessAt: '2026-11-25T00:00:00.000Z' }, stale: false, age: 86400 },
    { name: 'never succeeded is stale', row: { source: 'nvd', lastError: 'E_HTTP: 503' }, stale: true },
    { name: 'an override tightens the limit', row: { source: 'epss', dataDate: '2026-11-25T00:00:00.000Z' }, overrides: { epss: 3600_000 }, stale: true, age: 86400 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [line] = buildFeedStatus([c.row], NOW, c.overrides);
      assert.equal(line!.stale, c.stale);
      if (c.age !== undefined) assert.equal(line!.ageSeconds, c.age);
    });
  }
});
