import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fastContentHash } from './fast-hash.js';

describe('fastContentHash', () => {
  it('is stable, 16 hex digits, and tells one-character changes apart', () => {
    const base = 'CVE-1999-0001,0.01297,0.7854';
    assert.equal(fastContentHash(base), '65b81431736ce833');
    assert.match(fastContentHash(''), /^[0-9a-f]{16}$/);
    const variants = [base, 'CVE-1999-0001,0.01298,0.7854', 'CVE-1999-0001,0.01297,0.7855', 'CVE-1999-0002,0.01297,0.7854', `${base} `];
    assert.equal(new Set(variants.map(fastContentHash)).size, variants.length);
  });
});
