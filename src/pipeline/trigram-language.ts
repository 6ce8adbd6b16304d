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

function slotHash(key: number, mask: number): number {
  return Math.imul((key % 0x100000000) ^ Math.imul(Math.floor(key / 0x100000000), 0x9e3779b1), 0x85ebca6b) >>> 0 & mask;
}

/** The slot of `key`, or of the empty slot where it would go. */
function slotOf(m: Pick<ScriptModels, "keys">, key: number): number {
  const mask = m.keys.length - 1;
  let i = slotHash(key, mask);
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
    const slot = slotOf(m, tri);
    m.keys[slot] = tri;
    m.start[slot] = at;
    m.postings.set(list, at);
    at += list.length;
    m.end[slot] = at;
  }
  MODELS.set(script, m);
}

const SCRIPTS = Object.entries(expressions);

/** The script with the highest share of characters in `value` (franc's getTopScript). */
function topScript(value: string): [string | undefined, number] {
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

/** Counts of the padded sample's trigrams (trigram-utils' asDictionary). */
function trigramCounts(value: string): Map<number, number> {
  const s = " " + value.replace(PUNCTUATION, " ").replace(WHITE, " ").trim().toLowerCase() + " ";
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= s.length; i++) {
    const t = trigramKey(s, i);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** The most probable language of `value` as ISO 639-3, or `und`: exactly what franc-min's `franc(value)` returns. */
export function detectTrigramLanguage(value: string): string {
  if (!value || value.length < MIN_LENGTH) return "und";
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const models = script === undefined ? undefined : MODELS.get(script);
  if (!models) return !script || share === 0 ? "und" : script;
  const counts = trigramCounts(value);
  const { languages, keys, start, end, postings } = models;
  // franc: distance = Σ over the sample's trigrams of |count - rank - 1|, or MAX_DIFFERENCE when the
  // model lacks the trigram. Integers throughout, so the order of summing does not matter.
  const distance = new Array<number>(languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [tri, count] of counts) {
    const slot = slotOf(models, tri);
    if (keys[slot] === -1) continue;
    for (let k = start[slot]!; k < end[slot]!; k += 2) {
      const d = count - postings[k + 1]! - 1;
      distance[postings[k]!]! += (d < 0 ? -d : d) - MAX_DIFFERENCE;
    }
  }
  // franc sorts stably by distance and takes the first: the smallest, earliest in model order.
  let best = 0;
  for (let l = 1; l < distance.length; l++) if (distance[l]! < distance[best]!) best = l;
  return languages[best]!;
}
