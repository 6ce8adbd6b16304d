import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/pipeline/language.js";
import { ARTICLE } from "../helpers.js";

// An English quote (a manual, a press release) that makes the longest lines of a page: franc, fed the
// longest lines, reads English whatever the rest of the page is written in.
const QUOTE = [
  "During the second step of the installation, your computer detects the phone as a new device and starts searching for driver updates online, which can take a while when the connection is slow and the server is busy with other requests from all over the world.",
  "If this happens, do not unplug the phone and do not restart the computer: wait until the search has finished and the phone shows the home screen again, and then check that the update has been installed by opening the settings and looking at the version number.",
];
const LONG_QUOTE = [...QUOTE, ...QUOTE.map((q) => `${q} ${q}`)];

/** A page of `times` copies of the test article in one language. */
function article(lang: keyof typeof ARTICLE, times: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < times; i++) lines.push(...ARTICLE[lang]);
  return lines;
}

describe("detectLanguage: stopwords of the whole page overrule a quote in the longest lines", () => {
  // invalid: franc alone reads the quote; the page's sentences vote for their own language.
  it.each([
    ["Latin", "de", 12, "deu"],
    ["Cyrillic", "ru", 12, "rus"],
    ["Arabic", "ar", 20, "arb"],
  ] as const)("%s: a %s page (%i copies) under an English quote is %s", (_script, lang, times, want) => {
    expect(detectLanguage([...LONG_QUOTE, ...article(lang, times)])).toBe(want);
  });

  // valid: the answer franc gives stands.
  it.each([
    ["Latin", "de"],
    ["Cyrillic", "ru"],
    ["Arabic", "ar"],
    ["CJK", "zh"],
  ] as const)("%s: an English page quoting a long %s paragraph stays English", (_script, lang) => {
    const quote = ARTICLE[lang].join(" ");
    expect(detectLanguage([quote, quote, ...article("en", 8)])).toBe("eng");
  });

  it("CJK: lines written without spaces do not vote, so a Chinese page stays Chinese", () => {
    expect(detectLanguage([...article("zh", 12), ...QUOTE.slice(0, 1)])).toBe("cmn");
  });

  it("too little evidence (a few sentences under the quote) leaves franc's answer", () => {
    // 1 copy of the German article: under VOTE_MIN_EVIDENCE; 12 copies above it (the row above).
    expect(detectLanguage([...LONG_QUOTE, ...article("de", 1)])).toBe("eng");
  });

  it("related languages are not told apart by stopwords: a French page under the quote stays with franc", () => {
    // English stopwords-iso holds many French function words, so French never reaches VOTE_RATIO.
    expect(detectLanguage([...LONG_QUOTE, ...article("fr", 12)])).toBe("eng");
  });
});
