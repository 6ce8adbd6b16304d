/**
 * A fast, seedable 64-bit string hash, returned as two unsigned 32-bit halves so that fingerprints
 * can live in typed arrays (no BigInt, no strings kept).
 *
 * It is cyrb53's mixing (two 32-bit multiply–xor lanes over UTF-16 code units, cross-mixed at the end)
 * keeping all 64 bits. With n distinct keys the chance of any collision is about n² / 2^65: for 10^7
 * lines, 3·10^-6. That is the only way two different lines can be confused, and it is stated in the docs.
 */

/** Scratch output of {@link hash64}: `[hi, lo]`. Read it right after the call. */
export const H = new Uint32Array(2);

/** Hashes `s` into `H[0]` (high half) and `H[1]` (low half). */
export function hash64(s: string, seed = 0): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H[0] = h2 >>> 0;
  H[1] = h1 >>> 0;
}

/** A 32-bit hash of a string (the low half of {@link hash64}). */
export function hash32(s: string, seed = 0): number {
  hash64(s, seed);
  return H[1]!;
}

/** murmur3's finaliser: a bijection on 32-bit integers that spreads every input bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
