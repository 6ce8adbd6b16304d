import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLE, type Lang } from "../helpers.js";
import { readJsonl, scratch, toJsonl, winnow } from "../helpers/cli.js";

// Corpus evidence for comment bylines: a line shaped like a comment byline ("Oslo desk, March 3, 2021
// at 4:30 pm") that is unique to its page is confirmed only by the site's own widget (lines the site
// repeats) within WIDGET_COMPANY_LINES (5) lines, and does not open a comment section. A form label
// and the comment count in the page header, right above the dateline, are no such company: they
// stand before the article's prose. A reader's byline right under the site's "3 Comments" is still removed.
interface Site {
  readonly lang: Lang;
  readonly head: readonly string[];
  readonly cities: readonly string[];
  readonly names: readonly string[];
  readonly dateline: (city: string) => string;
  /** The widget: marker, a reader's byline, the comment, a reply button, the form head, its notice. */
  readonly widget: (name: string) => readonly string[];
}
const SITES: Record<string, Site> = {
  "courier.example": {
    lang: "en",
    head: ["The Valley Courier", "World | Sport | Culture | Opinion", "Edition of the day", "Email", "12 Comments"],
    cities: ["Oslo", "Lima", "Quito", "Accra", "Hanoi", "Dakar"],
    names: ["Anna", "Marek", "Priya", "Tomas", "Olga", "Yusuf"],
    dateline: (c) => `${c} desk, March 3, 2021 at 4:30 pm`,
    widget: (n) => ["3 Comments", `${n} says:`, "Thank you for the report.", "Reply", "Leave a Reply", "Your email address will not be published."],
  },
  "vestnik.example": {
    lang: "ru",
    head: ["Вестник долины", "Главная | Новости | Спорт | Культура", "Выпуск дня", "Сайт", "12 комментариев"],
    cities: ["Москва", "Казань", "Самара", "Омск", "Томск", "Пермь"],
    names: ["Анна", "Марк", "Ольга", "Пётр", "Ирина", "Глеб"],
    dateline: (c) => `${c}, 3 марта 2021 в 16:30`,
    widget: (n) => ["5 комментариев", `${n} пишет:`, "Спасибо за статью.", "Ответить", "Оставьте комментарий", "Ваш адрес email не будет опубликован."],
  },
  "akhbar.example": {
    lang: "ar",
    head: ["صحيفة الوادي", "الرئيسية | أخبار | رياضة | ثقافة", "عدد اليوم", "الاسم", "12 تعليقات"],
    cities: ["القاهرة", "بيروت", "عمان", "تونس", "الرباط", "دمشق"],
    names: ["أحمد", "سلمى", "يوسف", "ليلى", "كريم", "نادية"],
    dateline: (c) => `${c} 3 مارس 2021 في 16:30`,
    widget: (n) => ["5 تعليقات", `${n} كتب:`, "شكرا على المقال.", "رد", "اترك تعليقا", "لن يتم نشر عنوان بريدك الإلكتروني."],
  },
  "xinwen.example": {
    lang: "zh",
    head: ["山谷日报", "首页 | 新闻 | 体育 | 文化", "今日版面", "网站", "评论"],
    cities: ["北京", "上海", "广州", "深圳", "成都", "杭州"],
    names: ["李小龙", "王美丽", "张大伟", "陈晓明", "刘德华", "赵子龙"],
    dateline: (c) => `${c}记者站 2021年3月3日 16:30`,
    widget: (n) => ["评论", `${n} 2021年3月4日 09:15`, "谢谢这篇报道。", "回复", "发表评论", "邮箱地址不会被公开。"],
  },
};

