/**
 * The key under which lines are compared across documents: case, digits, punctuation, symbols and
 * spacing folded, so that "Posted 3 May 2024 | 12 comments" and "posted 17 may 2025 · 4 comments"
 * count as one template line (the bench templates redraw their digits on every page, and so do real
 * sites: dates, counters, copyright years).
 */
const DIGITS = /\p{Nd}+/gu;
// Punctuation, symbols, separators and format characters (zero-width joiners, BOM) all fold to a space.
const NON_TEXT = /[\p{P}\p{S}\p{Z}\p{Cf}\s]+/gu;
const SPACES = /\s+/gu;

export function normalizeLine(line: string): string {
  const folded = line.toLowerCase().replace(DIGITS, "0").replace(NON_TEXT, " ").trim();
  // A line of only punctuation ("* * *", "|") keeps its own shape, so that it is still a key.
  return folded || line.replace(SPACES, " ").trim();
}
