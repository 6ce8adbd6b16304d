import { describe, expect, it } from "vitest";
import { DETECTORS } from "../../src/detectors/registry.js";
import { cleanDocument, cleanText } from "../../src/index.js";
import { tokenize } from "../../src/pipeline/features.js";
import { detectLanguage } from "../../src/pipeline/language.js";
import { afterArticle, ARTICLE, LANGS } from "../helpers.js";

const NOISY = [
  "• Home", "• World", "• Sport", "Share on Facebook", "",
  ...ARTICLE.en.flatMap((p) => [p, ""]),
  "Related articles", "Bus fares to rise in the spring", "Leave a Reply",
  "Great news, I use this bus every week and it is always on time, thank you for writing about it.",
  "© 2024 Example Media",
].join("\n");

describe("cleanDocument", () => {
  it("keeps every blank line and names detector and a declared reason for every removal", () => {
    const reasons = new Map(DETECTORS.map((d) => [d.id, Object.keys(d.reasons)]));
    for (const mode of ["precise", "balanced", "recall"] as const) {
      const d = cleanDocument(NOISY, { mode });
      for (const l of d.lines) {
        if (l.blank) expect(l.keep).toBe(true);
        if (!l.keep) {
          expect(reasons.get(l.removal!.detector), l.text).toContain(l.removal!.reason);
        }
      }
    }
  });

  it("keeps the article and removes the chrome and the comment", () => {
    expect(cleanText(NOISY)).toBe(ARTICLE.en.join("\n\n") + "\n");
  });

  it("scores every non-blank line for --explain", () => {
    for (const l of cleanDocument(NOISY).lines) if (!l.blank) expect(l.score).toBeTypeOf("number");
  });

  it("mode is one knob: precise keeps no more than balanced, balanced no more than recall", () => {
    const kept = (mode: "precise" | "balanced" | "recall") => cleanDocument(NOISY, { mode }).lines.filter((l) => l.keep && !l.blank).length;
    expect(kept("precise")).toBeLessThanOrEqual(kept("balanced"));
    expect(kept("balanced")).toBeLessThanOrEqual(kept("recall"));
  });

  it.each(LANGS)("detects the document language [%s]", (lang) => {
    const expected = { en: "eng", fr: "fra", de: "deu", es: "spa", ar: "arb", ru: "rus", zh: "cmn", ja: "jpn" }[lang];
    expect(cleanDocument(afterArticle(lang)).lang).toBe(expected);
  });

  it("a forced language skips detection", () => {
    expect(cleanDocument(ARTICLE.en.join("\n"), { lang: "fra" }).lang).toBe("fra");
  });

  it("language comes from the letter-richest lines, not from rules or menus", () => {
    const rule = "━".repeat(3000);
    expect(detectLanguage([rule, ...ARTICLE.de])).toBe("deu");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(cleanDocument(NOISY))).toBe(JSON.stringify(cleanDocument(NOISY)));
  });

  it("handles empty input and CRLF", () => {
    expect(cleanText("")).toBe("");
    expect(cleanText(ARTICLE.en.join("\r\n\r\n"))).toBe(ARTICLE.en.join("\n\n") + "\n");
  });

  it("tokenizes spaced scripts by regex and CJK by segmenter", () => {
    expect(tokenize("Hello, wide World!")).toEqual(["hello", "wide", "world"]);
    expect(tokenize("市议会决定").length).toBeGreaterThan(1);
  });
});
