import { describe, expect, it } from "vitest";
import { CHROME_LONG_MAX_CHARS, CHROME_MAX_CHARS, chromeReason, meta } from "../../src/detectors/chrome.js";
import { lineFeatures } from "../../src/pipeline/features.js";
import { decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

const invalid: [Lang, string, string][] = [
  ["en", "Share on Facebook", "share"],
  ["en", "• Twitter • Facebook • WhatsApp", "share"],
  ["fr", "Partager sur Facebook", "share"],
  ["de", "Folgen Sie uns", "follow"],
  ["es", "Suscríbete", "newsletter"],
  ["fr", "S’abonner", "newsletter"],
  ["de", "Datenschutzerklärung", "cookie"],
  ["en", "We use cookies to improve your experience. By using this site you accept our use of cookies.", "cookie"],
  ["fr", "Se connecter", "login"],
  ["fr", "Article précédentLa ville ouvre une nouvelle piscine", "prev-next"],
  ["en", "Check Also", "related"],
  ["de", "Lesen Sie auch", "related"],
  ["en", "Home » World » Europe", "breadcrumb"],
  ["en", "Tags: politics, transport, city council", "tags"],
  ["en", "12,684 views", "counter"],
  ["ar", "• 12684", "counter"],
  ["en", "© 2024 Example Media. All rights reserved.", "copyright"],
  ["de", "Anzeige", "ad"],
  ["en", "Skip to content", "navigation"],
  ["ar", "شارك على فيسبوك", "share"],
  ["ar", "تابعنا", "follow"],
  ["ar", "اقرأ أيضا", "related"],
  ["ar", "المقال السابق", "prev-next"],
  ["ar", "جميع الحقوق محفوظة", "copyright"],
  ["ar", "من الأرشيف", "navigation"],
  ["ru", "Поделиться", "share"],
  ["ru", "Подписаться", "newsletter"],
  ["ru", "Читайте также", "related"],
  ["ru", "Предыдущая статья", "prev-next"],
  ["ru", "Все права защищены", "copyright"],
  ["ru", "Войти", "login"],
  ["zh", "分享到", "share"],
  ["zh", "相关文章", "related"],
  ["zh", "上一篇：市图书馆延长开放时间", "prev-next"],
  ["zh", "版权所有", "copyright"],
  ["ja", "関連記事", "related"],
  ["ja", "ログイン", "login"],
  ["ja", "次の記事", "prev-next"],
];

const valid: [Lang, string][] = [
  ["en", "The council said it would publish the results on Facebook and in the local newspaper before the vote."],
  ["fr", "La maire a expliqué qu'elle partagerait le rapport avec tous les habitants dès la semaine prochaine."],
  ["de", "Wer den Newsletter der Stadt abonniert hat, bekam die Nachricht schon am Montag, einen Tag vor allen anderen."],
  ["ar", "وقال المسؤول إن البلدية ستنشر النتائج على موقعها وعلى صفحتها في فيسبوك قبل التصويت."],
  ["ru", "Мэр сообщила, что поделится результатами опроса с жителями города уже на следующей неделе."],
  ["zh", "市长表示，她将在下周与市民分享调查结果，并且回答大家提出的问题。"],
  ["ja", "市長は来週、調査の結果を市民と共有し、寄せられた質問に答えると述べた。"],
];

describe(`${meta.id}`, () => {
  it("covers Latin, Arabic, Cyrillic and CJK in both tables", () => {
    for (const table of [invalid, valid]) {
      expect(new Set(table.map(([lang]) => SCRIPT[lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
    }
  });

  it.each(invalid)("[%s] removes %j as %s", (lang, line, reason) => {
    expect(verdict(decisionOf(inArticle(lang, line), line))).toEqual({ detector: meta.id, reason });
  });

  it.each(valid)("[%s] keeps the article sentence %j", (lang, line) => {
    expect(verdict(decisionOf(inArticle(lang, line), line))).toBe("kept");
  });

  it("declares every reason it emits", () => {
    for (const [, , reason] of invalid) expect(Object.keys(meta.reasons)).toContain(reason);
  });

  it("whole-line phrases stop at CHROME_MAX_CHARS", () => {
    const short = "Share on Facebook";
    const padded = `${short}${" ".repeat(CHROME_MAX_CHARS - short.length)}`;
    expect(chromeReason(padded, lineFeatures(padded, 0, 1, new Set()))).toBe("share");
    const long = `${padded}.`.replace(/ +\.$/, ` ${"x".repeat(CHROME_MAX_CHARS)}`);
    expect(chromeReason(long, lineFeatures(long, 0, 1, new Set()))).toBeUndefined();
  });

  it("prefix and anywhere rules stop at CHROME_LONG_MAX_CHARS", () => {
    const base = "All rights reserved. ";
    const at = base + "x".repeat(CHROME_LONG_MAX_CHARS - base.length);
    const over = at + "x";
    expect(chromeReason(at, lineFeatures(at, 0, 1, new Set()))).toBe("copyright");
    expect(chromeReason(over, lineFeatures(over, 0, 1, new Set()))).toBeUndefined();
  });
});
