import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCachedScript } from './cached-script.js';

// V8 keeps compiled scripts per process by source text, and a script found there never reads the
// cache file: each case compiles a source of its own (the CLI compiles the bundle once per process).
let sources = 0;

describe('runCachedScript', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-cached-script-'));
    file = join(dir, 'mod.cjs');
  });
  beforeEach(() => {
    rmSync(`${file}.cache`, { force: true });
    writeFileSync(file, `const { basename } = require('node:path');\nexports.name = basename(__filename);\nexports.twice = (x) => x * 2;\nexports.load = () => import('node:os').then((m) => typeof m.cpus);\n// source ${++sources}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the file as CommonJS (require, exports, __filename, dynamic import)', async () => {
    const s = runCachedScript(file);
    assert.equal(s.exports.name, 'mod.cjs');
    assert.equal((s.exports.twice as (x: number) => number)(21), 42);
    assert.equal(await (s.exports.load as () => Promise<string>)(), 'function');
  });

  /** A run in a process of its own: whether it used the cache; it then saves the cache. */
  const runInChild = (): boolean => {
    const code = `import(${JSON.stringify(new URL('./cached-script.ts', import.meta.url).href)}).then((m) => { const s = m.runCachedScript(${JSON.stringify(file)}); console.log(s.cacheUsed); s.saveCache(); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim() === 'true';
  };

  it('without a cache compiles from source and writes one; the next run uses it', () => {
    assert.equal(runInChild(), false);
    assert.equal(existsSync(`${file}.cache`), true);
    assert.equal(runInChild(), true);
  });

  it('a corrupt cache is rejected, the script still runs, and the cache is replaced', () => {
    writeFileSync(`${file}.cache`, 'not a V8 code cache');
    assert.equal(runCachedScript(file).exports.name, 'mod.cjs');
    assert.equal(runInChild(), false);
    assert.equal(runInChild(), true);
  });

  it('saveCache never throws when the cache cannot be written', () => {
    const s = runCachedScript(file);
    rmSync(dir, { recursive: true, force: true });
    assert.doesNotThrow(() => s.saveCache());
    dir = mkdtempSync(join(tmpdir(), 'pl-cached-script-'));
  });
});
