import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs the built CLI (packages/cli/bin/patchloop.js -> dist) as a user would.
const BIN = fileURLToPath(new URL('../bin/patchloop.js', import.meta.url));
const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });

describe('patchloop CLI', () => {
  let dir: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    db = join(dir, 'cli.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help lists the command groups', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const cmd of ['start', 'server', 'inventory', 'assets', 'feeds', 'version', 'token', 'db']) assert.match(r.stdout, new RegExp(`\\n  ${cmd}\\b`));
  });

  const compares: [string, string, string, string][] = [
    ['dpkg', '1.0~rc1', '1.0', '<'],
    ['dpkg', '1:1.0', '2.0', '>'],
    ['rpm', '1.0^git1', '1.0', '>'],
    ['apk', '1.0_rc1', '1.0', '<'],
    ['pep440', '1.0.post1', '1.0', '>'],
    ['maven', '1.0-ga', '1.0', '='],
    ['semver', '1.0.0-alpha', '1.0.0', '<'],
    ['go', 'v1.2.3+incompatible', 'v1.2.3', '='],
  ];
  for (const [scheme, a, b, want] of compares) {
    it(`version compare --scheme ${scheme} ${a} ${b} prints ${want}`, () => {
      const r = run(['version', 'compare', '--scheme', scheme, a, b]);
      assert.deepEqual([r.status, r.stdout], [0, `${want}\n`]);
    });
  }

  it('version compare --batch streams one result per line', () => {
    const r = run(['version', 'compare', '--scheme', 'dpkg', '--batch'], '1.0\t1.1\n2.0\t2.0\n1:0\t9\n');
    assert.deepEqual([r.status, r.stdout], [0, '-1\n0\n1\n']);
  });

  const failures: [string, string[], string | undefined, number, RegExp][] = [
    ['unknown scheme is invalid input (3)', ['version', 'compare', '--scheme', 'nope', '1', '2'], undefined, 3, /E_SCHEME_UNKNOWN/],
    ['a bad batch line names the line (3)', ['version', 'compare', '--scheme', 'dpkg', '--batch'], '1.0\t1.1\nno tab here\n', 3, /stdin, line 2/],
    ['an invalid version names the line (3)', ['version', 'compare', '--scheme', 'dpkg', '--batch'], '1.0\t1.1\n1.0\t1:\n', 3, /line 2/],
    ['an unknown option is a usage error (2)', ['version', 'compare', '--scheme', 'dpkg', '--bogus'], undefined, 2, /unknown option/],
    ['a missing asset is not found (4)', ['assets', 'show', 'nope', '--db', '__DB__'], undefined, 4, /E_ASSET_NOT_FOUND/],
  ];
  for (const [name, args, input, status, stderr] of failures) {
    it(name, () => {
      const r = run(args.map((a) => (a === '__DB__' ? db : a)), input);
      assert.equal(r.status, status, r.stderr);
      assert.match(r.stderr, stderr);
    });
  }

  it('inventory --dpkg-status --json parses a file without storing it', () => {
    const file = join(dir, 'status');
    writeFileSync(file, 'Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n\n');
    const r = run(['inventory', '--dpkg-status', file, '--ecosystem', 'Debian:12', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const snap = JSON.parse(r.stdout);
    assert.deepEqual(snap.packages.map((p: { name: string; sourceName: string }) => `${p.name}/${p.sourceName}`), ['libssl3/openssl']);
  });

  it('assets import then software --at answers from history', () => {
    const file = join(dir, 'web-1.status');
    writeFileSync(file, 'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\nArchitecture: amd64\n\n');
    const imp = run(['assets', 'import', file, '--format', 'dpkg-status', '--ecosystem', 'Debian:12', '--name', 'web-1', '--db', db, '--json']);
    assert.equal(imp.status, 0, imp.stderr);
    const sw = run(['assets', 'software', 'web-1', '--at', new Date(Date.now() + 1000).toISOString(), '--db', db, '--json']);
    assert.equal(sw.status, 0, sw.stderr);
    assert.deepEqual(JSON.parse(sw.stdout).packages.map((p: { name: string }) => p.name), ['bash']);
    const before = run(['assets', 'software', 'web-1', '--at', '2000-01-01', '--db', db, '--json']);
    assert.deepEqual(JSON.parse(before.stdout).packages, []);
  });

  it('scan --lockfile ranks findings; --policy rules set the due date; --fail-on sets the exit code', () => {
    const feedDb = join(dir, 'scan.db');
    const osv = fileURLToPath(new URL('../../../snapshot/osv', import.meta.url));
    assert.equal(run(['feeds', 'import', osv, '--db', feedDb]).status, 0);
    const lock = join(dir, 'package-lock.json');
    writeFileSync(lock, JSON.stringify({ name: 'shop', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop' }, 'node_modules/lodash': { version: '4.17.20' } } }));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ rules: [{ name: 'all-in-a-week', match: {}, days: 7 }] }));
    const r = run(['scan', '--lockfile', lock, '--db', feedDb, '--policy', policy, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((f: { package: { name: string }; fixedVersion: string }) => f.package.name === 'lodash' && f.fixedVersion));
    assert.ok(report.findings.every((f: { dueReason: string }) => f.dueReason === 'rule:all-in-a-week'));
    assert.equal(run(['scan', '--lockfile', lock, '--db', feedDb, '--fail-on', 'track', '--csv']).status, 1);
    const badPolicy = join(dir, 'bad-policy.json');
    writeFileSync(badPolicy, JSON.stringify({ cvssPrecedence: ['gossip'] }));
    const bad = run(['scan', '--lockfile', lock, '--db', feedDb, '--policy', badPolicy]);
    assert.equal(bad.status, 3);
    assert.match(bad.stderr, /cvssPrecedence/);
    const sarif = JSON.parse(run(['scan', '--lockfile', lock, '--db', feedDb, '--sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
  });

  it('a malformed import stores nothing and names the line', () => {
    const file = join(dir, 'bad.status');
    writeFileSync(file, 'Package: a\nStatus: install ok installed\nthis is not a field\n');
    const r = run(['assets', 'import', file, '--format', 'dpkg-status', '--ecosystem', 'Debian:12', '--name', 'bad-host', '--db', db]);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /bad\.status, line 3/);
    assert.equal(run(['assets', 'show', 'bad-host', '--db', db]).status, 4);
  });
});
