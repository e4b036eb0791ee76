import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The agent runs on every host: it must not pull in the store (SQLite, pg) or the server. Only
// tests may import them (the end-to-end test runs the real server). The repository lint config
// has no rule for packages/agent yet, so this test holds the boundary.
const SRC = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN = /from\s+'(@patchloop\/(store|server|cli)[^']*|better-sqlite3|pg|kysely|fastify)'|import\('(@patchloop\/(store|server|cli)[^']*)'\)/;

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return runtimeFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('agent import boundary', () => {
  const files = runtimeFiles(SRC);
  it('finds the runtime sources', () => assert.ok(files.length > 10));
  it('no runtime source imports the store, the server, the CLI or a database driver', () => {
    const offenders = files.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    assert.deepEqual(offenders, []);
  });
});
