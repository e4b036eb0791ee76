#!/usr/bin/env node
// Runs every *.test.ts under packages/*/src with node's test runner (through tsx).
// Node 20's `node --test` does not expand globs, so the file list is built here.
//   --only-pg     only store tests that need PostgreSQL (files named *.pg.test.ts or *.contract.test.ts)
//   --fleet       only fleet end-to-end tests (*.fleet.test.ts), which are excluded by default
//   --filter STR  only files whose path contains STR
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const args = process.argv.slice(2);
const fleet = args.includes('--fleet');
const onlyPg = args.includes('--only-pg');
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;
const root = new URL('..', import.meta.url).pathname;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'testdata') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = walk(join(root, 'packages'), []).sort();
files = files.filter((f) => (fleet ? f.endsWith('.fleet.test.ts') : !f.endsWith('.fleet.test.ts')));
if (onlyPg) files = files.filter((f) => /\.(pg|contract)\.test\.ts$/.test(f));
if (filter) files = files.filter((f) => f.includes(filter));
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
console.log(`run-tests: ${files.length} files`);
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${Math.max(2, availableParallelism())}`, ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PATCHLOOP_TEST: '1' } },
);
process.exit(res.status ?? 1);
