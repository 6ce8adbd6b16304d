import { describe, expect, it } from "vitest";
import { commentEvidence, MARKER_MAX_CHARS, meta } from "../../src/detectors/comment-widget.js";
import { cleanDocument } from "../../src/index.js";
import { lineFeatures } from "../../src/pipeline/features.js";
import { afterArticle, decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

/** [lang, marker, a reader comment after it]: the marker opens the section, the comment goes with it. */
const sections: [Lang, string, string][] = [
  ["en", "Leave a Reply", "I have taken this bus for years and I am glad that it will keep running, thank you for the report."],
  ["fr", "Laisser un commentaire", "Je prends ce bus depuis des années et je suis content qu'il continue, merci pour cet article."],
  ["de", "Schreibe einen Kommentar", "Ich fahre seit Jahren mit diesem Bus und freue mich, dass er weiter fährt, danke für den Bericht."],
  ["es", "Deja un comentario", "Llevo años usando este autobús y me alegro de que siga funcionando, gracias por el artículo."],
  ["ar", "اكتب تعليق", "أستخدم هذه الحافلة منذ سنوات وأنا سعيد لأنها ستستمر، شكرا على هذا التقرير المفيد."],
  ["ru", "Оставить комментарий", "Я езжу на этом автобусе много лет и рад, что он будет ходить и дальше, спасибо за статью."],
  ["zh", "发表评论", "我坐这趟车已经很多年了，很高兴它还会继续运行，谢谢这篇报道。"],
  ["ja", "コメントを書く", "このバスには何年も乗っているので、運行が続くと聞いてうれしいです。記事をありがとう。"],
];

/** [lang, form line]: comment-form furniture is removed wherever it stands. */
const forms: [Lang, string][] = [
  ["en", "Your email address will not be published. Required fields are marked *"],
  ["fr", "Ce site utilise Akismet pour réduire les indésirables."],
  ["de", "Ihre E-Mail-Adresse wird nicht veröffentlicht."],
  ["ar", "كل الحقول التي عليها علامة (*) مطلوبة"],
  ["ru", "Ваш адрес email не будет опубликован."],
  ["ja", "メールアドレスが公開されることはありません。"],
];

const valid: [Lang, string][] = [
  ["en", "The mayor declined to comment on the report before the vote, saying that the council had not yet seen it."],
  ["fr", "Le ministre n'a pas souhaité commenter ces chiffres, mais son cabinet a promis une réponse rapide."],
  ["ar", "ورفض المتحدث التعليق على التقرير قبل التصويت، وقال إن المجلس لم يطلع عليه بعد."],
  ["ru", "Мэр отказалась комментировать отчёт до голосования, сказав, что совет его ещё не видел."],
  ["zh", "市长拒绝在投票前对这份报告发表评论，她说议会还没有看过这份报告。"],
];

describe(`${meta.id}`, () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    for (const table of [sections, forms, valid]) {
      expect(new Set(table.map(([lang]) => SCRIPT[lang])).size).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(sections.map(([lang]) => SCRIPT[lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(sections)("[%s] %j opens the comment section", (lang, marker, comment) => {
    const doc = afterArticle(lang, marker, comment);
    expect(verdict(decisionOf(doc, marker))).toEqual({ detector: meta.id, reason: "comment-marker" });
    expect(verdict(decisionOf(doc, comment))).toEqual({ detector: meta.id, reason: "comment-section" });
  });

  it.each(forms)("[%s] removes the form line %j", (lang, line) => {
    expect(verdict(decisionOf(inArticle(lang, line), line))).toEqual({ detector: meta.id, reason: "comment-form" });
  });

  it.each(valid)("[%s] keeps the article sentence %j", (lang, line) => {
    expect(verdict(decisionOf(inArticle(lang, line), line))).toBe("kept");
  });

  it("a marker above the article does not swallow it (article text resumes)", () => {
    const doc = "12 Comments\n\n" + afterArticle("en");
    const d = cleanDocument(doc);
    expect(d.lines.filter((l) => !l.blank && !l.keep).map((l) => l.text)).toEqual(["12 Comments"]);
  });

  it("a lone section title inside the article needs more comment evidence below it", () => {
    const doc = inArticle("en", "Comments");
    expect(verdict(decisionOf(doc, "Comments"))).toEqual({ detector: meta.id, reason: "comment-marker" });
    const d = cleanDocument(doc);
    expect(d.lines.filter((l) => !l.blank && !l.keep)).toHaveLength(1);
  });

  it("markers stop at MARKER_MAX_CHARS", () => {
    const at = "Leave a comment" + " ".repeat(MARKER_MAX_CHARS - 15);
    expect(commentEvidence(at, lineFeatures(at, 0, 1, new Set()))).toBe("strong-marker");
    const over = "Leave a comment " + "x".repeat(MARKER_MAX_CHARS);
    expect(commentEvidence(over, lineFeatures(over, 0, 1, new Set()))).toBeUndefined();
  });
});
