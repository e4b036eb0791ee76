import { mulberry32, pick, type Rng } from '../../testing/seeded-random.js';
import { skipOracle } from '../../testing/oracle-skip.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPep440Version, pep440Scheme, type Pep440Version } from './pep440.scheme.js';

// Oracle: Debian's /usr/bin/python3 with python3-packaging 23.x (not a pyenv python3 on PATH).
// testdata/pep440_compare.py answers every pair in one process.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./testdata/pep440_compare.py', import.meta.url));
const PAIR_COUNT = 16_000;
const MIN_BOTH_VALID = 10_000;
const SEED = 0x70657034;

/** Alternatives for each piece of a version; a near miss swaps one piece or one character. */
const PIECES: readonly (readonly string[])[] = [
  ['', '', '', 'v', 'V', ' '],
  ['', '', '', '', '1!', '0!', '2!', '01!'],
  ['1', '1.0', '1.0.0', '2.1', '1.01', '10', '1.0.0.0.1', '99999999999999999999', '100000000000000000000', '0'],
  ['', '', '.', '-', '_'],
  ['', '', '', 'a', 'alpha', 'b', 'beta', 'c', 'rc', 'pre', 'preview', 'RC', 'Alpha', 'prev\u0131ew', 'prev\u0130ew'],
  ['', '0', '1', '2', '01', '10'],
  ['', '', '', '.post1', '-1', 'post', '.rev2', 'r3', '_post_1', '-post0', '.po\u017ft1', '.POST', '.post-2', '-0'],
  ['', '', '', '.dev', 'dev1', '-dev0', '_DEV_2', '.dev01', 'dev'],
  ['', '', '', '+local', '+ubuntu1', '+ubuntu1.1', '+1.2', '+abc-1', '+0x1', '+Infinity', '+1e5', '+\u212a', '+a_b', '+', '+1..2', '+00', '+1.abc', '+abc.1'],
  ['', '', '', '', ' ', '\n', '\x1c', '\ufeff', '\t '],
];
const SEPARATORS = ['.', '-', '_', ''];


function tweakCharacter(rng: Rng, text: string): string {
  const positions = [...text].map((c, i) => (/[0-9._-]/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return text;
  const i = pick(rng, positions);
  const replacement = /[0-9]/.test(text[i]!) ? String(Math.floor(rng() * 10)) : pick(rng, SEPARATORS);
  return text.slice(0, i) + replacement + text.slice(i + 1);
}

function nearMissPairs(count: number): [string, string][] {
  const rng = mulberry32(SEED);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const base = PIECES.map((options) => pick(rng, options));
    const other = [...base];
    const k = Math.floor(rng() * PIECES.length);
    other[k] = rng() < 0.6 ? pick(rng, PIECES[k]!) : tweakCharacter(rng, other[k]!);
    pairs.push([base.join(''), other.join('')]);
  }
  return pairs;
}

type Answer = [validA: boolean, validB: boolean, cmp: number | null, strA: string | null, strB: string | null];

function askPackaging(pairs: readonly [string, string][]): Answer[] {
  const input = pairs.map((p) => JSON.stringify(p)).join('\n') + '\n';
  const run = spawnSync(PYTHON, [SCRIPT], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Answer);
}

function missingTool(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (apt-get install python3 python3-packaging)`;
  const probe = spawnSync(PYTHON, [SCRIPT, '--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return `python3-packaging is not importable by ${PYTHON} (apt-get install python3-packaging)`;
  return undefined;
}

/** What we say about one pair, in the oracle's shape. */
function ourAnswer(a: string, b: string): Answer {
  const va = pep440Scheme.isValid(a) ? pep440Scheme.parse(a) : undefined;
  const vb = pep440Scheme.isValid(b) ? pep440Scheme.parse(b) : undefined;
  const cmp = va && vb ? pep440Scheme.compareParsed(va, vb) : null;
  const str = (v: Pep440Version | undefined): string | null => (v === undefined ? null : formatPep440Version(v));
  return [va !== undefined, vb !== undefined, cmp, str(va), str(vb)];
}

test(`pep440 agrees with python packaging on ${PAIR_COUNT} near-miss pairs`, (t) => {
  const reason = missingTool();
  if (reason !== undefined) {
    skipOracle(t, reason);
    return;
  }
  const pairs = nearMissPairs(PAIR_COUNT);
  const answers = askPackaging(pairs);
  assert.equal(answers.length, pairs.length);
  const disagreements = pairs
    .map(([a, b], i) => ({ a, b, packaging: answers[i]!, ours: ourAnswer(a, b) }))
    .filter((d) => JSON.stringify(d.packaging) !== JSON.stringify(d.ours));
  const compared = answers.filter((x) => x[2] !== null);
  const outcomes = [-1, 0, 1].map((o) => compared.filter((x) => x[2] === o).length);
  t.diagnostic(`packaging ${spawnSync(PYTHON, [SCRIPT, '--version'], { encoding: 'utf8' }).stdout.trim()}: ${pairs.length} pairs, ${compared.length} both valid (less/equal/greater ${outcomes.join('/')}), ${pairs.length - compared.length} with an invalid side (validity and str() checked), ${disagreements.length} disagreements`);
  assert.deepEqual(disagreements.slice(0, 20), []);
  assert.ok(compared.length >= MIN_BOTH_VALID, `only ${compared.length} pairs had two valid versions`);
  for (const n of outcomes) assert.ok(n > compared.length / 20, `pairs too one-sided: ${outcomes.join('/')}`);
});
