import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InventorySnapshot } from '@patchloop/core';
import { cycloneDxParser } from './cyclonedx/cyclonedx.parser.js';
import { npmLockParser } from './npm-lock/npm-lock.parser.js';
import { spdxParser } from './spdx/spdx.parser.js';
import { readFeedFile, skipWithoutShared } from './testing/shared-feeds.js';

const keys = (s: InventorySnapshot) => new Set(s.packages.map((p) => `${p.ecosystem} ${p.name}@${p.version}`));
const lockfile = (app: string) => npmLockParser.parse(readFeedFile(`lockfiles/npm/${app}/package-lock.json`), {});

/**
 * The SBOMs in feeds/lockfiles were made by `npm sbom --package-lock-only` from the very lockfile
 * beside them, so the package sets must be equal. The one principled difference: npm puts the
 * root project in the SBOM (CycloneDX metadata.component, SPDX's described package) and both
 * parsers treat it as the asset, like the lockfile parser skips the root "" entry.
 */
const pairs: { name: string; app: string; sbom: string; parse: (t: string) => InventorySnapshot; size: number }[] = [
  { name: 'hackathon-starter: lockfile = CycloneDX', app: 'hackathon-starter', sbom: 'hackathon-starter.cdx.json', parse: (t) => cycloneDxParser.parse(t, {}), size: 806 },
  { name: 'hackathon-starter: lockfile = SPDX', app: 'hackathon-starter', sbom: 'hackathon-starter.spdx.json', parse: (t) => spdxParser.parse(t, {}), size: 806 },
  { name: 'nodegoat: lockfile = CycloneDX', app: 'nodegoat', sbom: 'nodegoat.cdx.json', parse: (t) => cycloneDxParser.parse(t, {}), size: 1091 },
];

describe('lockfile and npm sbom agree', () => {
  for (const c of pairs) {
    it(`${c.name} (${c.size} packages)`, { skip: skipWithoutShared() }, () => {
      const fromLock = keys(lockfile(c.app));
      const fromSbom = keys(c.parse(readFeedFile(`lockfiles/npm/${c.app}/${c.sbom}`)));
      assert.equal(fromLock.size, c.size);
      assert.deepEqual([...fromSbom].sort(), [...fromLock].sort());
    });
  }
  it('hackathon-starter: the --omit dev SBOM (442) is a subset of the lockfile, which lists dev packages too', { skip: skipWithoutShared() }, () => {
    const fromLock = keys(lockfile('hackathon-starter'));
    const prodOnly = keys(cycloneDxParser.parse(readFeedFile('lockfiles/npm/hackathon-starter/hackathon-starter.omit-dev.cdx.json'), {}));
    assert.equal(prodOnly.size, 442);
    assert.ok([...prodOnly].every((k) => fromLock.has(k)));
  });
});
