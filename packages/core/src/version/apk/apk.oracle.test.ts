/*
 * Oracle test for apk: the real tool is not available here. apk-tools is not packaged for
 * Debian 12 (only Android "apk" tools share the name), and building it from source would need
 * its git repository, which this machine cannot fetch. So the oracle for apkScheme is:
 * - the 754 comparison rows and 31 validity rows of apk-tools' own test/unit/version.data,
 *   replayed in apk.test.ts (fuzzy `~`, `<~`, `>~` included, all implemented);
 * - the ordering-law properties in apk.test.ts;
 * - a port that follows apk-tools src/version.c token by token (see apk.scheme.ts).
 * When `apk` is on the PATH (an Alpine CI runner), this test runs near-miss pairs through
 * `apk version -t` in one shell loop instead of skipping.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { apkScheme } from './apk.scheme.js';

const NO_APK_REASON =
  'apk-tools is not installable on Debian 12; apkScheme is checked against the 754 upstream ' +
  'version.data comparisons and 31 validity rows plus properties in apk.test.ts';

const hasApk = spawnSync('apk', ['--version'], { encoding: 'utf8' }).status === 0;

/** Pairs one small change apart, all valid: digits, suffixes, letters, hashes and revisions. */
function nearMissPairs(): [string, string][] {
  // No `~hash` here: apk-tools before 2.14 rejects it.
  const versions = ['1.0', '1.0.1', '1.01', '1.0a', '1.0_rc1', '1.0_p1', '1.0_alpha', '1.0_git20240101', '1.0-r1', '1.0_rc1-r2', '1.0.0', '10.0'];
  return versions.flatMap((a) => versions.map((b): [string, string] => [a, b]));
}

describe('apk oracle (real apk-tools)', () => {
  it('near-miss pairs agree with `apk version -t`', (t) => {
    if (!hasApk) return t.skip(NO_APK_REASON);
    const pairs = nearMissPairs();
    const script = 'while read -r a b; do apk version -t "$a" "$b"; done';
    const input = pairs.map(([a, b]) => `${a} ${b}`).join('\n') + '\n';
    const res = spawnSync('/bin/sh', ['-c', script], { input, encoding: 'utf8' });
    const answers = res.stdout.trimEnd().split('\n').map((s) => ({ '<': -1, '=': 0, '>': 1 })[s.trim()]);
    const wrong = pairs.filter(([a, b], i) => apkScheme.compare(a, b) !== answers[i]);
    t.diagnostic(`${pairs.length} pairs compared with apk version -t, ${wrong.length} disagreements`);
    assert.deepEqual(wrong, []);
  });
});
