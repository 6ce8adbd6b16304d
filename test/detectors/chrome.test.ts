import { describe, expect, it } from "vitest";
import { CHROME_LONG_MAX_CHARS, CHROME_MAX_CHARS, chromeReason, COPYRIGHT_CREDIT_MAX_WORDS, meta } from "../../src/detectors/chrome.js";
import { lineFeatures } from "../../src/pipeline/features.js";
import { afterArticle, decisionOf, inArticle, SCRIPT, verdict, type Lang } from "../helpers.js";

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
  // Section heads in any wording: a "more / other / latest" word and an "articles / news" word.
  ["de", "Weitere Beiträge aus der Kolumne:", "related"],
  ["de", "Die meistgelesenen Artikel", "related"],
  ["en", "Recent Stories", "related"],
  ["es", "Temas relacionados", "related"],
  ["ru", "Другие новости", "related"],
  ["ar", "أحدث المقالات", "related"],
  // A related head glued to the teaser it introduces.
  ["en", "Read more: Rich are paying more in taxes than they used to", "teaser"],
  ["es", "Le puede interesar: La ficha del expresidente en Nueva York", "teaser"],
  ["ar", "اقرأ أيضا: البلدية تفتح مسبحا جديدا", "teaser"],
  ["ru", "Читайте также: Мэр открыл новый бассейн", "teaser"],
  ["zh", "相关阅读：市图书馆延长开放时间", "teaser"],
  // Photo and agency credits.
  ["de", "Foto: dpa", "credit"],
  ["en", "TebNad/Shutterstock.com", "credit"],
  ["en", "AFP / MARCO BERTORELLO", "credit"],
  ["ru", "Фото: ТАСС", "credit"],
  ["ar", "الصورة: رويترز", "credit"],
  ["zh", "图片来源：新华社", "credit"],
  // A holder's name without a year under a picture is its credit; with a year it is a footer notice.
  ["de", "© dtv Verlag", "credit"],
  ["ar", "© رويترز", "credit"],
  ["ru", "© Городская газета", "credit"],
  ["zh", "© 新华社", "credit"],
  ["de", "© 2020 dtv Verlag", "copyright"],
  ["ar", "© 2024 رويترز", "copyright"],
  ["ru", "© Городская газета, 2024", "copyright"],
  ["zh", "© 2024 新华社", "copyright"],
  // Author boxes.
  ["de", "Über den Autor", "about-author"],
  ["en", "About the author", "about-author"],
  ["ar", "عن الكاتب", "about-author"],
  ["ru", "Об авторе", "about-author"],
  ["zh", "关于作者", "about-author"],
  // Newsletter calls to action, in sentences: "our newsletter", "your inbox", "already a subscriber".
  ["de", "Abonniere unseren Newsletter und erfahre alles Wissenswerte rund um die Stadt.", "newsletter"],
  ["en", "Get the best stories of the week delivered straight to your inbox.", "newsletter"],
  ["en", "If you are already a subscriber, log in to read the full story.", "newsletter"],
  ["ar", "احصل على أهم الأخبار كل صباح مباشرة إلى بريدك الإلكتروني.", "newsletter"],
  ["ru", "Подпишитесь на нашу рассылку, чтобы первыми узнавать новости города.", "newsletter"],
  ["zh", "每天早上将最新新闻发送到您的邮箱。", "newsletter"],
  // Affiliate disclosures.
  ["en", "As an Amazon Associate we earn from qualifying purchases.", "ad"],
  ["de", "Für Links auf dieser Seite erhält die Redaktion gegebenenfalls eine Provision vom Händler.", "ad"],
  ["ru", "Статья содержит партнёрские ссылки.", "ad"],
  ["ar", "تحتوي هذه الصفحة على روابط تابعة.", "ad"],
  ["ja", "この記事にはアフィリエイトリンクが含まれています。", "ad"],
  // Share bars glued into one line; follow prompts and app promotions in sentences.
  ["en", "Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest", "share"],
  ["es", "Síguenos en Telegram, Instagram, Facebook y Twitter para recibir todas nuestras noticias", "follow"],
  ["ar", "تابعنا على تويتر وفيسبوك لتصلك آخر الأخبار", "follow"],
  ["ru", "Подписывайтесь на нас в Телеграм и ВКонтакте, чтобы не пропустить новости", "follow"],
  ["en", "For the latest stories download the Daily News apps for iOS and Android.", "follow"],
  ["de", "Lade dir die App der Stadtzeitung für iOS und Android herunter.", "follow"],
  ["ru", "Скачайте приложение газеты для iOS и Android.", "follow"],
  ["ar", "حمّل تطبيق الصحيفة على هاتفك", "follow"],
  ["zh", "下载客户端，随时随地阅读新闻", "follow"],
  // Paywalls, support appeals, login prompts.
  ["en", "To view the full story, please subscribe to the City Gazette.", "newsletter"],
  ["es", "Hazte miembro y disfruta de beneficios exclusivos", "newsletter"],
  ["ru", "Подпишитесь, чтобы прочитать полный текст статьи.", "newsletter"],
  ["ar", "اشترك الآن لقراءة القصة كاملة", "newsletter"],
  ["de", "Melde dich jetzt an, um selbst Artikel zu verfassen und zu kommentieren.", "login"],
  ["en", "Please log in here to leave a comment.", "login"],
  ["ru", "Войдите, чтобы оставить комментарий.", "login"],
  // Links back to an index page, box labels, tables of contents, tag lines, licences.
  ["de", "Zurück zur Übersicht", "navigation"],
  ["en", "Back to the list", "navigation"],
  ["ru", "Вернуться к списку", "navigation"],
  ["ar", "العودة إلى القائمة", "navigation"],
  ["de", "Für dich empfohlen", "related"],
  ["en", "Trending on Example News", "related"],
  ["ru", "Рекомендуем", "related"],
  ["zh", "为你推荐", "related"],
  ["de", "Inhaltsverzeichnis", "navigation"],
  ["ar", "المحتويات", "navigation"],
  ["ja", "目次", "navigation"],
  ["de", "Markiert mit: Verkehr, Stadt, Nachtbus", "tags"],
  ["en", "Some rights reserved 2017-2023 by Example Media", "copyright"],
];

