import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { npmLockParser } from './npm-lock.parser.js';
import { packageNameFromPath } from './npm-lock.mapper.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';
import type { ExpectedError } from '../testing/assert-domain-error.js';
import { readFeedFile, readTestdata, skipWithoutShared } from '../testing/shared-feeds.js';

const list = (text: string) => npmLockParser.parse(text, { file: 'package-lock.json' }).packages.map((p) => `${p.name}@${p.version}`);

describe('packageNameFromPath', () => {
  const cases: [string, string | undefined][] = [
    ['node_modules/debug', 'debug'],
    ['node_modules/@types/node', '@types/node'],
    ['node_modules/a/node_modules/@s/b', '@s/b'],
    ['packages/web/node_modules/debug', 'debug'],
    ['', undefined],
    ['packages/web', undefined],
    ['not_node_modules/x', undefined],
  ];
  for (const [path, want] of cases) it(`"${path}" -> ${String(want)}`, () => assert.equal(packageNameFromPath(path), want));
});

describe('npmLockParser on hand-written lockfiles', () => {
  it('v3: root, workspace folder and link skipped; alias, nested version, dev and optional kept; repeats once', () => {
    const snapshot = npmLockParser.parse(readTestdata(import.meta.url, 'workspace-v3.package-lock.json'), { file: 'package-lock.json' });
    assert.deepEqual(snapshot.asset, { name: 'shop', kind: 'application', source: 'lockfile:npm' });
    assert.deepEqual(snapshot.packages.map((p) => `${p.name}@${p.version}`), [
      '@types/node@20.12.7', 'debug@4.3.4', 'ms@2.1.2', 'fsevents@2.3.3', 'ms@2.1.3', 'string-width@4.2.3', 'typescript@5.4.5', 'undici-types@5.26.5',
    ]);
    assert.equal(snapshot.packages[0]?.purl, 'pkg:npm/%40types/node@20.12.7');
    assert.deepEqual(snapshot.warnings, []);
  });
  it('v1: the dependencies tree, nested versions kept, a tarball URL version skipped with a warning', () => {
    const snapshot = npmLockParser.parse(readTestdata(import.meta.url, 'legacy-v1.package-lock.json'), {});
    assert.deepEqual(snapshot.packages.map((p) => `${p.name}@${p.version}`), ['@babel/code-frame@7.12.11', 'debug@2.6.9', 'ms@2.0.0', 'ms@2.1.3']);
    assert.deepEqual(snapshot.warnings, ['dependencies grunt-if has version "https://github.com/binarymist/grunt-if/tarball/master", not a registry version: skipped']);
    assert.equal(snapshot.asset.name, 'legacy-app');
  });
});

/**
 * Real lockfiles. Expected counts computed with jq: distinct "name@version" over `.packages`
 * entries except "" and links, name = key after the last "node_modules/" (no aliases occur).
 * Entries = those entries before de-duplication. v1 view: the same lockfile's `dependencies` tree.
 */
const realLocks: { name: string; entries: number; packages: number; v1Packages: number; sample: string }[] = [
  { name: 'hackathon-starter', entries: 874, packages: 806, v1Packages: 806, sample: 'lodash@4.17.21' },
  { name: 'nodegoat', entries: 1479, packages: 1091, v1Packages: 1090, sample: 'grunt-if@0.2.0' },
  { name: 'nodejs-goof', entries: 1274, packages: 980, v1Packages: 980, sample: 'st@0.2.4' },
  { name: 'realworld-express', entries: 773, packages: 733, v1Packages: 0, sample: '@prisma/client@4.16.2' },
];

describe('npmLockParser on real lockfiles', () => {
  for (const c of realLocks) {
    it(`${c.name}: ${c.entries} entries -> ${c.packages} packages`, { skip: skipWithoutShared() }, () => {
      const text = readFeedFile(`lockfiles/npm/${c.name}/package-lock.json`);
      const lock = JSON.parse(text) as { packages: Record<string, unknown> };
      assert.equal(Object.keys(lock.packages).filter((k) => k !== '').length, c.entries);
      const got = list(text);
      assert.equal(got.length, c.packages);
      assert.ok(got.includes(c.sample), c.sample);
    });
    if (c.v1Packages > 0) {
      it(`${c.name}: the v1 tree of the same file gives ${c.v1Packages} packages`, { skip: skipWithoutShared() }, () => {
        const lock = JSON.parse(readFeedFile(`lockfiles/npm/${c.name}/package-lock.json`)) as Record<string, unknown>;
        const v1 = JSON.stringify({ ...lock, lockfileVersion: 1, packages: undefined });
        const v2 = new Set(list(readFeedFile(`lockfiles/npm/${c.name}/package-lock.json`)));
        const got = list(v1);
        assert.equal(got.length, c.v1Packages);
        assert.ok(got.every((p) => v2.has(p)), 'every v1 package is in the v2 view');
      });
    }
  }
});

const badInputs: { name: string; text: string; want: ExpectedError }[] = [
  { name: 'truncated JSON names the line', text: '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {\n', want: { code: 'E_JSON_INVALID', line: 5 } },
  { name: 'unknown lockfileVersion', text: '{"lockfileVersion": 4, "packages": {}}', want: { code: 'E_LOCKFILE_UNSUPPORTED', field: '/lockfileVersion' } },
  { name: 'no lockfileVersion (a package.json)', text: '{"name": "x", "dependencies": {}}', want: { code: 'E_LOCKFILE_UNSUPPORTED', field: '/lockfileVersion' } },
  { name: 'packages is not a map of objects', text: '{"lockfileVersion": 3, "packages": {"node_modules/a": "1.0.0"}}', want: { code: 'E_LOCKFILE_INVALID', field: '/packages' } },
];

describe('npmLockParser on bad input', () => {
  for (const c of badInputs) it(c.name, () => assertThrowsDomainError(() => npmLockParser.parse(c.text, { file: 'package-lock.json' }), c.want));
});
