import { franc } from "franc-min";
import { assemble } from "./assemble.js";
import { segment } from "./segment.js";
import type { CleanOptions, CleanedDocument, LineDecision } from "./types.js";

// PLACEHOLDER until the detectors land: exact repeated lines only.
export function cleanDocument(text: string, options: CleanOptions = {}): CleanedDocument {
  const lines = segment(text);
  const lang = options.lang ?? franc(text.slice(0, 2048));
  const seen = new Map<string, number>();
  const decisions: LineDecision[] = lines.map((line) => {
    if (line.blank) return { ...line, keep: true };
    const key = line.text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, " ").trim();
    const first = seen.get(key);
    if (first !== undefined && key) {
      return { ...line, keep: false, removal: { detector: "exact-duplicate", reason: "repeated-paragraph", ref: first } };
    }
    seen.set(key, line.number);
    return { ...line, keep: true };
  });
  return { lang, lines: decisions };
}

export function cleanText(text: string, options: CleanOptions = {}): string {
  return assemble(cleanDocument(text, options).lines);
}
