import { mulberry32, pick, type Rng } from '../../testing/seeded-random.js';
import { skipOracle } from '../../testing/oracle-skip.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mavenScheme } from './maven.scheme.js';

// Oracle: the maven-artifact jar on this machine (Debian's maven, META-INF says 3.8.7).
// MavenCompare.java is compiled into a temp dir and asked about every pair in one process.
const JAR = '/usr/share/maven/lib/maven-artifact-3.x.jar';
const JAVA_SOURCE = fileURLToPath(new URL('./testdata/MavenCompare.java', import.meta.url));
const PAIR_COUNT = 12_000;
const SEED = 0x6d766e31;

const NUMBERS = ['0', '1', '2', '9', '10', '00', '01', '010', '123', '999999999', '1000000000', '0000000000', '123456789012345678', '1234567890123456789', '٣', '٠1'];
const WORDS = ['alpha', 'beta', 'milestone', 'rc', 'cr', 'snapshot', 'ga', 'final', 'release', 'sp', 'a', 'b', 'm', 'c', 'abc', 'def', 'x', 'pom', 'redhat', 'RC', 'Final', 'SNAPSHOT', 'GA', 'SP', 'a1', 'b2', 'm3', 'rc1', 'sp1', '1a', '2b', '1rc1', 'jre', 'Alpha1'];
const SEPARATORS = ['.', '-', ''];


interface Shape {
  words: string[];
  seps: string[];
}

function randomWord(rng: Rng): string {
  return rng() < 0.55 ? pick(rng, NUMBERS) : pick(rng, WORDS);
}

function randomShape(rng: Rng): Shape {
  const words = [pick(rng, NUMBERS)];
  const seps: string[] = [];
  const n = Math.floor(rng() * 5);
  for (let i = 0; i < n; i++) {
    seps.push(pick(rng, SEPARATORS));
    words.push(randomWord(rng));
  }
  return { words, seps };
}

function tweakWord(rng: Rng, word: string): string {
  const r = rng();
  if (r < 0.3 && /[0-9]/.test(word)) return word.replace(/[0-9]/, String(Math.floor(rng() * 10)));
  if (r < 0.45) return rng() < 0.5 ? word.toUpperCase() : word.toLowerCase();
  if (r < 0.55) return `0${word}`;
  return randomWord(rng);
}

/** One step away: one word, one separator, or one trailing item added or removed. */
function nearMiss(rng: Rng, base: Shape): Shape {
  const words = [...base.words];
  const seps = [...base.seps];
  const r = rng();
  if (r < 0.4) {
    const i = Math.floor(rng() * words.length);
    words[i] = tweakWord(rng, words[i]!);
  } else if (r < 0.7 && seps.length > 0) {
    seps[Math.floor(rng() * seps.length)] = pick(rng, SEPARATORS);
  } else if (r < 0.9 || words.length === 1) {
    seps.push(pick(rng, ['.', '-']));
    words.push(pick(rng, ['0', 'ga', 'final', 'release', '', 'sp', 'snapshot', '0-ga', 'a1']));
  } else {
    words.pop();
    seps.pop();
  }
  return { words, seps };
}

function render(shape: Shape): string {
  let out = shape.words[0]!;
  for (let i = 0; i < shape.seps.length; i++) out += shape.seps[i]! + shape.words[i + 1]!;
  return out === '' ? '0' : out;
}

function nearMissPairs(count: number): [string, string][] {
  const rng = mulberry32(SEED);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const base = randomShape(rng);
    pairs.push([render(base), render(nearMiss(rng, base))]);
  }
  return pairs;
}

function missingTool(): string | undefined {
  if (!existsSync(JAR)) return `${JAR} not found (apt-get install maven)`;
  for (const tool of ['javac', 'java']) {
    if (spawnSync(tool, ['-version']).error) return `${tool} not on PATH (apt-get install default-jdk-headless)`;
  }
  return undefined;
}

function askMaven(pairs: readonly [string, string][]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'patchloop-maven-oracle-'));
  try {
    const javac = spawnSync('javac', ['-d', dir, '-cp', JAR, JAVA_SOURCE], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const input = pairs.map(([a, b]) => `${a}\t${b}\n`).join('');
    const run = spawnSync('java', ['-cp', `${dir}:${JAR}`, 'MavenCompare'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n').map(Number);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(`maven agrees with ComparableVersion 3.8.7 on ${PAIR_COUNT} near-miss pairs`, (t) => {
  const reason = missingTool();
  if (reason !== undefined) {
    skipOracle(t, reason);
    return;
  }
  const pairs = nearMissPairs(PAIR_COUNT);
  const expected = askMaven(pairs);
  assert.equal(expected.length, pairs.length);
  const disagreements = pairs
    .map(([a, b], i) => ({ a, b, maven: expected[i], ours: mavenScheme.compare(a, b) }))
    .filter((d) => d.maven !== d.ours);
  const outcomes = [-1, 0, 1].map((o) => expected.filter((e) => e === o).length);
  t.diagnostic(`compared ${pairs.length} pairs with the jar (less/equal/greater ${outcomes.join('/')}), ${disagreements.length} disagreements`);
  for (const n of outcomes) assert.ok(n > pairs.length / 20, `pairs too one-sided: ${outcomes.join('/')}`);
  assert.deepEqual(disagreements.slice(0, 20), []);
});
