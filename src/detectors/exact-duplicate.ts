import { astralProps, codePoint, LETTER, MARK, NUMBER, pairAt, unitProps } from "../pipeline/char-props.js";
import type { DetectorMeta } from "./types.js";

/**
 * Paragraphs repeated inside one document. Two lines are the same paragraph when they agree after
 * Unicode normalisation, lower-casing, and dropping everything but letters and digits. The first copy
 * that survives the other detectors is kept (so a title that first appears in the chrome above the
 * article survives as its second copy, the one above the article).
 */
export const meta: DetectorMeta = {
  id: "exact-duplicate",
  description: "A paragraph that repeats an earlier kept paragraph of the same document, ignoring case, spacing and punctuation.",
  languages: "any",
  reasons: { "repeated-paragraph": "same text as an earlier kept line (ref = its line number)" },
};

// Everything but letters, marks and digits goes, spaces included: CJK text carries no spaces, so a copy
// that lost its punctuation must not differ from the original by the spaces punctuation left behind.
// That is text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ""), done as one pass of
// table lookups (char-props.ts): the regular expression was three quarters of the key's cost.
const KEEP = LETTER | MARK | NUMBER;
let kept = new Uint16Array(1024);
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/** The comparison key of a line: "" for lines of punctuation only, which are never duplicates. */
export function duplicateKey(text: string): string {
  // NFC only matters outside ASCII, and normalising every line cost an eighth of the cleaning time.
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) { ascii = false; break; }
  const t = (ascii ? text : text.normalize("NFC")).toLowerCase();
  const n = t.length;
  if (kept.length < n) kept = new Uint16Array(Math.max(n, 2 * kept.length));
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 ? c <= 0x7a : c >= 0x30 && c <= 0x39) kept[k++] = c; // a-z 0-9 (upper case is gone)
    } else if (pairAt(t, i, n, c)) {
      const lo = t.charCodeAt(++i);
      if (astralProps(codePoint(c, lo)) & KEEP) { kept[k++] = c; kept[k++] = lo; }
    } else if (unitProps(c) & KEEP) kept[k++] = c;
  }
  // Every unit kept: the line was its own key. Otherwise only pairs and units of letters, marks or
  // digits were copied, never a lone surrogate, so decoding the copy gives back exactly those units.
  return k === n ? t : k === 0 ? "" : UTF16.decode(kept.subarray(0, k));
}
