import { describe, expect, it } from "vitest";
import { meta } from "../../src/detectors/site-boilerplate.js";
import type { CleanOptions, Removal } from "../../src/index.js";
import { ARTICLE, decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

const hook = (lines: readonly string[]): CleanOptions => ({
  corpus: {
    siteBoilerplate: (line: string): Removal | undefined => (lines.includes(line) ? { detector: meta.id, reason: "site-repeated", score: 0.9 } : undefined),
  },
});

const invalid: [Lang, string][] = [
  ["en", "Night buses: all you need to know"],
  ["ar", "دليل الحافلات الليلية"],
  ["ru", "Всё о ночных автобусах"],
  ["zh", "夜间公交指南"],
];

describe(`${meta.id}`, () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(invalid.map(([l]) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(invalid)("[%s] removes %j when the corpus reports it", (lang, line) => {
    expect(verdict(decisionOf(inArticle(lang, line), line, hook([line])))).toEqual({ detector: meta.id, reason: "site-repeated" });
  });

  it.each(invalid)("[%s] keeps %j without a corpus hook", (lang, line) => {
    expect(decisionOf(inArticle(lang, line), line).removal?.detector).not.toBe(meta.id);
  });

  it.each(["en", "ar", "ru", "zh"] as Lang[])("[%s] does not remove clear article text even when the corpus reports it", (lang) => {
    // Two paragraphs on one line: long, dense and ending in a stop, the shape SITE_PROTECT covers.
    const [a, b, c] = ARTICLE[lang];
    const p = `${a} ${b}`;
    expect(verdict(decisionOf(`${p}\n\n${c}\n`, p, hook([p])))).toBe("kept");
  });
});