const valid: [Lang, string][] = [
  ["en", "The council said it would publish the results on Facebook and in the local newspaper before the vote."],
  ["fr", "La maire a expliqué qu'elle partagerait le rapport avec tous les habitants dès la semaine prochaine."],
  ["de", "Wer den Newsletter der Stadt abonniert hat, bekam die Nachricht schon am Montag, einen Tag vor allen anderen."],
  ["ar", "وقال المسؤول إن البلدية ستنشر النتائج على موقعها وعلى صفحتها في فيسبوك قبل التصويت."],
  ["ru", "Мэр сообщила, что поделится результатами опроса с жителями города уже на следующей неделе."],
  ["zh", "市长表示，她将在下周与市民分享调查结果，并且回答大家提出的问题。"],
  ["ja", "市長は来週、調査の結果を市民と共有し、寄せられた質問に答えると述べた。"],
  // The words of the new families inside article sentences.
  ["en", "Reuters reported that the council had asked the regional government to share the cost of the buses."],
  ["en", "The European Commission said links between the two projects would be studied again next year."],
  ["en", "Other news outlets reported the vote on Tuesday evening, after the council meeting had ended."],
  ["de", "Die Provision, die der Makler für die Wohnung verlangte, lag weit über dem, was die Stadt erlaubt."],
  ["ru", "Другие новости о бюджете города мэр обещала рассказать жителям на следующей неделе."],
  ["ar", "وقالت وكالة رويترز إن المجلس طلب من الحكومة الإقليمية أن تشارك في تكلفة الحافلات."],
  ["zh", "路透社报道说，市议会已经请求地区政府分担夜间公交的费用。"],
  ["en", "In order to get the new version of the app, the store sends your phone a small patch instead of the whole file."],
  ["en", "The number of subscribers fell by a fifth last year, the company said in its annual report on Tuesday."],
  ["en", "More from the council:"],
  ["de", "Zurück zur Normalität wollen viele Händler in der Innenstadt erst im nächsten Frühjahr."],
  ["ru", "Жители могут скачать приложение города, но многие по-прежнему звонят в мэрию по телефону."],
  ["ar", "وقال المسؤول إن البلدية تتابع ما يكتبه السكان على تويتر كل يوم."],
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

  it("a holder's name under © is a credit up to COPYRIGHT_CREDIT_MAX_WORDS words", () => {
    const at = `© ${"Verlag ".repeat(COPYRIGHT_CREDIT_MAX_WORDS).trim()}`;
    const over = `${at} Verlag`;
    expect(chromeReason(at, lineFeatures(at, 0, 1, new Set()))).toBe("credit");
    expect(chromeReason(over, lineFeatures(over, 0, 1, new Set()))).toBe("copyright");
  });

  it("prefix and anywhere rules stop at CHROME_LONG_MAX_CHARS", () => {
    const base = "All rights reserved. ";
    const at = base + "x".repeat(CHROME_LONG_MAX_CHARS - base.length);
    const over = at + "x";
    expect(chromeReason(at, lineFeatures(at, 0, 1, new Set()))).toBe("copyright");
    expect(chromeReason(over, lineFeatures(over, 0, 1, new Set()))).toBeUndefined();
  });
});

