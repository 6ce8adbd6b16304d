import type { LineFeatures } from "../pipeline/features.js";
import { mapPacked } from "../pipeline/packed.js";
import type { DetectorMeta } from "./types.js";

/**
 * Paragraphs whose words the document already holds: a summary or the whole article pasted again as
 * one line (seed 004), a teaser cut with "…" of a kept line, a title repeated with small changes.
 * Candidates come from word shingles kept in hash sets, never from comparing every pair of lines.
 * (string-similarity was considered and left out: shingle coverage answers "is this already here?"
 * in linear time, which pairwise edit similarity does not.)
 */
export const meta: DetectorMeta = {
  id: "near-duplicate",
  description: "A paragraph mostly covered by kept text of the same document: pasted-again paragraphs, truncated teasers, retouched titles.",
  languages: "any",
  reasons: {
    "covered-paragraph": "most of its word trigrams already stand in kept lines",
    "truncated-teaser": "ends in \"...\"/\"…\" and its words are a stretch of a kept line",
    "repeated-title": "a short line nearly equal to a kept short line",
  },
};

/** A paragraph needs this many words before coverage says anything (shorter lines repeat by chance). */
export const COVERED_MIN_WORDS = 12;
/** Share of a paragraph's word trigrams found in kept text to call it covered; 0.8 leaves room for edits. */
export const COVERED_SHARE = 0.8;
/** A teaser needs this many words besides the cut one to be matched. */
export const TEASER_MIN_WORDS = 4;
/** Share of a teaser's word bigrams found in one other kept line. */
export const TEASER_SHARE = 0.8;
/** Titles: 4 to 30 words, with this share of bigrams shared with one kept title-like line. */
export const TITLE_MIN_WORDS = 4;
export const TITLE_MAX_WORDS = 30;
export const TITLE_SHARE = 0.8;

/** FNV-1a, 32 bits: shingles are kept as numbers, not joined strings (the strings were most of the garbage). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Word k-grams as 52-bit-safe numbers (two 26-bit halves of mixed token hashes); collisions are negligible at page scale. */
export function shingles(tokens: readonly string[], k: number): number[] {
  const hs = mapPacked(tokens, hash);
  const out: number[] = [];
  for (let i = 0; i + k <= hs.length; i++) {
    let a = 0x9e3779b1, b = 0x85ebca77;
    for (let j = i; j < i + k; j++) { a = Math.imul(a ^ hs[j]!, 0x01000193) >>> 0; b = Math.imul(b + hs[j]!, 0xc2b2ae35) >>> 0; }
    out.push((a & 0x3ffffff) * 0x4000000 + (b & 0x3ffffff));
  }
  return out;
}

/** Word trigrams of all kept text so far, for "covered-paragraph". */
export class CoverageIndex {
  private readonly seen = new Set<number>();
  /** `trigrams`: shingles(tokens, 3), when the caller has them already (the cleaner caches them per line). */
  add(tokens: readonly string[], trigrams: readonly number[] = shingles(tokens, 3)): void {
    for (const s of trigrams) this.seen.add(s);
  }
  /** Share of the line's trigrams already seen, or 0 when the line is too short to judge. */
  coverage(tokens: readonly string[], trigrams?: readonly number[]): number {
    if (tokens.length < COVERED_MIN_WORDS) return 0;
    const sh = trigrams ?? shingles(tokens, 3);
    let hit = 0;
    for (const s of sh) if (this.seen.has(s)) hit++;
    return sh.length ? hit / sh.length : 0;
  }
}

/** The line's word bigrams, each once, in order of first occurrence. */
export function distinctBigrams(tokens: readonly string[]): number[] {
  return [...new Set(shingles(tokens, 2))];
}

/**
 * Bigram → lines index for "one other line contains most of this one" (teasers and titles). Each bigram
 * votes for the lines that hold it; the best-voted line gives the share. Linear in the line's length.
 */
export class ContainmentIndex {
  private readonly where = new Map<number, number[]>();
  /** `bigrams`: distinctBigrams(tokens), when the caller has them already. */
  add(line: number, tokens: readonly string[], bigrams: readonly number[] = distinctBigrams(tokens)): void {
    for (const s of bigrams) {
      const list = this.where.get(s);
      if (list) list.push(line); else this.where.set(s, [line]);
    }
  }
  /** Best share of the line's bigrams held by one indexed line other than `self`, and that line. */
  best(tokens: readonly string[], self: number, bigrams: readonly number[] = distinctBigrams(tokens)): { share: number; ref: number } | undefined {
    const sh = bigrams;
    if (!sh.length) return undefined;
    const votes = new Map<number, number>();
    for (const s of sh) for (const l of this.where.get(s) ?? []) if (l !== self) votes.set(l, (votes.get(l) ?? 0) + 1);
    let ref = -1, top = 0;
    for (const [l, v] of votes) if (v > top || (v === top && l < ref)) { top = v; ref = l; }
    return ref < 0 ? undefined : { share: top / sh.length, ref };
  }
}

/** Tokens of a teaser without the word the ellipsis cut (it may be a fragment). */
export function teaserTokens(f: LineFeatures): readonly string[] {
  return f.tokens.slice(0, -1);
}

/** A title-like line: a few words, no final stop. */
export function titleLike(f: LineFeatures): boolean {
  return !f.terminal && f.words >= TITLE_MIN_WORDS && f.words <= TITLE_MAX_WORDS;
}
