import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundle } from './bundle-manifest.js';

// The bundles (dist/bundled/, ADR 0010) against dist/: same output, status and errors.
const CLI_ROOT = new URL('../../', import.meta.url);
const BIN = fileURLToPath(new URL('bin/patchloop.js', CLI_ROOT));
const bundle = freshBundle(CLI_ROOT);
const run = (args: string[], noBundle: boolean) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...(noBundle ? { PATCHLOOP_NO_BUNDLE: '1' } : {}) } });
/** Times of day vary between runs (scannedAt, due dates): compared without them. */
const normalized = (text: string) => text.replace(/T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, 'T00:00:00.000Z');

describe('the bundles and dist/ agree', { skip: bundle?.scan ? false : 'the bundles are older than dist/ (run `npm run build`)' }, () => {
  let dir: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-bundle-'));
    db = join(dir, 'scan.db');
    assert.equal(run(['feeds', 'import', fileURLToPath(new URL('../snapshot/osv', new URL('../', CLI_ROOT))), '--db', db], true).status, 0);
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'shop', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop' }, 'node_modules/lodash': { version: '4.17.20' } } }));
    writeFileSync(join(dir, 'status'), 'Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, (d: { dir: string; db: string }) => string[]][] = [
    ['--help (CLI bundle)', () => ['--help']],
    ['version compare (CLI bundle)', () => ['version', 'compare', '--scheme', 'dpkg', '1.0~rc1', '1.0']],
    ['scan --help (scan bundle)', () => ['scan', '--help']],
    ['scan --lockfile --json (scan bundle)', ({ dir, db }) => ['scan', '--lockfile', join(dir, 'package-lock.json'), '--db', db, '--json']],
    ['scan --lockfile --sarif (scan bundle)', ({ dir, db }) => ['scan', '--lockfile', join(dir, 'package-lock.json'), '--db', db, '--sarif']],
    ['scan --dpkg-status --csv (scan bundle)', ({ dir, db }) => ['scan', '--dpkg-status', join(dir, 'status'), '--ecosystem', 'Debian:12', '--db', db, '--csv']],
    ['scan --fail-on sets the exit code (scan bundle)', ({ dir, db }) => ['scan', '--lockfile', join(dir, 'package-lock.json'), '--db', db, '--fail-on', 'track']],
    ['a usage error (scan bundle)', ({ db }) => ['scan', '--criticality', '9', '--db', db]],
    ['a missing input file (scan bundle)', ({ dir, db }) => ['scan', '--dpkg-status', join(dir, 'nope'), '--ecosystem', 'Debian:12', '--db', db]],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const a = args({ dir, db });
      const [fromBundle, fromDist] = [run(a, false), run(a, true)];
      assert.deepEqual([fromBundle.status, normalized(fromBundle.stdout), fromBundle.stderr], [fromDist.status, normalized(fromDist.stdout), fromDist.stderr]);
    });
  }

  it('a scan runs the scan bundle and leaves its code cache', () => {
    assert.equal(existsSync(`${fileURLToPath(bundle!.scan!)}.cache`), true);
  });
});
