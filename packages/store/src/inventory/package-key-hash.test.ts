import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { packageFullKey } from '@patchloop/core';
import { packageKeyHash } from './package-key-hash.js';

describe('packageKeyHash (stored with every current software row: its values must never change)', () => {
  const cases: { name: string; key: string; hash: number }[] = [
    { name: 'empty key', key: '', hash: 3195444949458373 },
    { name: 'a Debian package', key: packageFullKey({ ecosystem: 'Debian:12', name: 'bash', version: '5.2', arch: 'amd64' }), hash: packageKeyHash('Debian:12\u0000bash\u0000amd64\u00005.2\u0000\u0000\u0000') },
  ];
  for (const c of cases) it(c.name, () => assert.equal(packageKeyHash(c.key), c.hash));

  it('golden value of a real key', () => {
    assert.equal(packageKeyHash('Debian:12\u0000bash\u0000amd64\u00005.2'), 3307208768242262);
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
