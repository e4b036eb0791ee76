import { mulberry32, pick, type Rng } from '../../testing/seeded-random.js';
/*
 * Oracle test: our rpm ordering against the real rpm on this machine. One `rpm --eval` process
 * runs a Lua script that reads a file of pairs and writes `rpm.vercmp(a, b)` per line; rpm.vercmp
 * parses full EVRs (rpmverParse + rpmverCmp), which is what rpmScheme.compare mirrors.
 * - 12,000 seeded "near-miss" pairs;
 * - the 12 rpmvercmp.at rows that upstream disables ("arguably buggy"), checked against rpm here.
 * Skips with a printed reason when rpm is missing. Set ORACLE_SEED to explore other pairs.
 */
import { skipOracle } from '../../testing/oracle-skip.js';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpmScheme } from './rpm.scheme.js';

const RPM = '/usr/bin/rpm';
const SEED = Number(process.env.ORACLE_SEED ?? 0x0e9c6);
const PAIRS = 12_000;

const BASES = [
  '2.4.57-5.el9', '1:2.4.57-5.el9_1.1', '3.0.7-16.el9', '1.0~rc1-1', '1.0^20230101git1a2b3c-1.fc40',
  '5.14.0-362.8.1.el9_3', '2:8.2.2637-20.el9_1', '1.1.1k-7.el8_6', '4.18.0-1.fc40', '6.6.1-1.fc39',
  '1.2.3-0.1.beta2.fc40', '7.4p1-21.el9', '1.20.1_p1-1', '2.0-0.rc1.1', '20230311-1', 'xyz10.1-1', '1.0a-1',
  '0.1.3-1.module+el8.1.0+123+abcdef', '1.0', '2.0.1a', '5.5p10', '1.0~~', '1.0^', '10:1.0-1', '0:1.0-1',
  '3.2-1-2', '1.0-', '1.1.0-2.el9_2.alma.1', '2.38.1-5+deb12u1', '1.0.0~beta.1',
];
const TAILS = ['~rc1', '^post1', '^', '~', '.1', '.0', 'a', '_1', '+1', '.fc40', 'p1', '~~', '^^', '~rc1^1', '.el9_3', 'git1', '0', '.α'];
const SEPARATORS = ['.', '_', '+', '~', '^', '-'];


/** Replaces one character of `v` at a random index matching `re` by `by(oldChar)`. */
function replaceOne(rnd: Rng, v: string, re: RegExp, by: (c: string) => string): string {
  const at = [...v].flatMap((c, i) => (re.test(c) ? [i] : []));
  if (at.length === 0) return v;
  const i = pick(rnd, at);
  return v.slice(0, i) + by(v[i]!) + v.slice(i + 1);
}

/** One small change: a digit, a tail, a separator, the epoch, the release, a letter's case, a leading zero. */
const MUTATIONS: ((rnd: Rng, v: string) => string)[] = [
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => String((Number(c) + pick(rnd, [1, 9, 2])) % 10)),
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => c + pick(rnd, ['0', '1', '9'])),
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => `0${c}`),
  (rnd, v) => v + pick(rnd, TAILS),
  (rnd, v) => replaceOne(rnd, v, /[._+~^-]/, () => pick(rnd, SEPARATORS)),
  (rnd, v) => replaceOne(rnd, v, /[a-zA-Z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())),
  (rnd, v) => (/^\d*:/.test(v) ? v.replace(/^\d*:/, pick(rnd, ['', '0:', ':', '1:', '01:', '10:'])) : `${pick(rnd, ['0', '1', '2'])}:${v}`),
  (rnd, v) => (v.includes('-') ? v.slice(0, v.lastIndexOf('-')) : `${v}-${pick(rnd, ['1', '0', '1.el9', '', '0.1.rc1'])}`),
  (rnd, v) => (v.includes('-') ? `${v.slice(0, v.lastIndexOf('-') + 1)}${pick(rnd, ['1', '2', '0', '1.1', '1.fc40', ''])}` : v),
];

const mutate = (rnd: Rng, v: string): string => pick(rnd, MUTATIONS)(rnd, v);

