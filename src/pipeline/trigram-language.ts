import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";

/**
 * franc-min's answer (`franc(value)`, default options), computed faster. franc scores a sample against
 * every language model of its script one model at a time: for each of the sample's ~600 distinct
 * trigrams and each of ~44 Latin-script models, a property lookup on a 300-key object. That was a fifth
 * of all cleaning time. Here each trigram is looked up once, in one table listing the models that hold
 * it and at which rank; a model that lacks it costs MAX_DIFFERENCE, added up front.
 *
 * Same models, same cleaning of the sample, same integer distances, same tie-breaking (the first
 * language in franc's model order wins), so the same answer: test/pipeline/trigram-language.test.ts
 * compares the two on generated and real-world samples.
 */

/** franc-min's constants (index.js): samples are cut at MAX_LENGTH, shorter than MIN_LENGTH is `und`. */
const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
/** franc's penalty for a trigram that a language model does not hold. */
const MAX_DIFFERENCE = 300;

/**
 * The models of one script as an open-addressing hash table in typed arrays: trigram key → a run of
 * (language index, rank) pairs in `postings`. Typed arrays, not a Map of small arrays: this table is
 * live in every worker thread all run long, and V8 sizes a heap at a multiple of what is live.
 */
interface ScriptModels {
  readonly languages: readonly string[];
  /** Slot → trigram key (see trigramKey), -1 when empty. Capacity is a power of two. */
  readonly keys: Float64Array;
  /** Slot → start and end of its pairs in `postings`. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly postings: Int32Array;
}

/** Three UTF-16 units as one number (48 bits, exact in a double): no string per trigram. */
function trigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 0x100000000 + s.charCodeAt(i + 1) * 0x10000 + s.charCodeAt(i + 2);
}

/**
 * Hash of a trigram from its first unit and its last two (the key's high 16 and low 32 bits), in
 * integer arithmetic: taking them apart from the key with % and / on doubles was most of the cost of
 * a detection.
 */
