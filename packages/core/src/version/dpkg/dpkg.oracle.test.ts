import { mulberry32, pick, type Rng } from '../../testing/seeded-random.js';
/*
 * Oracle test: our dpkg ordering against the real tools on this machine.
 * - 12,000 seeded "near-miss" pairs through libapt (python3-apt's apt_pkg.version_compare) in one
 *   python process;
 * - 300 of them through `dpkg --compare-versions` (exit codes), in one shell loop, to show that
 *   libapt and dpkg agree on what we generate.
 * Skips with a printed reason when a tool is missing. Set ORACLE_SEED to explore other pairs.
 */
import { skipOracle } from '../../testing/oracle-skip.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dpkgScheme } from './dpkg.scheme.js';

const PYTHON = '/usr/bin/python3';
const DPKG = '/usr/bin/dpkg';
const SEED = Number(process.env.ORACLE_SEED ?? 0x0d9c6);
const PAIRS = 12_000;
const DPKG_SPOT_CHECKS = 300;

const BASES = [
  '2.36-9+deb12u4', '1:2.36-9', '3.0.11-1~deb12u2', '5.2.15-2+b2', '1.2.3', '1.2.3-1ubuntu0.1',
  '2:8.2.3995-1ubuntu2.15', '1.0~rc1-1', '0.9.8c-1', '7.88.1-10+deb12u5', '252.22-1~deb12u1',
  '1.21.22', '2.38.1-5+deb12u1', '1:9.18.24-1', '4.19.0-6~bpo10+1', '0.0~git20230101.abcdef-1',
  '1.0+dfsg-2', '1.0+really0.9-1', '20230311', '2.1a', '1.2.3-0.1', '1:1.2.13.dfsg-1', '3.2-1-2',
  '10.0.0~beta2+ds-1', '1.0-1build1', '2:1.0~~a-1', '0:1.0', 'git20230101-1', '1.0.0+git20240101.1a2b3c4-0ubuntu1',
];
const TAILS = ['~rc1', '~bpo12+1', '+deb12u1', '+b1', '~', '~~', '.1', '.0', '+really1', 'a', 'A', '+', '~rc1~1', '.el9', '+git1', '0'];
const SEPARATORS = ['.', '+', '~'];


/** Replaces one character of `v` at a random index matching `re` by `by(oldChar)`. */
function replaceOne(rnd: Rng, v: string, re: RegExp, by: (c: string) => string): string {
  const at = [...v].flatMap((c, i) => (re.test(c) ? [i] : []));
  if (at.length === 0) return v;
  const i = pick(rnd, at);
  return v.slice(0, i) + by(v[i]!) + v.slice(i + 1);
}

/** One small change: a digit, a tail, a separator, the epoch, the revision, a letter's case, a leading zero. */
const MUTATIONS: ((rnd: Rng, v: string) => string)[] = [
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => String((Number(c) + pick(rnd, [1, 9, 2])) % 10)),
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => c + pick(rnd, ['0', '1', '9'])),
  (rnd, v) => replaceOne(rnd, v, /[0-9]/, (c) => `0${c}`),
  (rnd, v) => v + pick(rnd, TAILS),
  (rnd, v) => replaceOne(rnd, v, /[.+~]/, () => pick(rnd, SEPARATORS)),
  (rnd, v) => replaceOne(rnd, v, /[a-zA-Z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())),
  (rnd, v) => (/^\d+:/.test(v) ? v.replace(/^\d+:/, pick(rnd, ['', '0:', '1:', '2:', '10:'])) : `${pick(rnd, ['0', '1', '2'])}:${v}`),
  (rnd, v) => (v.includes('-') ? v.slice(0, v.lastIndexOf('-')) : `${v}-${pick(rnd, ['1', '0', '1ubuntu1', '1+b1', '1~bpo1'])}`),
  (rnd, v) => (v.includes('-') ? `${v.slice(0, v.lastIndexOf('-') + 1)}${pick(rnd, ['1', '2', '0', '1.1', '1ubuntu0.1'])}` : v),
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
    if (dpkgScheme.isValid(a) && dpkgScheme.isValid(b)) pairs.push(rnd() < 0.5 ? [a, b] : [b, a]);
  }
  return pairs;
}

const APT_BATCH = `
import sys, apt_pkg
apt_pkg.init()
out = []
for line in sys.stdin:
    a, b = line.rstrip("\\n").split("\\t")
    r = apt_pkg.version_compare(a, b)
    out.append("-1" if r < 0 else "1" if r > 0 else "0")
sys.stdout.write("\\n".join(out) + "\\n")
`;

const DPKG_BATCH = `
while IFS='\t' read -r a b; do
  if ${DPKG} --compare-versions "$a" lt "$b" 2>/dev/null; then echo -1
  elif ${DPKG} --compare-versions "$a" eq "$b" 2>/dev/null; then echo 0
  else echo 1; fi
done
`;

/** Runs one batch process over all pairs; returns its answers, one per pair. */
function askOracle(command: string, args: string[], pairs: [string, string][]): number[] {
  const input = pairs.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n';
  const res = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(res.status, 0, `${command} failed: ${res.stderr}`);
  const answers = res.stdout.trimEnd().split('\n').map(Number);
  assert.equal(answers.length, pairs.length);
  return answers;
}

function disagreements(pairs: [string, string][], answers: number[]): string[] {
  return pairs.flatMap(([a, b], i) => {
    const ours = dpkgScheme.compare(a, b);
    return ours === answers[i] ? [] : [`${a} vs ${b}: tool ${answers[i]}, ours ${ours}`];
  });
}

const hasAptPkg = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import apt_pkg'], { encoding: 'utf8' }).status === 0;

describe('dpkg oracle (real tools)', () => {
  const pairs = nearMissPairs(SEED, PAIRS);

  it(`${PAIRS} near-miss pairs agree with libapt (apt_pkg.version_compare)`, (t) => {
    if (!hasAptPkg) return skipOracle(t, `${PYTHON} with the apt_pkg module (python3-apt) is not installed`);
    const answers = askOracle(PYTHON, ['-c', APT_BATCH], pairs);
    const wrong = disagreements(pairs, answers);
    t.diagnostic(`seed ${SEED}: ${pairs.length} pairs compared with libapt, ${wrong.length} disagreements; ` +
      `results -1/0/1: ${[-1, 0, 1].map((r) => answers.filter((x) => x === r).length).join('/')}`);
    assert.deepEqual(wrong.slice(0, 20), []);
  });

  it(`${DPKG_SPOT_CHECKS} pairs agree with dpkg --compare-versions (and so libapt agrees with dpkg)`, (t) => {
    if (!existsSync(DPKG)) return skipOracle(t, `${DPKG} is not installed`);
    const sample = pairs.filter((_, i) => i % Math.floor(PAIRS / DPKG_SPOT_CHECKS) === 0).slice(0, DPKG_SPOT_CHECKS);
    const answers = askOracle('/bin/sh', ['-c', DPKG_BATCH], sample);
    const wrong = disagreements(sample, answers);
    t.diagnostic(`${sample.length} pairs compared with dpkg --compare-versions, ${wrong.length} disagreements`);
    assert.deepEqual(wrong, []);
  });
});
