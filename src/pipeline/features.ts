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

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;
const TERMINAL = /[.!?…。！？؟۔।:;][\s"'“”«»‘’)\]）」』】]*$/u;
const DIGIT = /\p{Nd}/gu;
const UPPER = /\p{Lu}/gu;
const LETTER = /\p{L}/gu;
const SYMBOL = /[^\p{L}\p{M}\p{N}\s]/gu;
const SEPARATOR = /(?:^|\s)(?:\||»|›|\/|•|·|>|<|«|‹|←|→|–)(?=\s|$)/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;
const HANDLE = /(?:^|\s)@[\p{L}\p{N}_]{2,}/gu;
const BULLET = /^\s*(?:[•*·▪◦●■►▸‣⁃○◆-]|\d{1,2}[.)]\s)\s*/u;
const TRUNCATED = /(?:\.\.\.|…)\s*[\])]?$/u;

let segmenter: Intl.Segmenter | undefined;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/** Lower-cased words of a line: a regex for spaced scripts, Intl.Segmenter (in chunks) for the others. */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  if (!NO_SPACE_SCRIPT.test(lower)) return lower.match(WORD) ?? [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  const out: string[] = [];
  for (let i = 0; i < lower.length; i += SEGMENT_CHUNK) {
    for (const w of segmenter.segment(lower.slice(i, i + SEGMENT_CHUNK))) if (w.isWordLike) out.push(w.segment);
  }
  return out;
}

export function lineFeatures(text: string, index: number, total: number, stopwords: ReadonlySet<string>): LineFeatures {
  const t = text.trim();
  const chars = t.length;
  const tokens = tokenize(t);
  let stop = 0;
  for (const w of tokens) if (stopwords.has(w)) stop++;
  const wide = countMatches(WIDE, t);
  const letters = countMatches(LETTER, t);
  return {
    chars,
    weight: chars + (WIDE_CHAR_WEIGHT - 1) * wide,
    words: tokens.length,
    stopwords: stop,
    stopDensity: tokens.length ? stop / tokens.length : 0,
    terminal: TERMINAL.test(t),
    digitShare: chars ? countMatches(DIGIT, t) / chars : 0,
    upperShare: letters ? countMatches(UPPER, t) / letters : 0,
    symbolShare: chars ? countMatches(SYMBOL, t) / chars : 0,
    separators: countMatches(SEPARATOR, t),
    urls: countMatches(URL, t),
    emails: countMatches(EMAIL, t),
    handles: countMatches(HANDLE, t),
    bullet: BULLET.test(t),
    truncated: TRUNCATED.test(t),
    position: total > 1 ? index / (total - 1) : 0,
    tokens,
  };
}
