import { isSpace, LETTER, MARK, NO_SPACE, NUMBER, PAIR, propsAt } from "./char-props.js";

/**
 * Block features of one line, computed once and shared by every detector. Pure and allocation-light:
 * every regular expression is compiled once at module load, and Intl.Segmenter runs only on lines in
 * scripts written without spaces.
 */

export interface LineFeatures {
  /** Trimmed length in UTF-16 code units. */
  readonly chars: number;
  /** Length weighted for information: a Han/kana/Hangul/Thai character counts WIDE_CHAR_WEIGHT times. */
  readonly weight: number;
  readonly words: number;
  /** Words found in the document language's stopword list. */
  readonly stopwords: number;
  /** stopwords / words, 0 for a line without words. */
  readonly stopDensity: number;
  /** Ends like a sentence: . ! ? … 。 ！ ？ ؟ ۔ । possibly followed by closing quotes or brackets. */
  readonly terminal: boolean;
  readonly digitShare: number;
  readonly upperShare: number;
  /** Share of characters that are neither letters, digits, marks nor spaces. */
  readonly symbolShare: number;
  /** Separator tokens standing alone between words: | » › / • · > ‹ « ← → */
  readonly separators: number;
  readonly urls: number;
  readonly emails: number;
  readonly handles: number;
  /** HTML or XML tags left in the text ("<div class=…>", "</p>"): markup, not prose. */
  readonly tags: number;
  /** Starts with a list bullet or a list number ("•", "*", "-", "·", "1.", "2)"). */
  readonly bullet: boolean;
  /** Ends with "..." or "…", the mark of a truncated teaser. */
  readonly truncated: boolean;
  /** 0 at the first line of the document, 1 at the last. */
  readonly position: number;
  /** Lower-cased words, kept for the duplicate detectors. */
  readonly tokens: readonly string[];
}

/** CJK characters carry about three times the information of a Latin letter (UTF-16 length of equal texts). */
export const WIDE_CHAR_WEIGHT = 3;
/** Intl.Segmenter slows down sharply on long strings; the scorer segments in chunks of this size too. */
export const SEGMENT_CHUNK = 2000;

const SEPARATOR = /(?:^|\s)(?:\||»|›|\/|•|·|>|<|«|‹|←|→|–)(?=\s|$)/gu;
/** A web address, as the `urls` feature counts them (global: reset before use, or use with replace). */
export const URL_TOKEN = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;
const HANDLE = /(?:^|\s)@[\p{L}\p{N}_]{2,}/gu;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/giu;
const BULLET = /^\s*(?:[•*·▪◦●■►▸‣⁃○◆□☆★◇▫➤▶✓✔→-]|\d{1,2}[.)]\s)\s*/u;

/**
 * Sentence ends (`terminal`) and truncation marks are found by reading the line backwards from its end,
 * not by regular expressions anchored at the end, which scan the whole line to get there (3 times
 * slower on the 141k distinct lines of the bench slice and the dev set). The expressions they stand for
 * (test/pipeline/char-props.test.ts compares them):
 *   terminal   /[.!?…。！？؟۔।:;][\s"'“”«»‘’)\]）」』】]*$/u
 *   truncated  /(?:\.\.\.|…)\s*[\])]?$/u
 */
const TERMINAL_MARK = 1, CLOSING = 2;
const MARKS = new Uint8Array(0x10000);
for (const c of ".!?…。！？؟۔।:;") MARKS[c.charCodeAt(0)]! |= TERMINAL_MARK;
for (const c of "\"'“”«»‘’)]）」』】") MARKS[c.charCodeAt(0)]! |= CLOSING;

/** Ends like a sentence: a terminal mark, then only closing quotes, brackets and white space. */
export function endsSentence(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && (MARKS[t.charCodeAt(i)]! & CLOSING || isSpace(t.charCodeAt(i)))) i--;
  // The two sets share no character: the one before the closing run must be the mark.
  return i >= 0 && (MARKS[t.charCodeAt(i)]! & TERMINAL_MARK) !== 0;
}

