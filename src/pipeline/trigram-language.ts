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

interface ScriptModels {
  readonly languages: readonly string[];
  /** Trigram (see trigramKey) → pairs (language index, rank in that language's model), flattened. */
  readonly postings: ReadonlyMap<number, Int32Array>;
}

/** Three UTF-16 units as one number (48 bits, exact in a double): no string per trigram. */
function trigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 0x100000000 + s.charCodeAt(i + 1) * 0x10000 + s.charCodeAt(i + 2);
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
  const postings = new Map<number, Int32Array>();
  for (const [tri, list] of lists) postings.set(tri, Int32Array.from(list));
  MODELS.set(script, { languages, postings });
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
  const { languages, postings } = models;
  // franc: distance = Σ over the sample's trigrams of |count - rank - 1|, or MAX_DIFFERENCE when the
  // model lacks the trigram. Integers throughout, so the order of summing does not matter.
  const distance = new Array<number>(languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [tri, count] of counts) {
    const p = postings.get(tri);
    if (!p) continue;
    for (let k = 0; k < p.length; k += 2) {
      const d = count - p[k + 1]! - 1;
      distance[p[k]!]! += (d < 0 ? -d : d) - MAX_DIFFERENCE;
    }
  }
  // franc sorts stably by distance and takes the first: the smallest, earliest in model order.
  let best = 0;
  for (let l = 1; l < distance.length; l++) if (distance[l]! < distance[best]!) best = l;
  return languages[best]!;
}
