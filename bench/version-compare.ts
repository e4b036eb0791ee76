/**
 * bench/version-compare: `patchloop version compare --scheme dpkg --batch` on 100,000 near-miss
 * pairs (wall clock, including Node start-up) against libapt's apt_pkg.version_compare in one
 * Python process on the same pairs, same run. Checks both give the same answers.
 *   npm run bench:version -- [--json] [--pairs N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PAIRS = process.argv.includes('--pairs') ? Number(process.argv[process.argv.indexOf('--pairs') + 1]) : 100_000;
const JSON_OUT = process.argv.includes('--json');
const BIN = fileURLToPath(new URL('../packages/cli/bin/patchloop.js', import.meta.url));
const PY = `import sys, apt_pkg\napt_pkg.init()\nout=[]\nfor line in sys.stdin:\n    a,b=line.rstrip('\\n').split('\\t')\n    c=apt_pkg.version_compare(a,b)\n    out.append('-1' if c<0 else ('1' if c>0 else '0'))\nsys.stdout.write('\\n'.join(out)+'\\n')\n`;

function pairs(n: number): string {
  let seed = 42;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % k);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = `${rnd(3) ? '' : `${rnd(3)}:`}${rnd(10)}.${rnd(20)}.${rnd(5)}-${rnd(4) + 1}`;
    const variants = [`${base}~rc1`, `${base}+b1`, `${base}~deb12u1`, base.replace(/-(\d)/, (_, d) => `-${Number(d) + 1}`), `${base}+deb12u1`, base];
    lines.push(`${base}\t${variants[rnd(variants.length)]}`);
  }
  return `${lines.join('\n')}\n`;
}

function time(fn: () => string): { seconds: number; out: string } {
  const t = performance.now();
  const out = fn();
  return { seconds: (performance.now() - t) / 1000, out };
}

const input = pairs(PAIRS);
const ours = time(() => execFileSync(process.execPath, [BIN, 'version', 'compare', '--scheme', 'dpkg', '--batch'], { input, maxBuffer: 1 << 28 }).toString());
const hasApt = spawnSync('/usr/bin/python3', ['-c', 'import apt_pkg'], { encoding: 'utf8' }).status === 0;
const apt = hasApt ? time(() => execFileSync('/usr/bin/python3', ['-c', PY], { input, maxBuffer: 1 << 28 }).toString()) : undefined;
const agree = apt ? apt.out === ours.out : undefined;
const result = { pairs: PAIRS, patchloopSeconds: round(ours.seconds), libaptPythonSeconds: apt ? round(apt.seconds) : null, ratio: apt ? round(apt.seconds / ours.seconds) : null, identicalAnswers: agree };
if (JSON_OUT) console.log(JSON.stringify(result));
else console.log(result);
if (agree === false) process.exitCode = 1;

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