function trigramHash(first: number, lastTwo: number): number {
  return Math.imul(lastTwo ^ Math.imul(first, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** The slot of `key` (whose trigramHash is `hash`), or of the empty slot where it would go. */
function slotOf(m: Pick<ScriptModels, "keys">, key: number, hash: number): number {
  const mask = m.keys.length - 1;
  let i = hash & mask;
  while (m.keys[i] !== key && m.keys[i] !== -1) i = (i + 1) & mask;
  return i;
}

const MODELS = new Map<string, ScriptModels>();
for (const script of Object.keys(data)) {
  const models = data[script]!;
  const languages = Object.keys(models);
  const lists = new Map<number, number[]>();
  languages.forEach((lang, li) => {
    const model = models[lang]!.split("|");
    // franc builds { trigram: rank } walking the model from the end, so a trigram listed twice keeps
    // its first rank; the same here.
    const rank = new Map<number, number>();
    for (let r = model.length - 1; r >= 0; r--) if (model[r]!.length === 3) rank.set(trigramKey(model[r]!, 0), r);
    for (const [tri, r] of rank) {
      const list = lists.get(tri);
      if (list) list.push(li, r); else lists.set(tri, [li, r]);
    }
  });
  let capacity = 1;
  while (capacity < 2 * lists.size) capacity *= 2;
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const m: ScriptModels = {
    languages, keys: new Float64Array(capacity).fill(-1), start: new Int32Array(capacity), end: new Int32Array(capacity),
    postings: new Int32Array(total),
  };
  let at = 0;
  for (const [tri, list] of lists) {
    const slot = slotOf(m, tri, trigramHash(Math.floor(tri / 0x100000000), tri % 0x100000000));
    m.keys[slot] = tri;
    m.start[slot] = at;
    m.postings.set(list, at);
    at += list.length;
    m.end[slot] = at;
  }
  MODELS.set(script, m);
}

const SCRIPTS = Object.entries(expressions);

/**
 * franc's getTopScript counts `value.match(expression).length` for each script: one regular-expression
 * pass per script (19 of them) over the sample. Each of franc-min's expressions is an alternation of
 * classes of single BMP units without surrogates, and of surrogate pairs (a high surrogate or a class
 * of them, then a low surrogate or a class of them): every match is one code point. So the count is
 * the number of code points of `value` the expression matches on its own, and one pass over the code
 * points with a table of script bits per code point gives every count at once. (A surrogate that is
 * not part of a pair can match no alternative.) The shape is checked here when the module loads; should
 * a franc-min release break it, the regular-expression passes are used.
 */
const UNIT_CLASS = /^\[(?!\^)(?:[^\]\\\uD800-\uDFFF]|\\u[0-9A-F]{4})+\]$/i;
const HIGH = String.raw`(?:\\uD[89AB][0-9A-F]{2}|\[(?:\\uD[89AB][0-9A-F]{2}-?)+\])`;
const LOW = String.raw`(?:\\uD[C-F][0-9A-F]{2}|\[(?:\\uD[C-F][0-9A-F]{2}-?)+\])`;
const PAIR = new RegExp(`^${HIGH}${LOW}$`, "i");
let SURROGATES = "";
for (let c = 0xd800; c <= 0xdfff; c++) SURROGATES += String.fromCharCode(c);
/** Whether every match of `re` is one code point: a unit class that holds no surrogate, or a surrogate pair. */
function matchesCodePoints(re: RegExp): boolean {
  if (re.unicode || re.ignoreCase || re.multiline || re.dotAll) return false;
  const alternatives = re.source.split("|");
  const units = alternatives.filter((alt) => UNIT_CLASS.test(alt));
  return alternatives.every((alt) => UNIT_CLASS.test(alt) || PAIR.test(alt)) && !new RegExp(units.join("|")).test(SURROGATES);
}
const SCRIPT_BITS = SCRIPTS.length <= 30 && SCRIPTS.every(([, re]) => matchesCodePoints(re));
/** Each script's expression, matching one whole code point. */
const WHOLE = SCRIPTS.map(([, re]) => new RegExp(`^(?:${re.source})$`));
/** Bit 30: computed. Bits 0-29: the scripts (SCRIPTS order) matching the code unit. */
const KNOWN = 1 << 30;
const UNIT_SCRIPTS = new Int32Array(0x10000);
const PAIR_SCRIPTS = new Map<number, number>();
const scriptCounts = new Int32Array(SCRIPTS.length);

function scriptsOf(ch: string): number {
  let bits = KNOWN;
  for (let s = 0; s < WHOLE.length; s++) if (WHOLE[s]!.test(ch)) bits |= 1 << s;
  return bits;
}

/** The script with the highest share of characters in `value` (franc's getTopScript). */
function topScript(value: string): [string | undefined, number] {
  if (!SCRIPT_BITS) return topScriptByRegex(value);
  scriptCounts.fill(0);
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    let bits: number;
    if ((c & 0xf800) !== 0xd800) {
      bits = UNIT_SCRIPTS[c]!;
      if (bits === 0) UNIT_SCRIPTS[c] = bits = scriptsOf(value[i]!);
    } else if (c <= 0xdbff && i + 1 < n && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const pair = c * 0x10000 + value.charCodeAt(i + 1);
      bits = PAIR_SCRIPTS.get(pair) ?? 0;
      if (bits === 0) PAIR_SCRIPTS.set(pair, bits = scriptsOf(value.slice(i, i + 2)));
      i++;
    } else continue;
    bits &= ~KNOWN;
    while (bits !== 0) {
      scriptCounts[31 - Math.clz32(bits & -bits)]!++;
      bits &= bits - 1;
    }
  }
  let top: string | undefined;
  let topCount = -1;
  for (let s = 0; s < SCRIPTS.length; s++) {
    const count = scriptCounts[s]! / n || 0;
    if (count > topCount) { topCount = count; top = SCRIPTS[s]![0]; }
  }
  return [top, topCount];
}

function topScriptByRegex(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topCount = -1;
  for (const [script, re] of SCRIPTS) {
    const m = value.match(re);
    const count = (m ? m.length : 0) / value.length || 0;
    if (count > topCount) { topCount = count; top = script; }
  }
  return [top, topCount];
}

/** trigram-utils' clean(): ASCII punctuation, symbols and digits become spaces, white space collapses. */
const PUNCTUATION = /[\u0021-\u0040]+/g;
const WHITE = /\s+/g;

/**
 * The padded sample's distinct trigrams and their counts (trigram-utils' asDictionary), in an
 * open-addressing table of typed arrays reused from call to call: a Map keyed by 48-bit numbers boxed
 * every key, and counting was a third of the cost of a detection.
 */
let sampleKeys = new Float64Array(4096).fill(-1);
let sampleCounts = new Int32Array(4096);
/** Slot → trigramHash of its key. */
let sampleHashes = new Int32Array(4096);
/** Slots in use, in order of first occurrence; `distinct` of them. */
let used = new Int32Array(2048);
let distinct = 0;

function trigramCounts(value: string): void {
  const s = " " + value.replace(PUNCTUATION, " ").replace(WHITE, " ").trim().toLowerCase() + " ";
  // Load factor at most one half.
  if (sampleKeys.length < 2 * s.length) {
    let capacity = sampleKeys.length;
    while (capacity < 2 * s.length) capacity *= 2;
    sampleKeys = new Float64Array(capacity).fill(-1);
    sampleCounts = new Int32Array(capacity);
    sampleHashes = new Int32Array(capacity);
    used = new Int32Array(capacity / 2);
  } else {
    for (let k = 0; k < distinct; k++) sampleKeys[used[k]!] = -1;
  }
  distinct = 0;
  const keys = sampleKeys;
  const mask = keys.length - 1;
  let b = s.charCodeAt(0), c = s.charCodeAt(1);
  for (let i = 2; i < s.length; i++) {
    const a = b;
    b = c;
    c = s.charCodeAt(i);
    const key = a * 0x100000000 + b * 0x10000 + c; // trigramKey(s, i - 2)
    const hash = trigramHash(a, b * 0x10000 + c);
    let slot = hash & mask;
    while (keys[slot] !== key && keys[slot] !== -1) slot = (slot + 1) & mask;
    if (keys[slot] === key) sampleCounts[slot]!++;
    else {
      keys[slot] = key;
      sampleCounts[slot] = 1;
      sampleHashes[slot] = hash;
      used[distinct++] = slot;
    }
  }
}

/** The most probable language of `value` as ISO 639-3, or `und`: exactly what franc-min's `franc(value)` returns. */
export function detectTrigramLanguage(value: string): string {
  if (!value || value.length < MIN_LENGTH) return "und";
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const models = script === undefined ? undefined : MODELS.get(script);
  if (!models) return !script || share === 0 ? "und" : script;
  trigramCounts(value);
  const { languages, keys, start, end, postings } = models;
  // franc: distance = Σ over the sample's trigrams of |count - rank - 1|, or MAX_DIFFERENCE when the
  // model lacks the trigram. Integers throughout, so the order of summing does not matter.
  const distance = new Int32Array(languages.length).fill(MAX_DIFFERENCE * distinct);
  for (let u = 0; u < distinct; u++) {
    const at = used[u]!;
    const slot = slotOf(models, sampleKeys[at]!, sampleHashes[at]!);
    if (keys[slot] === -1) continue;
    const count = sampleCounts[at]!;
    for (let k = start[slot]!, last = end[slot]!; k < last; k += 2) {
      const d = count - postings[k + 1]! - 1;
      distance[postings[k]!]! += (d < 0 ? -d : d) - MAX_DIFFERENCE;
    }
  }
  // franc sorts stably by distance and takes the first: the smallest, earliest in model order.
  let best = 0;
  for (let l = 1; l < distance.length; l++) if (distance[l]! < distance[best]!) best = l;
  return languages[best]!;
}
