import type { InstalledPackage } from '@patchloop/core';

/**
 * A 53-bit hash of a package's full key (core packageFullKey), stored with each current software
 * row so an inventory diff reads (id, hash) pairs from an index instead of whole rows. Two 32-bit
 * FNV-1a passes with different offsets, combined into a safe integer: the chance that two of an
 * asset's 1,000 packages collide is about 1e-10, and recordInventory falls back to comparing whole
 * rows when the wanted list itself has a collision. Never change it: stored rows depend on it.
 */
export function packageKeyHash(fullKey: string): number {
  a = 0x811c9dc5;
  b = 0x01000193 ^ 0x5bd1e995;
  mix(fullKey);
  return (b >>> 11) * 0x100000000 + (a >>> 0);
}

/**
 * packageKeyHash(packageFullKey(p)), without building the key: the same characters, separators
 * included, go through the same two passes (an inventory check-in hashes 1,000 packages).
 */
export function packageKeyHashOf(p: InstalledPackage): number {
  a = 0x811c9dc5;
  b = 0x01000193 ^ 0x5bd1e995;
  mix(p.ecosystem);
  separator();
  mix(p.name);
  separator();
  mix(p.arch ?? '');
  separator();
  mix(p.version);
  separator();
  mix(p.sourceName ?? '');
  separator();
  mix(p.sourceVersion ?? '');
  separator();
  mix(p.purl ?? '');
  return (b >>> 11) * 0x100000000 + (a >>> 0);
}

// The two running states (module scope: no allocation per call; the functions never interleave).
let a = 0;
let b = 0;

function mix(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
}

function separator(): void {
  a = Math.imul(a, 0x01000193);
  b = Math.imul(b, 0x01000193);
}
