/**
 * A 53-bit hash of a package's full key (core packageFullKey), stored with each current software
 * row so an inventory diff reads (id, hash) pairs from an index instead of whole rows. Two 32-bit
 * FNV-1a passes with different offsets, combined into a safe integer: the chance that two of an
 * asset's 1,000 packages collide is about 1e-10, and recordInventory falls back to comparing whole
 * rows when the wanted list itself has a collision. Never change it: stored rows depend on it.
 */
export function packageKeyHash(fullKey: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < fullKey.length; i++) {
    const c = fullKey.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (b >>> 11) * 0x100000000 + (a >>> 0);
}
