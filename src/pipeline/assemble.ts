import type { LineDecision } from "./types.js";

/**
 * Writes the kept lines back as text. A kept line is written as it came, trailing white space aside.
 * Between two kept lines goes the first run of blank lines that stood between them in the input, so a
 * document with blank lines between paragraphs keeps them and one with single newlines keeps those.
 * Returns "" when nothing is kept, else text ending in one newline.
 */
export function assemble(lines: readonly LineDecision[]): string {
  let out = "";
  let started = false;
  let gap = 0; // blank lines in the first blank run since the last kept line
  let inGap = false;
  let gapClosed = false;
  for (const line of lines) {
    if (line.blank) {
      if (started && !gapClosed) { gap++; inGap = true; }
      continue;
    }
    if (inGap) gapClosed = true;
    if (!line.keep) continue;
    if (started) out += "\n".repeat(gap);
    out += line.text.trimEnd() + "\n";
    started = true;
    gap = 0; inGap = false; gapClosed = false;
  }
  return out;
}
