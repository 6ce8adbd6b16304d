import { createRequire } from "node:module";
import { LETTER, PAIR, propsAt } from "./char-props.js";
import { charShares } from "./features.js";
import { detectTrigramLanguage } from "./trigram-language.js";

/**
 * Document language and stopword lists. franc reports ISO 639-3; stopwords-iso is keyed by ISO 639-1,
 * so this module holds the one mapping between them.
 */

/**
 * franc-min is reliable from a few hundred characters on and its cost grows with the sample. 1024 vs
 * 2048, measured on the same data in one session: 10 MB of the bench corpus 6.2 s -> 5.4 s with
 * byte-identical output; dev set F1 86.16 -> 86.21, lost 14 -> 13 (zh 87.3 -> 89.5).
 */
export const LANG_SAMPLE_CHARS = 1024;

/** ISO 639-3 (as franc reports it, including macro-language members) → ISO 639-1 for stopwords-iso. */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  eng: "en", fra: "fr", deu: "de", spa: "es", por: "pt", ita: "it", nld: "nl", pol: "pl", ces: "cs",
  slk: "sk", hun: "hu", ron: "ro", swe: "sv", nob: "no", nno: "no", dan: "da", fin: "fi", est: "et",
  lav: "lv", lit: "lt", slv: "sl", hrv: "hr", bos: "hr", srp: "hr", tur: "tr", ind: "id", zlm: "ms",
  msa: "ms", vie: "vi", tgl: "tl", swh: "sw", hau: "ha", yor: "yo", zul: "zu", som: "so", afr: "af",
  rus: "ru", ukr: "uk", bul: "bg", bel: "ru", arb: "ar", ara: "ar", pes: "fa", fas: "fa", urd: "ur",
  hin: "hi", mar: "mr", ben: "bn", guj: "gu", heb: "he", ell: "el", cmn: "zh", zho: "zh", jpn: "ja",
  kor: "ko", tha: "th", cat: "ca", glg: "gl", eus: "eu", hye: "hy", kmr: "ku", ckb: "ku", lat: "la",
  epo: "eo", gle: "ga", sot: "st", bre: "br",
};

const require = createRequire(import.meta.url);
const STOPWORDS = require("stopwords-iso") as Record<string, string[]>;
const stopSets = new Map<string, ReadonlySet<string>>();

/** ISO 639-1 code for a franc code or a code the caller forced (either form), else undefined. */
export function toIso1(code: string): string | undefined {
  const c = code.toLowerCase();
  if (c.length === 2) return c;
  return ISO3_TO_1[c];
}

/** The stopword set of a language (lower-case), empty when stopwords-iso has none for it. */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  const iso1 = toIso1(lang) ?? "";
  let set = stopSets.get(iso1);
  if (!set) {
    set = new Set((STOPWORDS[iso1] ?? []).map((w) => w.toLowerCase()));
    stopSets.set(iso1, set);
  }
  return set;
}

function letterCount(s: string): number {
  return charShares(s).letters;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Detects the language of a document from its longest lines: dumps open with menus in whatever language
 * the site's template uses, while the article is where the long lines are. Up to LANG_SAMPLE_CHARS are fed.
 */
export function detectLanguage(lines: readonly string[]): string {
  return detectLanguageRanked(lines, lines.map(letterCount));
}

/** detectLanguage, given the letter count of each line (the cleaner has them from its line cache). */
export function detectLanguageRanked(lines: readonly string[], letters: readonly number[]): string {
  // Rank by letters, not length: horizontal rules ("━━━…") are among the longest lines of a dump.
  const order: number[] = [];
  for (let i = 0; i < lines.length; i++) if (letters[i]! > 0) order.push(i);
  order.sort((a, b) => letters[b]! - letters[a]! || a - b);
  let sample = "";
  for (const i of order) {
    if (sample.length >= LANG_SAMPLE_CHARS) break;
    sample += (lines[i] ?? "").trim() + "\n";
  }
  sample = sample.slice(0, LANG_SAMPLE_CHARS);
  const lang = detectTrigramLanguage(sample);
  if (lang !== "und") return confirmByStopwords(lang, lines);
  // franc-min leaves short CJK samples undetermined; the script alone tells zh from ja well enough.
  if (KANA.test(sample)) return "jpn";
  if (HAN.test(sample)) return "cmn";
  return "und";
}

/**
 * Languages written in the Latin, Cyrillic or Arabic script whose stopword lists can overrule franc. Close
 * neighbours (sv/da/no, hr/cs) share too many stopwords to tell apart this way, so the bar is high.
 */
const STOPWORD_CANDIDATES: readonly string[] = [
  "eng", "deu", "fra", "spa", "ita", "por", "nld", "pol", "swe", "dan", "nob", "fin", "hrv", "ces", "tur", "ind",
  "hun", "rus", "ukr", "bul", "arb",
];

/** Lines shorter than this many words carry too little stopword evidence to vote (menus, titles). */
const VOTE_MIN_WORDS = 8;

/**
 * Another language overrules franc only when its stopwords cover this many times as much of the
 * document's sentences as the detected language's do. Dev set: a German forum page whose longest lines
 * are an English quote scores en 6.8 / de 25.8 (3.8×); the closest wrong switch would be between
 * related languages (Swedish page: no 59.0 / sv 23.3, 2.5×), which 3× leaves alone.
 */
const VOTE_RATIO = 3;

/** And only with this much evidence: the summed stopword shares of the voting lines (~20 sentences; an
 * Arabic sentence scores ~0.2, its clitics hide stopwords). */
const VOTE_MIN_EVIDENCE = 8;

/**
 * Votes stop after this many lines: VOTE_MIN_EVIDENCE needs ~30 sentences at a typical share of 0.5, and
 * reading every line whole, the vote tripled the time of language detection (2,000 bench pages: 0.45 s ->
 * 1.4 s); 48 lines of at most VOTE_MAX_CHARS: ~0.65 s -> ~1.0 s, same answers on all 2,000 pages.
 */
const VOTE_MAX_LINES = 48;

/** Of a long line the opening is enough to vote (~20 words): the share, not the count, is what counts. */
const VOTE_MAX_CHARS = 120;

/**
 * The words that vote: runs of letters (what /\p{L}+/gu matches), not tokenize's words: digits, paths
 * and file names ("a1b2c3", "wp-config.php") are no evidence of a language. Counted with tokenize, a
 * German dev page under a block of English PHP warnings stayed English.
 *
 * Found with char-props' tables (one lookup per code unit), as [start, end) offsets into the line, so
 * that a line with too few words makes no strings at all: the regular expression cost 4 µs a line
 * (150k lines of 10 MB of the bench corpus: 0.69 s; the vote reads ~65k of them) and was a third of
 * language detection.
 */
let runStart = new Int32Array(64);
let runEnd = new Int32Array(64);

/** Fills runStart/runEnd with the runs of \p{L} code points of s; returns how many. */
function letterRuns(s: string): number {
  const n = s.length;
  if (runStart.length < n) { runStart = new Int32Array(n); runEnd = new Int32Array(n); }
  let count = 0, start = -1;
  for (let i = 0; i < n;) {
    const at = i;
    const p = propsAt(s, at, n, s.charCodeAt(at)); // a lone surrogate has no bits: no letter, as for the regex
    i += p & PAIR ? 2 : 1;
    if (p & LETTER) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      runStart[count] = start; runEnd[count++] = at; start = -1;
    }
  }
  if (start >= 0) { runStart[count] = start; runEnd[count++] = n; }
  return count;
}

