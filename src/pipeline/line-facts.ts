import { chromeReason } from "../detectors/chrome.js";
import { commentEvidence, type CommentEvidence } from "../detectors/comment-widget.js";
import { duplicateKey } from "../detectors/exact-duplicate.js";
import { distinctBigrams, shingles } from "../detectors/near-duplicate.js";
import { countStopwords, measureLine, type LocalFeatures } from "./features.js";

/**
 * What the cleaner learns about a line from its text alone: its local features, the chrome and
 * comment-widget lexicon verdicts, its duplicate key. A news dump repeats its lines: in the bench
 * corpus 9 lines in 10 are site chrome, and only 15% of the lines of 10 MB are distinct; the cleaner's
 * fixed-point passes (clean.ts, MAX_PASSES) then see every kept line again. So these are computed once
 * per distinct line and kept in a bounded cache, per thread. Everything cached is a pure function of
 * the line's text, so a hit gives exactly what computing afresh would.
 */
export interface LineFacts {
  /**
   * The line. For the shared cache a copy: a line split from a document is a slice that keeps the
   * whole document alive, and so would every token and key derived from it (2000 cached lines of
   * 100 kB documents: 447 MB of heap as slices, 3 MB as copies).
   */
  readonly text: string;
  readonly local: LocalFeatures;
  /** Letters in the line (language detection ranks lines by it). */
  readonly letters: number;
  /**
   * The stopword lists `stop` and `stop2` were counted against (lists are memoised per language, so
   * identity works). Two: a short line shared by sites in two languages (a name, "Facebook", a date)
   * would otherwise be recounted whenever the language changes between documents.
   */
  stopList?: ReadonlySet<string>;
  stop: number;
  stopList2?: ReadonlySet<string>;
  stop2: number;
  /** `null`: looked up, nothing found; `undefined`: not looked up yet. */
  chrome?: string | null;
  comment?: CommentEvidence | null;
  dupKey?: string;
  /** Word trigram shingles and distinct bigrams, for the near-duplicate indexes. */
  trigrams?: readonly number[];
  bigrams?: readonly number[];
}

/**
 * Lines up to this long may be cached across documents: site chrome, menus, bylines, counters are
 * short (the chrome lexicon stops at 400 characters, most of it at 80). Longer lines are article text,
 * seen again only by the next fixed-point pass of the same document, so they live in the document's
 * own table and go with it. CPU time of cleaning 10 MB of the bench corpus in one process, one
 * session: nothing shared 4.1 s, lines up to 80 characters 3.7 s, up to 200 3.45 s, up to 400 4.0 s.
 */
export const SHARED_MAX_CHARS = 200;

/**
 * The shared cache holds two generations of at most this many entries each: lines are looked up in
 * the young one, then in the old one (and moved to the young one on a hit); when the young one is full
 * it becomes the old one and the old one is dropped. Lines a site repeats on every page stay.
 *
 * Small on purpose. What the cache holds is live heap in every worker thread, and V8 lets a heap grow
 * to about four times its live size before a full collection (--trace-gc: 27 MB live, 111 MB heap per
 * worker with 10,000 entries). Measured with --jobs 2 on 30 MB of the bench corpus (peak RSS, user
 * CPU): before the cache 242–270 MB, 21.8 s; 10,000 entries 393–409 MB, 11.9 s; 2,000 entries with
 * admission (below) 269–275 MB, 12.3–12.8 s.
 */
export const LINE_CACHE_ENTRIES = 2_000;

let young = new Map<string, LineFacts>();
let old = new Map<string, LineFacts>();

/** A document's own facts table, shared by its fixed-point passes; lines too long for the shared cache go here. */
export type DocumentFacts = Map<string, LineFacts>;