/** Ends with "..." or "…", then white space and one closing bracket at the most. */
export function endsTruncated(t: string): boolean {
  let i = t.length - 1;
  if (i >= 0 && (t.charCodeAt(i) === 0x5d /* ] */ || t.charCodeAt(i) === 0x29 /* ) */)) i--;
  while (i >= 0 && isSpace(t.charCodeAt(i))) i--;
  if (i < 0) return false;
  if (t.charCodeAt(i) === 0x2026 /* … */) return true;
  return i >= 2 && t.charCodeAt(i) === 0x2e && t.charCodeAt(i - 1) === 0x2e && t.charCodeAt(i - 2) === 0x2e;
}

/**
 * A sentence followed by an image the dump renders as its bracketed file name ("…till fragrant.[DSC_0511-scaled]",
 * "…wok.⁣[IMG_2475]"): the line ends like a sentence all the same. The name has no spaces and holds a
 * digit, "_" or "-" (a file name, not a link label such as "[Accueil]"); a letter stands before the
 * stop, so "1. [Politique]" and "… [les-43-foi]" do not count.
 */
const STOP_BEFORE_IMAGE = /\p{L}([.!?。！？])\p{Cf}{0,4}\[[^\]\s]{0,40}[\d_-][^\]\s]{0,40}\]$/u;

/** The stop before a trailing image placeholder of a trimmed line, if there is one (read from the last "["). */
export function stopBeforeImage(t: string): string | undefined {
  if (t.charCodeAt(t.length - 1) !== 0x5d /* ] */) return undefined;
  const open = t.lastIndexOf("[");
  if (open < 2) return undefined;
  // Two UTF-16 units for the letter (an astral one), one for the stop, up to four format characters.
  return STOP_BEFORE_IMAGE.exec(t.slice(Math.max(0, open - 7)))?.[1];
}

/**
 * Character classes for the share features, one table lookup per UTF-16 unit: per-line regular
 * expressions (one pass each for digits, capitals, letters, symbols, wide characters) were the largest
 * single cost of cleaning. Classes are computed once per code unit on first sight.
 */
const enum Cls { Unknown = 0, Letter, Upper, Digit, Space, Symbol, Wide }
const CLASS = new Uint8Array(0x10000);
const WIDE_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
function classOf(code: number): Cls {
  let c = CLASS[code]!;
  if (c !== Cls.Unknown) return c;
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) c = Cls.Letter; // a surrogate half: astral letters, emoji; rare enough
  else if (WIDE_RE.test(ch)) c = Cls.Wide;
  else if (/\p{Lu}/u.test(ch)) c = Cls.Upper;
  else if (/\p{L}/u.test(ch)) c = Cls.Letter;
  else if (/\p{Nd}/u.test(ch)) c = Cls.Digit;
  else if (/[\p{M}\p{N}\s]/u.test(ch)) c = Cls.Space;
  else c = Cls.Symbol;
  CLASS[code] = c;
  return c;
}

interface Shares { letters: number; upper: number; digits: number; symbols: number; wide: number }
/** Counts of letters (wide ones included), capitals, digits, symbols and wide characters in one pass. */
export function charShares(t: string): Shares {
  let letters = 0, upper = 0, digits = 0, symbols = 0, wide = 0;
  for (let i = 0; i < t.length; i++) {
    switch (classOf(t.charCodeAt(i))) {
      case Cls.Letter: letters++; break;
      case Cls.Upper: letters++; upper++; break;
      case Cls.Digit: digits++; break;
      case Cls.Symbol: symbols++; break;
      case Cls.Wide: letters++; wide++; break;
      default: break;
    }
  }
  return { letters, upper, digits, symbols, wide };
}

