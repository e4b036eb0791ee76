/*
 * Oracle test: every vector of Red Hat's python `cvss` test suite (RedHatProductSecurity/cvss tests/,
 * copied into testdata/ from ../shared/vectors; each file's first line names the commit).
 *
 * What is compared (counts are printed per file and in total; any mismatch fails):
 * - base: every v2, v3.0 and v3.1 vector's base score.
 * - v4.0 overall: v4.0 files give one score, that of the vector as written (CVSS-B/BT/BE/BTE); it is
 *   compared with `overallScore` for every v4.0 vector, and also (as "base") with `baseScore` where the
 *   vector has no threat or environmental metric (nomenclature CVSS-B: simple4, supplemental4).
 * - temporal: wherever the file gives one. Vectors that set a temporal metric are compared with
 *   `temporalScore`. Base-only vectors have no temporal score in our API (none is defined), and the
 *   file's value is the score with every temporal metric Not Defined (weight 1), so it is compared
 *   with `baseScore`.
 * - environmental: wherever the file gives one. Vectors that set an environmental metric are compared
 *   with `environmentalScore`. For base-only vectors our API reports none, so the file's value (the
 *   environmental equation with every metric Not Defined) is compared with the score of the vector
 *   plus "/CR:M/IR:M/AR:M": requirement weight Medium = 1.0 = Not Defined and every modified metric
 *   Not Defined, so the equation is the same, and the library evaluates it. This matters in v3.1:
 *   with S:C the 3.1 environmental equation (×0.9731 inside the modified impact) differs from the
 *   base score in 80 of 2,592 vectors, e.g. AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H = 9.6 base, 9.7 env.
 * - v2 simple2 gives no temporal or environmental scores ("None"), so only base is compared there.
 * - "-0.0" in simple2 is compared as 0.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scoreCvssVector, type CvssScore } from './cvss-score.js';

/** File -> number of vectors it holds (guards against reading fewer rows than the suite has). */
const FILES = {
  simple2: 729, calculator2: 5, cvsslib2: 24,
  simple3: 2592, calculator3: 2, cvsslib3: 29,
  simple31: 2592,
  simple4: 1058, security4: 54, supplemental4: 576, threat4: 6,
} as const;

interface Row { vector: string; base: number; temporal?: number; environmental?: number }
type Kind = 'base' | 'overall' | 'temporal' | 'environmental';
const KINDS: readonly Kind[] = ['base', 'overall', 'temporal', 'environmental'];
const zero = (): Record<Kind, number> => ({ base: 0, overall: 0, temporal: 0, environmental: 0 });
interface Tally { compared: Record<Kind, number>; mismatches: string[] }

function readRows(name: string): Row[] {
  const text = readFileSync(new URL(`./testdata/cvss-redhat-vectors-${name}.tsv`, import.meta.url), 'utf8');
  return text.split('\n').slice(2).filter((l) => l !== '').map((line) => {
    const [vector = '', base = '', temporal = 'None', environmental = 'None'] = line.split('\t');
    const num = (s: string): number | undefined => (s === 'None' ? undefined : Math.abs(Number(s)));
    return { vector, base: Math.abs(Number(base)), temporal: num(temporal), environmental: num(environmental) };
  });
}

function check(t: Tally, kind: Kind, vector: string, expected: number, actual: number | undefined): void {
  t.compared[kind] += 1;
  if (actual !== expected) t.mismatches.push(`${kind} ${vector}: expected ${expected}, got ${actual}`);
}

function compareRow(t: Tally, row: Row, s: CvssScore): void {
  if (s.version === '4.0') {
    check(t, 'overall', row.vector, row.base, s.overallScore);
    if (s.nomenclature === 'CVSS-B') check(t, 'base', row.vector, row.base, s.baseScore);
    return;
  }
  check(t, 'base', row.vector, row.base, s.baseScore);
  if (row.temporal !== undefined) check(t, 'temporal', row.vector, row.temporal, s.temporalScore ?? s.baseScore);
  if (row.environmental !== undefined) {
    const env = s.environmentalScore ?? scoreCvssVector(`${row.vector}/CR:M/IR:M/AR:M`).environmentalScore;
    check(t, 'environmental', row.vector, row.environmental, env);
  }
}

const describeCounts = (c: Record<Kind, number>): string => `compared base ${c.base}, v4.0 overall ${c.overall}, temporal ${c.temporal}, environmental ${c.environmental}`;

const totals: Tally = { compared: zero(), mismatches: [] };

describe('CVSS scores against Red Hat python cvss test vectors', () => {
  for (const [name, count] of Object.entries(FILES)) {
    it(name, (ctx) => {
      const tally: Tally = { compared: zero(), mismatches: [] };
      const rows = readRows(name);
      for (const row of rows) compareRow(tally, row, scoreCvssVector(row.vector));
      for (const k of KINDS) totals.compared[k] += tally.compared[k];
      totals.mismatches.push(...tally.mismatches);
      ctx.diagnostic(`${name}: ${rows.length} vectors; ${describeCounts(tally.compared)}; mismatches ${tally.mismatches.length}`);
      assert.equal(rows.length, count);
      assert.deepEqual(tally.mismatches.slice(0, 10), []);
    });
  }
  after(() => {
    console.log(`cvss oracle total: ${describeCounts(totals.compared)}; mismatches ${totals.mismatches.length}`);
  });
});
