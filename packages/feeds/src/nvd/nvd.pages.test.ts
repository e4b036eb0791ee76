import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listNvdPageStartIndexes } from './nvd.pages.js';

describe('listNvdPageStartIndexes', () => {
  const cases = [
    { name: 'nothing to fetch', plan: { totalResults: 0, resultsPerPage: 2000 }, expected: [] },
    { name: 'one partial page', plan: { totalResults: 13, resultsPerPage: 2000 }, expected: [0] },
    { name: 'exactly one full page', plan: { totalResults: 2000, resultsPerPage: 2000 }, expected: [0] },
    { name: 'one more than a page', plan: { totalResults: 2001, resultsPerPage: 2000 }, expected: [0, 2000] },
    { name: 'three pages, last partial', plan: { totalResults: 4500, resultsPerPage: 2000 }, expected: [0, 2000, 4000] },
    { name: 'small pages', plan: { totalResults: 5, resultsPerPage: 2 }, expected: [0, 2, 4] },
    { name: 'resuming at 4000', plan: { totalResults: 6001, resultsPerPage: 2000, startIndex: 4000 }, expected: [4000, 6000] },
    { name: 'start past the end', plan: { totalResults: 10, resultsPerPage: 5, startIndex: 10 }, expected: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(listNvdPageStartIndexes(c.plan), c.expected));

  it('the size of a full NVD sync (about 300k CVEs) in 2000-CVE pages', () => {
    const starts = listNvdPageStartIndexes({ totalResults: 299_999, resultsPerPage: 2000 });
    assert.equal(starts.length, 150);
    assert.equal(starts.at(-1), 298_000);
  });

  const bad = [
    { name: 'page size 0', plan: { totalResults: 10, resultsPerPage: 0 } },
    { name: 'page size above the API maximum', plan: { totalResults: 10, resultsPerPage: 2001 } },
    { name: 'fractional page size', plan: { totalResults: 10, resultsPerPage: 2.5 } },
    { name: 'negative total', plan: { totalResults: -1, resultsPerPage: 10 } },
    { name: 'NaN total', plan: { totalResults: Number.NaN, resultsPerPage: 10 } },
    { name: 'negative start', plan: { totalResults: 10, resultsPerPage: 10, startIndex: -10 } },
  ];
  for (const c of bad) it(`${c.name} → RangeError`, () => assert.throws(() => listNvdPageStartIndexes(c.plan), RangeError));
});
