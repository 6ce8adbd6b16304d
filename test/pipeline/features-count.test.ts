import { describe, expect, it } from "vitest";
import { countClasses } from "../../src/pipeline/features.js";

// countClasses replaces five regex scans; it must count exactly what they counted.
const REGEX = {
  wide: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu,
  letters: /\p{L}/gu,
  digits: /\p{Nd}/gu,
  upper: /\p{Lu}/gu,
  symbols: /[^\p{L}\p{M}\p{N}\s]/gu,
};
const byRegex = (s: string) => Object.fromEntries(Object.entries(REGEX).map(([k, re]) => [k, s.match(re)?.length ?? 0]));

describe("countClasses", () => {
  it.each([
    ["Latin", "Le Conseil municipal a voté, mardi 3 mai — 12,5 % « oui » !"],
    ["Arabic", "أعلنت وزارة الصحة اليوم ٢٠٢٤ عن إطلاق حملة وطنية؟"],
    ["Cyrillic", "Городской СОВЕТ утвердил бюджет на 2025 год."],
    ["CJK", "市议会周二晚上通过了明年的城市预算。ひらがなカタカナ 한국어 ไทย"],
    ["marks and symbols", "e\u0301 ñ ✓ ★ © ™ € $ | » › • · → \u00a0\u2003\t"],
    ["astral", "𝐀𝐁 𠀀𠀁 😀👍🏽 𝟙𝟚"],
    ["lone surrogates", "a\ud800b\udc00c\ud83d"],
    ["empty", ""],
  ])("counts %s text as the regexes do", (_, s) => {
    expect(countClasses(s)).toEqual(byRegex(s));
  });

  it("agrees with the regexes on every BMP character", () => {
    let all = "";
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    expect(countClasses(all)).toEqual(byRegex(all));
  });
});
