/**
 * Seeded, stateless randomness: every value the mock serves is `hash32(key, n, salt)` of the
 * seed's key, a non-negative integer (a log's position, a request's ordinal) and a salt naming
 * the field. No generator state means log *n* costs the same whether or not 0..n-1 were made.
 */

/** The seed as a 32-bit key (FNV-1a of its string form, so `7` and `"7"` are the same seed). */
export function seedKey(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finalizer: a bijective avalanche on 32 bits. */
function fmix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform uint32 for (key, n, salt); `n` is an integer in 0..2^53. */
export function hash32(key: number, n: number, salt: number): number {
  const low = n >>> 0;
  const high = Math.floor(n / 0x1_0000_0000) >>> 0;
  let h = fmix(key ^ Math.imul(salt + 1, 0x9e3779b9));
  h = fmix(h ^ low);
  return fmix(h ^ Math.imul(high + 1, 0x27d4eb2f));
}

/** A uniform number in [0, 1) for (key, n, salt). */
export function unit(key: number, n: number, salt: number): number {
  return hash32(key, n, salt) / 0x1_0000_0000;
}
