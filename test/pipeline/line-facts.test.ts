import { describe, expect, it } from "vitest";
import { cleanDocument } from "../../src/pipeline/clean.js";
import { localFeatures } from "../../src/pipeline/features.js";
import { factsOf, LINE_CACHE_ENTRIES, SHARED_MAX_CHARS } from "../../src/pipeline/line-facts.js";
import { ARTICLE, LANGS } from "../helpers.js";

const page = (lang: (typeof LANGS)[number]): string =>
  ["Home", "Share on Facebook", "", ...ARTICLE[lang].flatMap((p) => [p, ""]), "Leave a Reply", "Great story, thanks for writing it.", "© 2024 Example Media"].join("\n");

describe("line facts cache", () => {
  it("gives the features the line has when computed afresh, short lines and long ones", () => {
    for (const text of ["Share on Facebook", "  Menu  ", "x".repeat(SHARED_MAX_CHARS + 1), ARTICLE.ru[0]!, ARTICLE.zh[0]!]) {
      const own = new Map();
      const a = factsOf(text, own);
      expect(a.local).toEqual(localFeatures(text));
      expect(factsOf(text, own)).toBe(a); // the second look-up is a hit
    }
  });

  it("cleans a document the same whether its lines are cached or not", () => {
    const first = LANGS.map((l) => cleanDocument(page(l)));
    // Push every line out of the shared cache: both generations fill with other lines.
    for (let i = 0; i < 2 * LINE_CACHE_ENTRIES + 1; i++) factsOf(`filler line ${i}`, new Map());
    const cold = LANGS.map((l) => cleanDocument(page(l)));
    const warm = LANGS.map((l) => cleanDocument(page(l)));
    expect(cold).toEqual(first);
    expect(warm).toEqual(first);
    expect(first.some((d) => d.lines.some((l) => !l.keep))).toBe(true);
  });
});