/** Header, dateline, five paragraphs unique to the page, the comment widget. */
function page(site: Site, p: number, count = 5): string {
  const city = site.cities[p]!;
  const [a, b, c] = ARTICLE[site.lang];
  const paragraphs = [a, b, c, `${a} ${c}`, `${b} ${a}`].slice(0, count).map((x) => `${city}: ${x}`);
  return [...site.head, site.dateline(city), ...paragraphs, ...site.widget(site.names[p]!)].join("\n\n");
}
interface Row { id: string; url: string; text: string }
const rows: Row[] = Object.entries(SITES).flatMap(([host, site]) => site.cities.map((_, p) => ({ id: `${host}/${p}`, url: `https://${host}/${p}.html`, text: page(site, p) })));
const removedOf = (path: string) => readJsonl<{ id: string; text: string; detector: string; reason: string }>(path);

describe("comment bylines with corpus evidence", () => {
  const dir = scratch();
  beforeAll(() => writeFileSync(join(dir, "all.jsonl"), toJsonl(rows)));

  it("per document, the datelines are taken for comment bylines (what the corpus run must fix)", async () => {
    const r = await winnow(["clean", join(dir, "all.jsonl"), "-q", "--removed", join(dir, "alone.jsonl")]);
    expect(r.code).toBe(0);
    const removed = removedOf(join(dir, "alone.jsonl"));
    for (const site of Object.values(SITES)) {
      for (const city of site.cities) expect(removed.find((x) => x.text === site.dateline(city)), site.dateline(city)).toMatchObject({ detector: "comment-widget" });
    }
  });

  it("with --corpus, keeps the datelines in every script, and still removes the readers' bylines and the widget", async () => {
    const r = await winnow(["clean", "--corpus", join(dir, "all.jsonl"), "-q", "--removed", join(dir, "corpus.jsonl")]);
    expect(r.code).toBe(0);
    const removed = removedOf(join(dir, "corpus.jsonl"));
    const out = new Map<string, string>(r.stdout.trim().split("\n").map((l) => { const d = JSON.parse(l); return [d.id, d.text]; }));
    for (const [host, site] of Object.entries(SITES)) {
      site.cities.forEach((city, p) => {
        const text = out.get(`${host}/${p}`)!;
        expect(text, host).toContain(site.dateline(city));
        expect(text, host).toContain(`${city}: ${ARTICLE[site.lang][0]}`);
        const [, byline, comment] = site.widget(site.names[p]!);
        expect(removed.find((x) => x.id === `${host}/${p}` && x.text === byline), byline).toMatchObject({ detector: "comment-widget" });
        expect(text.split("\n"), host).not.toContain(comment);
        for (const line of site.widget(site.names[p]!)) expect(text.split("\n"), host).not.toContain(line);
      });
    }
  });

  it("counts the widget within WIDGET_COMPANY_LINES = 5 lines, and not the comment header below the line", async () => {
    // One paragraph: the widget's reply button is 5 lines below the dateline (header, reader's byline
    // and comment between), and the dateline goes. Two paragraphs: 6 lines, and it stays; the comment
    // header 3 lines below it does not count, it heads what follows it.
    for (const [count, removed] of [[1, true], [2, false]] as const) {
      const list = Object.entries(SITES).flatMap(([host, site]) => site.cities.map((_, p) => ({ id: `${host}/${p}`, url: `https://${host}/${p}.html`, text: page(site, p, count) })));
      writeFileSync(join(dir, `near${count}.jsonl`), toJsonl(list));
      const r = await winnow(["clean", "--corpus", join(dir, `near${count}.jsonl`), "-q", "--removed", join(dir, `near${count}.removed.jsonl`)]);
      expect(r.code).toBe(0);
      const gone = removedOf(join(dir, `near${count}.removed.jsonl`));
      for (const site of Object.values(SITES)) {
        for (const city of site.cities) {
          const line = site.dateline(city);
          if (removed) expect(gone.find((x) => x.text === line), line).toMatchObject({ detector: "comment-widget", reason: "comment-meta" });
          else expect(gone.find((x) => x.text === line), line).toBeUndefined();
        }
      }
    }
  });
});
