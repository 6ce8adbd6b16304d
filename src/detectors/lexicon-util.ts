/**
 * Helpers to build the multilingual lexicons once, at module load. Phrases are matched case-insensitively
 * on the trimmed line; apostrophes are normalised first so "S'abonner" and "S’abonner" are one phrase.
 */

/** Leading decoration a dump leaves before a menu item: bullets, arrows, pipes, brackets. */
export const LEAD = String.raw`^[\s•*·▪◦●■►▸‣|>»›<«‹\-–—#:()\[\]]*`;
/** Trailing decoration: punctuation, arrows, counts in brackets. */
export const TAIL = String.raw`[\s:：.!?…»›>|()\[\]\-–—*\d]*$`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Phrases may contain a space, matched as any run of white space; regex syntax is not interpreted. */
export function alternation(phrases: readonly string[]): string {
  return phrases.map((p) => escape(p).replace(/ /g, String.raw`\s+`)).join("|");
}

/** The whole line is one of the phrases, give or take decoration. */
export function wholeLine(phrases: readonly string[]): RegExp {
  return new RegExp(`${LEAD}(?:${alternation(phrases)})${TAIL}`, "iu");
}

/** The line starts with one of the phrases (the rest may be glued on, as dumps do with link text). */
export function lineStart(phrases: readonly string[]): RegExp {
  return new RegExp(`${LEAD}(?:${alternation(phrases)})`, "iu");
}

/** One of the phrases occurs anywhere in the line. */
export function anywhere(phrases: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(phrases)})`, "iu");
}

const APOSTROPHES = /[’‘ʼ`´]/g;
export function normalizeForLexicon(text: string): string {
  return text.trim().replace(APOSTROPHES, "'");
}
