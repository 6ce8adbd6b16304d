import type { DetectorMeta } from "./types.js";

/**
 * Paragraphs repeated inside one document. Two lines are the same paragraph when they agree after
 * Unicode normalisation, lower-casing, and dropping punctuation, symbols and spacing. The first copy
 * that survives the other detectors is kept (so a title that first appears in the chrome above the
 * article survives as its second copy, the one above the article).
 */
export const meta: DetectorMeta = {
  id: "exact-duplicate",
  description: "A paragraph that repeats an earlier kept paragraph of the same document, ignoring case, spacing and punctuation.",
  languages: "any",
  reasons: { "repeated-paragraph": "same text as an earlier kept line (ref = its line number)" },
};

const NOISE = /[\p{P}\p{S}\s]+/gu;

/** The comparison key of a line: "" for lines of punctuation only, which are never duplicates. */
export function duplicateKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(NOISE, " ").trim();
}