/** `count` valid pairs, each two versions one or two small changes apart. */
function nearMissPairs(seed: number, count: number): [string, string][] {
  const rnd = mulberry32(seed);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const base = pick(rnd, BASES);
    const a = rnd() < 0.3 ? base : mutate(rnd, base);
    const b = mutate(rnd, rnd() < 0.5 ? a : mutate(rnd, a));
    if (a === b && rnd() < 0.9) continue; // keep a few identical pairs, mostly real near misses
    if (rpmScheme.isValid(a) && rpmScheme.isValid(b)) pairs.push(rnd() < 0.5 ? [a, b] : [b, a]);
  }
  return pairs;
}

/** Lua run inside rpm: reads "a<TAB>b" lines, writes rpm.vercmp per line straight to stdout. */
const LUA_BATCH = `
local out = {}
for line in io.lines(PAIRS_FILE) do
  local tab = string.find(line, "\\t", 1, true)
  out[#out + 1] = tostring(rpm.vercmp(string.sub(line, 1, tab - 1), string.sub(line, tab + 1)))
end
io.write(table.concat(out, "\\n"), "\\n")
io.flush()
`;

const workdir = mkdtempSync(join(tmpdir(), 'patchloop-rpm-oracle-'));
after(() => rmSync(workdir, { recursive: true, force: true }));

/** One rpm process over all pairs; returns rpm.vercmp's answers, one per pair. */
function askRpm(pairs: [string, string][]): number[] {
  const pairsFile = join(workdir, 'pairs.tsv');
  const script = join(workdir, 'batch.lua');
  writeFileSync(pairsFile, pairs.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n');
  writeFileSync(script, `local PAIRS_FILE = ${JSON.stringify(pairsFile)}\n${LUA_BATCH}`);
  const res = spawnSync(RPM, ['--eval', `%{lua: dofile(${JSON.stringify(script)})}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(res.status, 0, `rpm failed: ${res.stderr}`);
  const answers = res.stdout.split('\n').filter((line) => line !== '').map(Number);
  assert.equal(answers.length, pairs.length);
  return answers;
}

function disagreements(pairs: [string, string][], answers: number[]): string[] {
  return pairs.flatMap(([a, b], i) => {
    const ours = rpmScheme.compare(a, b);
    return ours === answers[i] ? [] : [`${a} vs ${b}: rpm ${answers[i]}, ours ${ours}`];
  });
}

/** The rpmvercmp.at rows upstream comments out (enabled=0). */
function disabledVectors(): [string, string][] {
  return readFileSync(new URL('./testdata/rpm-vercmp.tsv', import.meta.url), 'utf8')
    .split('\n')
    .slice(2)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[3] === '0')
    .map((cols) => [cols[0]!, cols[1]!]);
}

describe('rpm oracle (real rpm)', () => {
  const hasRpm = existsSync(RPM);

  it(`${PAIRS} near-miss pairs agree with rpm.vercmp`, (t) => {
    if (!hasRpm) return skipOracle(t, `${RPM} is not installed`);
    const pairs = nearMissPairs(SEED, PAIRS);
    const answers = askRpm(pairs);
    const wrong = disagreements(pairs, answers);
    t.diagnostic(`seed ${SEED}: ${pairs.length} pairs compared with rpm.vercmp, ${wrong.length} disagreements; ` +
      `results -1/0/1: ${[-1, 0, 1].map((r) => answers.filter((x) => x === r).length).join('/')}`);
    assert.deepEqual(wrong.slice(0, 20), []);
  });

  it('the 12 upstream-disabled rpmvercmp.at rows agree with this rpm', (t) => {
    if (!hasRpm) return skipOracle(t, `${RPM} is not installed; the disabled rows stay unchecked`);
    const pairs = disabledVectors();
    assert.equal(pairs.length, 12);
    const wrong = disagreements(pairs, askRpm(pairs));
    t.diagnostic(`${pairs.length} disabled vectors compared with rpm.vercmp, ${wrong.length} disagreements`);
    assert.deepEqual(wrong, []);
  });
});