/** The facts of a non-blank line: from the document's table, the shared cache, or computed now. */
export function factsOf(text: string, own: DocumentFacts): LineFacts {
  let facts = own.get(text);
  if (facts !== undefined) return facts;
  if (text.length > SHARED_MAX_CHARS) {
    facts = measured(text);
    own.set(text, facts);
    return facts;
  }
  facts = young.get(text);
  if (facts !== undefined) return facts;
  facts = old.get(text);
  if (facts === undefined) {
    // Admission: a line enters the shared cache the second time it is seen. Until then it is one bit
    // in SEEN (its facts live in the document's table): most short lines of a page are its own.
    if (!seen(text)) {
      facts = measured(text);
      own.set(text, facts);
      return facts;
    }
    facts = measured(copyOf(text));
  }
  if (young.size >= LINE_CACHE_ENTRIES) {
    old = young;
    young = new Map();
  }
  young.set(facts.text, facts);
  return facts;
}

/**
 * Lines seen once, as bits addressed by a 21-bit hash (256 kB outside the V8 heap: a Set of hashes
 * would be live heap that V8 multiplies when it sizes the heap). Cleared after SEEN_MAX_LINES lines, so
 * it never fills up; a collision only admits a line early, which changes no result.
 */
const SEEN_BITS = 1 << 21;
const SEEN_MAX_LINES = 200_000;
const SEEN = new Uint8Array(SEEN_BITS >>> 3);
let seenLines = 0;

/** Whether the line was seen before (since the last clearing); marks it seen. */
function seen(s: string): boolean {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  const bit = (h >>> 0) & (SEEN_BITS - 1);
  const mask = 1 << (bit & 7);
  if (SEEN[bit >>> 3]! & mask) return true;
  if (++seenLines > SEEN_MAX_LINES) { SEEN.fill(0); seenLines = 1; }
  SEEN[bit >>> 3]! |= mask;
  return false;
}

/** A flat copy of a string (V8 copies strings under 13 characters when slicing anyway). */
function copyOf(text: string): string {
  return text.length < 13 ? text : (text + " ").slice(0, -1);
}

function measured(text: string): LineFacts {
  const { features, letters } = measureLine(text);
  // Every field from the start, in one order: fields added later, each line in its own order, gave
  // the facts six hidden classes, and the cleaner that reads them was compiled again for each.
  return {
    text, local: features, letters, stopList: undefined, stop: 0, stopList2: undefined, stop2: 0,
    chrome: undefined, comment: undefined, dupKey: undefined, trigrams: undefined, bigrams: undefined,
  };
}

/** Stopwords among the line's words, for the document's list. */
export function stopwordsOf(facts: LineFacts, list: ReadonlySet<string>): number {
  if (facts.stopList === list) return facts.stop;
  if (facts.stopList2 === list) return facts.stop2;
  if (facts.stopList !== undefined) {
    facts.stopList2 = facts.stopList;
    facts.stop2 = facts.stop;
  }
  facts.stop = countStopwords(facts.local.tokens, list);
  facts.stopList = list;
  return facts.stop;
}

/** chromeReason(text, f), which reads only the line's text and its local features. */
export function chromeOf(facts: LineFacts): string | undefined {
  if (facts.chrome === undefined) facts.chrome = chromeReason(facts.text, facts.local) ?? null;
  return facts.chrome ?? undefined;
}

/** commentEvidence(text, f), which reads only the line's text and its local features. */
export function commentOf(facts: LineFacts): CommentEvidence {
  if (facts.comment === undefined) facts.comment = commentEvidence(facts.text, facts.local) ?? null;
  return facts.comment ?? undefined;
}

/** duplicateKey(text). */
export function dupKeyOf(facts: LineFacts): string {
  facts.dupKey ??= duplicateKey(facts.text);
  return facts.dupKey;
}

/** shingles(tokens, 3) of the line. */
export function trigramsOf(facts: LineFacts): readonly number[] {
  facts.trigrams ??= shingles(facts.local.tokens, 3);
  return facts.trigrams;
}

/** distinctBigrams(tokens) of the line. */
export function bigramsOf(facts: LineFacts): readonly number[] {
  facts.bigrams ??= distinctBigrams(facts.local.tokens);
  return facts.bigrams;
}
