import { fmix32, hash32 } from "./hash.js";

/**
 * MinHash signatures over word shingles, with deterministic seeds, for near-duplicate pages.
 *
 * 100 hash functions in 25 LSH bands of 4 rows. A pair with Jaccard J becomes a candidate with
 * probability 1 − (1 − J⁴)²⁵: 0.9999 at J = 0.8, 0.97 at 0.6, 0.80 at 0.5, 0.18 at 0.3. Bands this
 * wide let a copy with paragraphs dropped (J ≈ 0.5–0.7, but contained in the original) reach the
 * verification step; every candidate is then checked on the full signature (standard error of the
 * estimate ≈ √(J(1−J)/100), 0.04 at J = 0.8). Same shape as datatrove's defaults (14×8), traded
 * towards recall because verification is cheap.
 */
export const NUM_HASHES = 100;
export const BANDS = 25;
export const ROWS = 4;
/** Words per shingle. 5 as in datatrove and onion's defaults for news text. */
export const SHINGLE_WORDS = 5;

const SEEDS = new Uint32Array(NUM_HASHES);
for (let i = 0; i < NUM_HASHES; i++) SEEDS[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));

// A token is a run of letters/digits/marks, or one character of a script written without spaces
// (Han, kana, Thai, Lao, Khmer, Myanmar), so CJK and Thai text shingle on characters.
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{N}\p{M}]+/gu;

export interface Signature {
  /** NUM_HASHES minima; all 0xffffffff when there were no shingles. */
  readonly sig: Uint32Array;
  /** Number of shingles (with repeats), 0 for a text with no words. */
  readonly shingles: number;
}

/** The MinHash signature of a text. */
export function signature(text: string): Signature {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const ring = new Uint32Array(SHINGLE_WORDS);
  let tokens = 0;
  let shingles = 0;
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    ring[tokens % SHINGLE_WORDS] = hash32(m[0]);
    tokens++;
    if (tokens >= SHINGLE_WORDS) {
      add(sig, shingleOf(ring, tokens));
      shingles++;
    }
  }
  if (tokens > 0 && tokens < SHINGLE_WORDS) {
    add(sig, shingleOf(ring, tokens));
    shingles++;
  }
  return { sig, shingles };
}

/** Hash of the last min(n, SHINGLE_WORDS) tokens, in text order. */
function shingleOf(ring: Uint32Array, n: number): number {
  const k = Math.min(n, SHINGLE_WORDS);
  let h = k;
  for (let j = n - k; j < n; j++) h = Math.imul(h ^ ring[j % SHINGLE_WORDS]!, 0x01000193) + 0x7f4a7c15;
  return fmix32(h);
}

function add(sig: Uint32Array, x: number): void {
  for (let i = 0; i < NUM_HASHES; i++) {
    // fmix32(x ^ seed), inlined: the hot loop of the whole dedup.
    let h = x ^ SEEDS[i]!;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h >>>= 0;
    if (h < sig[i]!) sig[i] = h;
  }
}

/** Estimated Jaccard similarity: the share of equal minima. `a` and `b` are offsets into `sigs`. */
export function similarity(sigs: Uint32Array, a: number, b: number): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (sigs[a + i] === sigs[b + i]) same++;
  return same / NUM_HASHES;
}