/** The runs letterRuns finds, as strings: what `s.match(/\p{L}+/gu) ?? []` returns. */
export function letterWords(s: string): string[] {
  const out: string[] = [];
  for (let r = 0, count = letterRuns(s); r < count; r++) out.push(s.slice(runStart[r]!, runEnd[r]!));
  return out;
}

/**
 * franc judges the longest lines, and a quote in another language can be the longest lines of a page
 * (a German forum post quoting an English manual). Every sentence-sized line votes with the share of
 * its words that are stopwords of each candidate language; a language with VOTE_RATIO times the
 * detected one's votes replaces it.
 */
function confirmByStopwords(lang: string, lines: readonly string[]): string {
  const detected = STOPWORD_CANDIDATES.findIndex((c) => toIso1(c) === toIso1(lang));
  if (detected < 0) return lang;
  const masks = candidateMasks();
  const votes = new Array<number>(STOPWORD_CANDIDATES.length).fill(0);
  const hits = new Array<number>(STOPWORD_CANDIDATES.length);
  let voters = 0;
  for (const line of lines) {
    if (voters >= VOTE_MAX_LINES) break;
    if (line.length < VOTE_MIN_WORDS * 2) continue;
    const lower = (line.length > VOTE_MAX_CHARS ? line.slice(0, VOTE_MAX_CHARS) : line).toLowerCase();
    const words = letterRuns(lower);
    if (words < VOTE_MIN_WORDS) continue;
    voters++;
    hits.fill(0);
    for (let w = 0; w < words; w++) {
      // A word longer than every stopword is none of them: no string for it.
      if (runEnd[w]! - runStart[w]! > masks.longest) continue;
      let m = masks.bits.get(lower.slice(runStart[w]!, runEnd[w]!)) ?? 0;
      while (m !== 0) { const k = 31 - Math.clz32(m); hits[k]!++; m &= ~(1 << k); }
    }
    for (let k = 0; k < hits.length; k++) votes[k]! += hits[k]! / words;
  }
  const mine = votes[detected]!;
  let best = -1;
  for (let k = 0; k < votes.length; k++) if (best < 0 || votes[k]! > votes[best]!) best = k;
  if (votes[best]! < VOTE_MIN_EVIDENCE || votes[best]! < VOTE_RATIO * mine) return lang;
  return best === detected ? lang : STOPWORD_CANDIDATES[best]!;
}

interface CandidateMasks {
  /** Each stopword of the candidates → a bit per candidate language that lists it: one lookup per word. */
  readonly bits: ReadonlyMap<string, number>;
  /** UTF-16 length of the longest of those stopwords. */
  readonly longest: number;
}
let masksCache: CandidateMasks | undefined;

function candidateMasks(): CandidateMasks {
  if (masksCache) return masksCache;
  const bits = new Map<string, number>();
  STOPWORD_CANDIDATES.forEach((c, k) => { for (const w of stopwordsFor(c)) bits.set(w, (bits.get(w) ?? 0) | (1 << k)); });
  let longest = 0;
  for (const w of bits.keys()) longest = Math.max(longest, w.length);
  masksCache = { bits, longest };
  return masksCache;
}
