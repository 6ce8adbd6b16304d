import { describe, expect, it } from "vitest";
import { COVERED_MIN_WORDS, COVERED_SHARE, CoverageIndex, meta, shingles } from "../../src/detectors/near-duplicate.js";
import { tokenize } from "../../src/pipeline/features.js";
import { ARTICLE, decisionOf, LANGS, SCRIPT, verdict, type Lang } from "../helpers.js";

const TITLES: Record<Lang, string> = {
  en: "Council keeps the night bus running for another year",
  fr: "Le conseil garde le bus de nuit pour une année de plus",
  de: "Der Stadtrat hält den Nachtbus ein weiteres Jahr am Laufen",
  es: "El ayuntamiento mantiene el autobús nocturno un año más",
  ar: "المجلس البلدي يمدد خدمة الحافلات الليلية لعام آخر في المدينة",
  ru: "Городской совет сохранил ночные автобусы ещё на один год",
  zh: "市议会决定将夜间公交服务再延长一年时间",
  ja: "市議会が夜間バスの運行をさらに一年延長すると決めた",
};

describe(`${meta.id}`, () => {
  it("runs over Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(LANGS.map((l) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  // invalid: the whole article pasted again as one line (seed 004's shape).
  it.each(LANGS)("[%s] removes the article pasted again as one line", (lang) => {
    const paras = ARTICLE[lang];
    const joined = paras.join(" ");
    const doc = `${paras.join("\n\n")}\n\n${joined}\n`;
    expect(verdict(decisionOf(doc, joined))).toEqual({ detector: meta.id, reason: "covered-paragraph" });
  });

  // invalid: a teaser of the title cut with an ellipsis.
  it.each(LANGS)("[%s] removes a truncated teaser of the title", (lang) => {
    const title = TITLES[lang];
    const cut = title.slice(0, Math.ceil(title.length * 0.75)) + "…";
    const doc = `${cut}\n\n${title}\n\n${ARTICLE[lang].join("\n\n")}\n`;
    expect(verdict(decisionOf(doc, cut))).toEqual({ detector: meta.id, reason: "truncated-teaser" });
    expect(verdict(decisionOf(doc, title))).toBe("kept");
  });

  // valid: paragraphs that share a few phrases but say different things all stay.
  it.each(LANGS)("[%s] keeps distinct paragraphs of one article", (lang) => {
    const doc = `${TITLES[lang]}\n\n${ARTICLE[lang].join("\n\n")}\n`;
    for (const p of ARTICLE[lang]) expect(verdict(decisionOf(doc, p))).toBe("kept");
  });

  it("removes a title repeated with a small change", () => {
    const [a, b, c] = ARTICLE.en;
    const again = "Council keeps the night bus running for another year, says mayor";
    const doc = `${TITLES.en}\n\n${a}\n\n${b}\n\n${again}\n\n${c}\n`;
    expect(verdict(decisionOf(doc, again))).toEqual({ detector: meta.id, reason: "repeated-title" });
  });

  it("coverage needs COVERED_MIN_WORDS words and COVERED_SHARE of trigrams", () => {
    const idx = new CoverageIndex();
    const words = Array.from({ length: COVERED_MIN_WORDS }, (_, i) => `w${i}`);
    idx.add(words);
    expect(idx.coverage(words)).toBe(1);
    expect(idx.coverage(words.slice(1))).toBe(0); // one word short: too short to judge
    const mixed = [...words.slice(0, 10), "x1", "x2", "x3"];
    expect(idx.coverage(mixed)).toBeLessThan(COVERED_SHARE);
    expect(shingles(tokenize("a b c d"), 3)).toHaveLength(2);
  });
});
