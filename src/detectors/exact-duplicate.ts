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
const ASCII = /^[\x00-\x7f]*$/;
const NOISE = /[^\p{L}\p{M}\p{N}]+/gu;

/** The comparison key of a line: "" for lines of punctuation only, which are never duplicates. */
export function duplicateKey(text: string): string {
  // NFC only matters outside ASCII, and normalising every line cost an eighth of the cleaning time.
  const t = ASCII.test(text) ? text : text.normalize("NFC");
  return t.toLowerCase().replace(NOISE, "");
}
