import { mulberry32, pick, type Rng } from '../../testing/seeded-random.js';
import { skipOracle } from '../../testing/oracle-skip.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goScheme } from './go.scheme.js';

// Oracle: golang.org/x/mod/semver from Debian's golang-golang-x-mod-dev, built with Debian's
// golang-go in GOPATH mode (GO111MODULE=off, nothing downloaded) into a temp dir, then asked
// about every pair in one process. Skipped when either package is missing.
const GOCODE = '/usr/share/gocode';
const XMOD_SEMVER = join(GOCODE, 'src/golang.org/x/mod/semver');
const MAIN_GO = fileURLToPath(new URL('./testdata/gosemver/main.go', import.meta.url));
const PAIR_COUNT = 40_000;
const MIN_BOTH_VALID = 10_000;
const SEED = 0x676f6d6f;

const PIECES: readonly (readonly string[])[] = [
  ['v', 'v', 'v', 'v', 'v', 'v', 'v', 'v', '', '', '', 'V', ' v'],
  ['0', '1', '2', '10', '1', '0', '1', '2', '01'],
  ['.0', '.1', '.19', '.2', '.0', '.1', '.10', '.0', '.1', '.2', '', '.01', '.'],
  ['.0', '.3', '.10', '.0', '.4', '.1', '.0', '.3', '.0', '.4', '', '.03'],
  ['', '', '', '', '', '-pre', '-rc.1', '-rc.10', '-0.20191109021931-daa7c04131f5', '-20191109021931-daa7c04131f5', '-pre.0.20191109021931-daa7c04131f5', '-alpha.beta', '-1', '-0', '-a-b', '-rc.01', '-alpha..1', '-', '-00'],
  ['', '', '', '', '', '', '+incompatible', '+meta', '+meta.1', '+', '+a..b'],
];


function tweakCharacter(rng: Rng, text: string): string {
  const positions = [...text].map((c, i) => (/[0-9.+-]/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return text;
  const i = pick(rng, positions);
  const replacement = /[0-9]/.test(text[i]!) ? String(Math.floor(rng() * 10)) : pick(rng, ['.', '-', '+', '']);
  return text.slice(0, i) + replacement + text.slice(i + 1);
}

function nearMissPairs(count: number): [string, string][] {
  const rng = mulberry32(SEED);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const base = PIECES.map((options) => pick(rng, options));
    const other = [...base];
    const k = Math.floor(rng() * PIECES.length);
    other[k] = rng() < 0.75 ? pick(rng, PIECES[k]!) : tweakCharacter(rng, other[k]!);
    pairs.push([base.join(''), other.join('')]);
  }
  return pairs;
}

/** x/mod requires the 'v'; we also accept OSV's unprefixed form, so ask x/mod about the v form. */
const asXmod = (v: string): string => (/^[0-9]/.test(v) ? `v${v}` : v);

function findGo(): string | undefined {
  for (const go of ['go', '/usr/lib/go/bin/go']) if (!spawnSync(go, ['version']).error) return go;
  return undefined;
}

function askXmod(go: string, pairs: readonly [string, string][]): [number, number, number][] {
  const dir = mkdtempSync(join(tmpdir(), 'patchloop-go-oracle-'));
  try {
    const env = { ...process.env, GO111MODULE: 'off', GOPATH: GOCODE, GOCACHE: join(dir, 'cache'), GOFLAGS: '', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };
    const bin = join(dir, 'gosemver');
    const build = spawnSync(go, ['build', '-o', bin, MAIN_GO], { env, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const input = pairs.map(([a, b]) => `${asXmod(a)}\t${asXmod(b)}\n`).join('');
    const run = spawnSync(bin, [], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n').map((line) => line.split(' ').map(Number) as [number, number, number]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ourAnswer(a: string, b: string): [number, number, number] {
  const va = goScheme.isValid(a);
  const vb = goScheme.isValid(b);
  // x/mod: invalid < valid, two invalid versions compare equal.
  const cmp = va && vb ? goScheme.compare(a, b) : va === vb ? 0 : va ? 1 : -1;
  return [Number(va), Number(vb), cmp];
}

test(`go agrees with golang.org/x/mod/semver on ${PAIR_COUNT} near-miss pairs`, (t) => {
  const go = findGo();
  if (go === undefined || !existsSync(XMOD_SEMVER)) {
    skipOracle(t, `needs Debian's golang-go and golang-golang-x-mod-dev (${go === undefined ? 'no go binary' : `no ${XMOD_SEMVER}`}): apt-get install golang-go golang-golang-x-mod-dev`);
    return;
  }
  const pairs = nearMissPairs(PAIR_COUNT);
  const answers = askXmod(go, pairs);
  assert.equal(answers.length, pairs.length);
  const disagreements = pairs
    .map(([a, b], i) => ({ a, b, xmod: answers[i]!, ours: ourAnswer(a, b) }))
    .filter((d) => d.xmod.join() !== d.ours.join());
  const compared = answers.filter(([va, vb]) => va === 1 && vb === 1);
  const outcomes = [-1, 0, 1].map((o) => compared.filter((x) => x[2] === o).length);
  t.diagnostic(`${pairs.length} pairs, ${compared.length} both valid (less/equal/greater ${outcomes.join('/')}), ${disagreements.length} disagreements`);
  assert.deepEqual(disagreements.slice(0, 20), []);
  assert.ok(compared.length >= MIN_BOTH_VALID, `only ${compared.length} pairs had two valid versions`);
});
