import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packageFullKey, type InstalledPackage } from '@patchloop/core';
import { packageKeyHash, packageKeyHashOf } from './package-key-hash.js';

const loadFixturePackages = (): InstalledPackage[] => JSON.parse(readFileSync(new URL('./testdata/debian12-packages.json', import.meta.url), 'utf8')) as InstalledPackage[];

describe('packageKeyHash (stored with every current software row: its values must never change)', () => {
  const cases: { name: string; key: string; hash: number }[] = [
    { name: 'empty key', key: '', hash: 3195444949458373 },
    { name: 'a Debian package', key: packageFullKey({ ecosystem: 'Debian:12', name: 'bash', version: '5.2', arch: 'amd64' }), hash: packageKeyHash('Debian:12\u0000bash\u0000amd64\u00005.2\u0000\u0000\u0000') },
  ];
  for (const c of cases) it(c.name, () => assert.equal(packageKeyHash(c.key), c.hash));

  it('golden value of a real key', () => {
    assert.equal(packageKeyHash('Debian:12\u0000bash\u0000amd64\u00005.2'), 3307208768242262);
  });

  it('packageKeyHashOf(p) equals packageKeyHash(packageFullKey(p)) on real packages and on every optional field absent or present', () => {
    const real = loadFixturePackages();
    assert.ok(real.length > 100);
    const shapes = [
      { ecosystem: 'Debian:12', name: 'bash', version: '5.2' },
      { ecosystem: 'npm', name: '@scope/pkg', version: '1.0.0', purl: 'pkg:npm/%40scope/pkg@1.0.0' },
      { ecosystem: 'Debian:12', name: 'libssl3', version: '3.0.13-1~deb12u1', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.13-1~deb12u1' },
      { ecosystem: '', name: '', version: '' },
      { ecosystem: 'PyPI', name: 'naïve-ünïcode', version: '1.0' },
    ];
    for (const p of [...real, ...shapes]) assert.equal(packageKeyHashOf(p), packageKeyHash(packageFullKey(p)), `${p.name} ${p.version}`);
  });

  it('safe integers, and no collision among 100,000 distinct keys of one shape', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const h = packageKeyHash(packageFullKey({ ecosystem: 'Debian:12', name: `pkg${i % 1000}`, version: `1.${i}`, arch: 'amd64' }));
      assert.ok(Number.isSafeInteger(h) && h >= 0);
      seen.add(h);
    }
    assert.equal(seen.size, 100_000);
  });
});