// A picture's credit ("© Name", no year) before the article's last paragraph does not end the article;
// the same line with a year is the footer's notice, and what follows it is footer.
const CREDITS: [Lang, string, string, string[]][] = [
  ["de", "© dtv Verlag", "Das Buch über den Nachtbus ist im dtv Verlag erschienen und kostet im Handel 14,90 Euro.", ["• Welt", "• Wirtschaft", "• Sport", "• Kultur"]],
  ["ar", "© دار المدينة", "صدر الكتاب عن الحافلات الليلية في المدينة عن دار المدينة للنشر ويباع بعشرين دينارا.", ["• العالم", "• اقتصاد", "• رياضة", "• ثقافة"]],
  ["ru", "© Городская газета", "Книга о ночных автобусах вышла в городском издательстве и стоит в магазинах пятьсот рублей.", ["• Мир", "• Экономика", "• Спорт", "• Культура"]],
  ["zh", "© 城市出版社", "这本关于夜间公交的书已由城市出版社出版，在书店的售价为二十元。", ["• 国际", "• 财经", "• 体育", "• 文化"]],
];

describe("picture credits", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(CREDITS.map(([lang]) => SCRIPT[lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(CREDITS)("[%s] keeps the paragraph after the credit %j (valid)", (lang, credit, last, menu) => {
    const doc = afterArticle(lang, credit, last, menu.join("\n"));
    expect(verdict(decisionOf(doc, credit))).toEqual({ detector: meta.id, reason: "credit" });
    expect(verdict(decisionOf(doc, last))).toBe("kept");
  });
});

// An author's bio at the end of the article goes; the same sentence with article text after it stays.
// CJK bios have neither capitals nor spaces to find the name by, so they are left to the classifier.
const BIOS: [Lang, string][] = [
  ["en", "Anna Berg is a senior reporter for the City Gazette, covering transport and housing."],
  ["de", "Anna Berg ist Redakteurin bei der Stadtzeitung und schreibt über Verkehr und Wohnen."],
  ["ru", "Анна Берг — корреспондент в отделе новостей городской газеты, пишет о транспорте."],
  ["ar", "كاتبة في صحيفة المدينة، تكتب عن النقل والسكن منذ عشر سنوات."],
];

describe("author bios", () => {
  it("cover Latin, Arabic and Cyrillic", () => {
    expect(new Set(BIOS.map(([l]) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic"]));
  });

  it.each(BIOS)("[%s] removes the bio %j after the article (invalid)", (lang, bio) => {
    expect(verdict(decisionOf(afterArticle(lang, bio), bio))).toEqual({ detector: meta.id, reason: "about-author" });
  });

  it.each(BIOS)("[%s] keeps %j when article text follows it (valid)", (lang, bio) => {
    expect(verdict(decisionOf(inArticle(lang, bio), bio))).toBe("kept");
  });
});

describe("author bios are not article sentences about someone", () => {
  // Measured on the bench corpus: these sentence shapes were taken for bios before the role had to be
  // followed by where the person works.
  it.each([
    ["de", "CORRECTIV ist der betroffene Professor bekannt, nennt ihn jedoch nicht namentlich."],
    ["en", "OpenAI was set up as a non-profit with a pledge from a group of founders that included Musk."],
  ] as [Lang, string][])("[%s] keeps %j after the article", (lang, line) => {
    expect(verdict(decisionOf(afterArticle(lang, line), line))).toBe("kept");
  });
});
