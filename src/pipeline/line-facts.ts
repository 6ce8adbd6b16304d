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
  readonly local: LocalFeatures;
  /** Letters in the line (language detection ranks lines by it). */
  readonly letters: number;
  /** The stopword list `stop` was counted against (lists are memoised per language, so identity works). */
  stopList?: ReadonlySet<string>;
  stop: number;
  /** `null`: looked up, nothing found; `undefined`: not looked up yet. */
  chrome?: string | null;
  comment?: CommentEvidence | null;
  dupKey?: string;
  /** Word trigram shingles and distinct bigrams, for the near-duplicate indexes. */
  trigrams?: readonly number[];
  bigrams?: readonly number[];
}

/**
 * Lines up to this long are cached across documents: site chrome, menus, bylines, counters are short
 * (the chrome lexicon stops at 400 characters, most of it at 80). Longer lines are article text, seen
 * again only by the next fixed-point pass of the same document, so they live in the document's own
 * table and go with it. CPU time of cleaning 10 MB of the bench corpus in one process, one session:
 * nothing shared 4.1 s, lines up to 80 characters 3.7 s, up to 200 3.45 s, up to 400 4.0 s (more
 * entries of one-off lines push the repeated ones out).
 */
export const SHARED_MAX_CHARS = 200;

/**
 * The shared cache holds two generations of at most this many entries each: lines are looked up in
 * the young one, then in the old one (and moved to the young one on a hit); when the young one is full
 * it becomes the old one and the old one is dropped. Lines a site repeats on every page stay; lines
 * seen once age out. Memory stays flat: an entry (key, features, tokens) weighs about 0.8 kB (heap
 * after cleaning 10 MB: +10.5 MB with 5,000 entries, +32 MB with 20,000), so at most ~16 MB per
 * thread here. CPU time on the same 10 MB: 5,000 entries 3.25 s, 10,000 2.6–2.8 s, 20,000 2.7–2.9 s.
 */
export const LINE_CACHE_ENTRIES = 10_000;

let young = new Map<string, LineFacts>();
let old = new Map<string, LineFacts>();

/** A document's own facts table, shared by its fixed-point passes; lines too long for the shared cache go here. */
export type DocumentFacts = Map<string, LineFacts>;

/** The facts of a non-blank line: from the document's table, the shared cache, or computed now. */
export function factsOf(text: string, own: DocumentFacts): LineFacts {
  if (text.length > SHARED_MAX_CHARS) {
    let facts = own.get(text);
    if (facts === undefined) {
      facts = measured(text);
      own.set(text, facts);
    }
    return facts;
  }
  let facts = young.get(text);
  if (facts !== undefined) return facts;
  facts = old.get(text);
  if (facts === undefined) facts = measured(text);
  if (young.size >= LINE_CACHE_ENTRIES) {
    old = young;
    young = new Map();
  }
  // A line split from a document is a slice that keeps the whole document alive: store a copy.
  young.set(text.length < 13 ? text : (text + " ").slice(0, -1), facts);
  return facts;
}

function measured(text: string): LineFacts {
  const { features, letters } = measureLine(text);
  return { local: features, letters, stop: 0 };
}

/** Stopwords among the line's words, for the document's list. */
export function stopwordsOf(facts: LineFacts, list: ReadonlySet<string>): number {
  if (facts.stopList !== list) {
    facts.stop = countStopwords(facts.local.tokens, list);
    facts.stopList = list;
  }
  return facts.stop;
}

/** chromeReason(text, f), which reads only the line's text and its local features. */
export function chromeOf(facts: LineFacts, text: string): string | undefined {
  if (facts.chrome === undefined) facts.chrome = chromeReason(text, facts.local) ?? null;
  return facts.chrome ?? undefined;
}

/** commentEvidence(text, f), which reads only the line's text and its local features. */
export function commentOf(facts: LineFacts, text: string): CommentEvidence {
  if (facts.comment === undefined) facts.comment = commentEvidence(text, facts.local) ?? null;
  return facts.comment ?? undefined;
}

/** duplicateKey(text). */
export function dupKeyOf(facts: LineFacts, text: string): string {
  facts.dupKey ??= duplicateKey(text);
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