let segmenter: Intl.Segmenter | undefined;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/**
 * Lower-cased words of a line: runs of [\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]* for spaced scripts,
 * Intl.Segmenter (in chunks) for lines holding a character of a script written without spaces. One
 * pass of table lookups (char-props.ts) finds both; it was two regular-expression passes (the script
 * test, then the word match), a third of the cost of measuring a line.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const n = lower.length;
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < n;) {
    const at = i;
    const c = lower.charCodeAt(at);
    const p = propsAt(lower, at, n, c);
    i += p & PAIR ? 2 : 1;
    if (p & NO_SPACE) return segmented(lower);
    if (start < 0) {
      if (p & (LETTER | NUMBER)) start = at;
    } else if (!(p & (LETTER | MARK | NUMBER)) && c !== 0x27 /* ' */ && c !== 0x2019 /* ’ */ && c !== 0x2d /* - */) {
      // Neither a letter nor a number: it cannot start the next word either.
      out.push(lower.slice(start, at));
      start = -1;
    }
  }
  if (start >= 0) out.push(start === 0 ? lower : lower.slice(start));
  return out;
}

function segmented(lower: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  const out: string[] = [];
  for (let i = 0; i < lower.length; i += SEGMENT_CHUNK) {
    for (const w of segmenter.segment(lower.slice(i, i + SEGMENT_CHUNK))) if (w.isWordLike) out.push(w.segment);
  }
  return out;
}

/** The features of a line that depend on its text alone (all but stopwords and position): what the line cache keeps. */
export type LocalFeatures = Omit<LineFeatures, "stopwords" | "stopDensity" | "position">;

export function localFeatures(text: string): LocalFeatures {
  return measureLine(text).features;
}

/** Local features, and the line's letter count (language detection ranks lines by it). */
export function measureLine(text: string): { features: LocalFeatures; letters: number } {
  const t = text.trim();
  const chars = t.length;
  const tokens = tokenize(t);
  const { letters, upper, digits, symbols, wide } = charShares(t);
  const features: LocalFeatures = {
    chars,
    weight: chars + (WIDE_CHAR_WEIGHT - 1) * wide,
    words: tokens.length,
    terminal: endsSentence(t) || stopBeforeImage(t) !== undefined,
    digitShare: chars ? digits / chars : 0,
    upperShare: letters ? upper / letters : 0,
    symbolShare: chars ? symbols / chars : 0,
    separators: countMatches(SEPARATOR, t),
    // Cheap guards first: most lines have no "/", "@" at all.
    urls: t.includes("http") || t.includes("www.") ? countMatches(URL_TOKEN, t) : 0,
    emails: t.includes("@") ? countMatches(EMAIL, t) : 0,
    handles: t.includes("@") ? countMatches(HANDLE, t) : 0,
    tags: t.includes("<") ? countMatches(TAG, t) : 0,
    bullet: BULLET.test(t),
    truncated: endsTruncated(t),
    tokens,
  };
  return { features, letters };
}

/** Words of `tokens` found in a stopword list. */
export function countStopwords(tokens: readonly string[], stopwords: ReadonlySet<string>): number {
  let stop = 0;
  for (const w of tokens) if (stopwords.has(w)) stop++;
  return stop;
}

/** Completes a line's local features with its stopword count and its position in the document. */
export function inDocument(f: LocalFeatures, stop: number, index: number, total: number): LineFeatures {
  // A literal with every field, not a spread: one object shape for all lines, and no per-key copying.
  return {
    chars: f.chars, weight: f.weight, words: f.words,
    stopwords: stop, stopDensity: f.words ? stop / f.words : 0,
    terminal: f.terminal, digitShare: f.digitShare, upperShare: f.upperShare, symbolShare: f.symbolShare,
    separators: f.separators, urls: f.urls, emails: f.emails, handles: f.handles, tags: f.tags,
    bullet: f.bullet, truncated: f.truncated,
    position: total > 1 ? index / (total - 1) : 0,
    tokens: f.tokens,
  };
}

export function lineFeatures(text: string, index: number, total: number, stopwords: ReadonlySet<string>): LineFeatures {
  const f = localFeatures(text);
  return inDocument(f, countStopwords(f.tokens, stopwords), index, total);
}
