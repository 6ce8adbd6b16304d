import { describe, expect, it } from "vitest";
import { meta } from "../../src/detectors/comment-widget.js";
import { META_COMPANY_LINES } from "../../src/pipeline/clean.js";
import { afterArticle, decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

/**
 * A comment byline needs other comment evidence within META_COMPANY_LINES lines. Alone inside the
 * article, a line shaped like a date-and-time stamp is a dateline or a time in the text: it is kept.
 */
const valid: [Lang, string][] = [
  ["en", "Next council vote March 3, 2021 at 4:30 pm"],
  ["de", "Nächste Sitzung 3. März 2021 um 16:30 Uhr"],
  ["ru", "Заседание совета 3 марта 2021 в 16:30"],
  ["ar", "الجلسة القادمة 3 مارس 2021 في 16:30"],
];

/** [lang, first byline, a reader comment, second byline]: bylines together are a comment widget's. */
const invalid: [Lang, string, string, string][] = [
  ["en", "3 days ago", "Glad the bus keeps running, I take it every night after work.", "5 hours ago"],
  ["de", "vor 2 Stunden", "Schön, dass der Bus weiter fährt, ich nehme ihn jede Nacht.", "vor 3 Tagen"],
  ["ru", "2 часа назад", "Хорошо, что автобус будет ходить, я езжу на нём каждую ночь.", "3 дня назад"],
  ["ar", "منذ 3 أيام", "جيد أن الحافلة ستستمر، أستخدمها كل ليلة بعد العمل.", "منذ 5 ساعات"],
  ["zh", "3天前", "很高兴这趟夜班车还会继续运行，我每天晚上下班都坐。", "5小时前"],
];

describe("comment bylines need company", () => {
  it("covers Latin, Arabic and Cyrillic", () => {
    for (const table of [valid, invalid]) expect(new Set(table.map(([lang]) => SCRIPT[lang])).size).toBeGreaterThanOrEqual(3);
  });

  it.each(valid)("[%s] keeps the lone stamp-shaped line %j inside the article", (lang, line) => {
    expect(verdict(decisionOf(inArticle(lang, line), line))).toBe("kept");
  });

  it.each(invalid)("[%s] removes the bylines %j with another byline near", (lang, first, comment, second) => {
    const doc = afterArticle(lang, first, comment, second);
    expect(verdict(decisionOf(doc, first))).toEqual({ detector: meta.id, reason: "comment-meta" });
    expect(verdict(decisionOf(doc, second))).toEqual({ detector: meta.id, reason: "comment-meta" });
  });

  it("company is counted within META_COMPANY_LINES non-blank lines", () => {
    const filler = Array.from({ length: META_COMPANY_LINES }, (_, i) => `Line ${i + 1} of a long list of stops on the route`);
    const near = afterArticle("en", "3 days ago", ...filler.slice(1), "5 hours ago");
    expect(verdict(decisionOf(near, "3 days ago"))).toEqual({ detector: meta.id, reason: "comment-meta" });
    const far = afterArticle("en", "3 days ago", ...filler, "5 hours ago");
    expect(verdict(decisionOf(far, "3 days ago"))).not.toEqual({ detector: meta.id, reason: "comment-meta" });
  });
});
