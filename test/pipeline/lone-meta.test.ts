import { describe, expect, it } from "vitest";
import { meta } from "../../src/detectors/comment-widget.js";
import { META_COMPANY_LINES } from "../../src/pipeline/clean.js";
import { afterArticle, ARTICLE, decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

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

/**
 * [lang, a byline-shaped line, the comment form below]. Inside an article (prose right above it) the
 * line is confirmed only by evidence no further off than one paragraph of prose (a comment's body):
 * a form two paragraphs below belongs to the article's end, not to this line.
 */
const inProse: [Lang, string, string, string][] = [
  ["en", "Updated March 3, 2021 at 4:30 pm", "Leave a Reply", "Your email address will not be published."],
  ["de", "Aktualisiert 3. März 2021 um 16:30 Uhr", "Hinterlasse einen Kommentar", "Ihre E-Mail-Adresse wird nicht veröffentlicht."],
  ["ru", "Обновлено 3 марта 2021 в 16:30", "Оставьте комментарий", "Ваш адрес email не будет опубликован."],
  ["ar", "تحديث 3 مارس 2021 في 16:30", "اترك تعليقا", "لن يتم نشر عنوان بريدك الإلكتروني."],
  ["zh", "3小时前", "发表评论", "邮箱地址不会被公开。"],
];
/** Two paragraphs of clear article text (each two of the test paragraphs, so long enough to count). */
const prose = (lang: Lang): [string, string, string] => {
  const [a, b, c] = ARTICLE[lang];
  return [`${a} ${b}`, `${b} ${c}`, `${c} ${a}`];
};

describe("a byline inside prose needs company within one paragraph (META_MAX_PROSE_BETWEEN)", () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(inProse.map(([lang]) => SCRIPT[lang])).size).toBe(4);
  });

  it.each(inProse)("[%s] keeps %j with the comment form two paragraphs below", (lang, line, marker, form) => {
    const [p1, p2, p3] = prose(lang);
    const doc = [p1, line, p2, p3, marker, form].join("\n\n");
    expect(verdict(decisionOf(doc, line))).toBe("kept");
    // The paragraphs share sentences (the near-duplicate detector may take one); no comment section takes them.
    for (const p of [p2, p3]) expect(decisionOf(doc, p).removal?.detector).not.toBe(meta.id);
    expect(verdict(decisionOf(doc, form))).toMatchObject({ detector: meta.id });
  });

  it.each(inProse)("[%s] removes %j with the form one paragraph below (a comment and its form)", (lang, line, marker, form) => {
    const [p1, p2] = prose(lang);
    const doc = [p1, line, p2, marker, form].join("\n\n");
    expect(verdict(decisionOf(doc, line))).toEqual({ detector: meta.id, reason: "comment-meta" });
  });

  it.each(inProse)("[%s] removes %j under a share bar: a comment of two paragraphs, then the form", (lang, line, marker, form) => {
    const [p1, p2, p3] = prose(lang);
    const doc = [p1, "Share", line, p2, p3, marker, form].join("\n\n");
    expect(verdict(decisionOf(doc, line))).toEqual({ detector: meta.id, reason: "comment-meta" });
  });
});

describe("a comment section opened by a byline inside prose", () => {
  it.each(inProse)("[%s] does not take the article's paragraphs down to a form two paragraphs below a second %j", (lang, line, marker, form) => {
    const [p1, p2, p3] = prose(lang);
    const [a, , c] = ARTICLE[lang];
    const p4 = `${a} ${c}`;
    // Two byline-shaped lines one paragraph apart confirm each other; the form is two paragraphs off.
    const second = line.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    const doc = [p1, line, p2, second, p3, p4, marker, form].join("\n\n");
    for (const p of [p2, p3, p4]) expect(decisionOf(doc, p).removal?.reason).not.toBe("comment-section");
    expect(verdict(decisionOf(doc, form))).toMatchObject({ detector: meta.id });
  });
});
