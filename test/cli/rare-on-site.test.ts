import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readJsonl, scratch, toJsonl, winnow } from "../helpers/cli.js";

// Corpus evidence against per-document guesses: a line on one page of a site whose template the page
// shows is the page's own text, so the classifier's shape and context guesses may not remove it.
// Four sites in four scripts, six pages each. Every article holds two rows of a table ("Oslo | 2021 |
// 1 204 | 3,4 %"), which the classifier calls boilerplate on their own (separator runs); the city
// names make each row unique to its page (digits alone would fold to one line across the site: see
// normalize.ts).
interface Site {
  readonly head: readonly string[];
  readonly foot: readonly string[];
  readonly cities: readonly string[];
  readonly title: (city: string) => string;
  readonly rows: (city: string) => readonly string[];
  readonly sentences: readonly string[];
}
const SITES: Record<string, Site> = {
  "courier.example": {
    head: ["The Valley Courier", "World | Sport | Culture | Opinion", "Edition of the day"],
    foot: ["The Valley Courier is published by Valley Media Group", "Terms | Privacy | Contact"],
    cities: ["Oslo", "Lima", "Quito", "Accra", "Hanoi", "Dakar"],
    title: (c) => `Harbour works in ${c} run past their budget`,
    rows: (c) => [`${c} | port | 2021 | 1 204 | 3,4 %`, `${c} | quay | 2022 | 1 310 | 8,8 %`],
    sentences: [
      "The council met on Monday to review the harbour works, which are now two years behind the plan.",
      "Officials said the cost of steel and labour had risen faster than anyone had expected when the contract was signed.",
      "Residents who live near the quay have complained about the noise for months, and some of them want the work to stop.",
      "The mayor promised that the new berths would open before the summer season, but the engineers were less certain.",
      "A report published last week found that the first estimate had left out the cost of moving the old fish market.",
    ],
  },
  "akhbar.example": {
    head: ["صحيفة الوادي", "الرئيسية | أخبار | رياضة | ثقافة", "عدد اليوم"],
    foot: ["تصدر صحيفة الوادي عن مجموعة الوادي للإعلام", "الشروط | الخصوصية | اتصل بنا"],
    cities: ["القاهرة", "بيروت", "عمان", "تونس", "الرباط", "دمشق"],
    title: (c) => `أشغال الميناء في ${c} تتجاوز الميزانية`,
    rows: (c) => [`${c} | 2021 | 1204 | 3,4 %`, `${c} | 2022 | 1310 | 8,8 %`],
    sentences: [
      "اجتمع المجلس يوم الاثنين لمراجعة أشغال الميناء التي تأخرت عن الخطة سنتين كاملتين.",
      "وقال المسؤولون إن كلفة الحديد واليد العاملة ارتفعت أسرع مما توقعه الجميع عند توقيع العقد.",
      "ويشتكي السكان الذين يعيشون قرب الرصيف من الضجيج منذ أشهر، ويريد بعضهم أن يتوقف العمل.",
      "ووعد رئيس البلدية بأن تفتح الأرصفة الجديدة قبل موسم الصيف، لكن المهندسين كانوا أقل ثقة.",
      "ووجد تقرير نشر الأسبوع الماضي أن التقدير الأول لم يحسب كلفة نقل سوق السمك القديم.",
    ],
  },
  "vestnik.example": {
    head: ["Вестник долины", "Главная | Новости | Спорт | Культура", "Выпуск дня"],
    foot: ["Вестник долины издаёт медиагруппа «Долина»", "Условия | Конфиденциальность | Контакты"],
    cities: ["Москва", "Казань", "Самара", "Омск", "Томск", "Пермь"],
    title: (c) => `Работы в порту ${c} вышли за рамки бюджета`,
    rows: (c) => [`${c} | 2021 | 1 204 | 3,4 %`, `${c} | 2022 | 1 310 | 8,8 %`],
    sentences: [
      "Совет собрался в понедельник, чтобы обсудить работы в порту, которые отстают от плана на два года.",
      "Чиновники сказали, что цены на сталь и труд выросли быстрее, чем кто-либо ожидал при подписании контракта.",
      "Жители домов у причала уже несколько месяцев жалуются на шум, и некоторые из них хотят, чтобы работы остановили.",
      "Мэр обещал, что новые причалы откроются до начала летнего сезона, но инженеры были в этом не так уверены.",
      "В отчёте, опубликованном на прошлой неделе, говорится, что первая смета не учитывала перенос старого рыбного рынка.",
    ],
  },
  "xinwen.example": {
    head: ["山谷日报", "首页 | 新闻 | 体育 | 文化", "今日版面"],
    foot: ["山谷日报由山谷传媒集团出版", "条款 | 隐私 | 联系我们"],
    cities: ["北京", "上海", "广州", "深圳", "成都", "杭州"],
    title: (c) => `${c}港口工程超出预算`,
    rows: (c) => [`${c} | 2021 | 1204 | 3,4 %`, `${c} | 2022 | 1310 | 8,8 %`],
    sentences: [
      "市议会周一开会审查港口工程，该工程目前比计划落后了整整两年。",
      "官员们说，钢材和人工的成本上涨速度远远超过了签订合同时任何人的预期。",
      "住在码头附近的居民几个月来一直抱怨噪音，其中一些人希望停止施工。",
      "市长承诺新泊位将在夏季到来之前开放，但是工程师们对此并没有那么有把握。",
      "上周发布的一份报告发现，最初的估算没有包括搬迁旧鱼市场的费用。",
    ],
  },
};

/** A page: the site's header, a title, two paragraphs, the rows of figures, a paragraph, the footer. */
function page(site: Site, p: number, headLines = site.head.length, foot = true): string {
  const city = site.cities[p]!;
  const s = site.sentences;
  const para = (k: number) => `${city}: ${s[(p + k) % s.length]} ${s[(p + k + 2) % s.length]}`;
  return [...site.head.slice(0, headLines), "", site.title(city), "", para(0), "", para(1), "", ...site.rows(city), "", para(2), "", ...(foot ? site.foot : [])].join("\n");
}
interface Row { id: string; url: string; text: string }
const rows: Row[] = [];
for (const [host, site] of Object.entries(SITES)) site.cities.forEach((_, p) => rows.push({ id: `${host}/${p}`, url: `https://${host}/${p}.html`, text: page(site, p) }));
const allRows = Object.entries(SITES).flatMap(([host, site]) => site.cities.flatMap((c) => site.rows(c).map((text) => ({ host, text }))));

describe("corpus evidence overrules per-document guesses on lines unique to their site", () => {
  const dir = scratch();
  beforeAll(() => writeFileSync(join(dir, "all.jsonl"), toJsonl(rows)));

  it("loses the rows of figures when each page is cleaned alone (what the corpus run must fix)", async () => {
    const r = await winnow(["clean", join(dir, "all.jsonl"), "-q", "--removed", join(dir, "alone.removed.jsonl")]);
    expect(r.code).toBe(0);
    const removed = readJsonl<{ text: string; detector: string; reason: string }>(join(dir, "alone.removed.jsonl"));
    for (const row of allRows) {
      expect(removed.find((x) => x.text === row.text), row.text).toMatchObject({ detector: "classifier" });
    }
  });

  it("keeps them with --corpus in every script, and still removes the template", async () => {
    const r = await winnow(["clean", "--corpus", join(dir, "all.jsonl"), "-q", "--report", join(dir, "report.json")]);
    expect(r.code).toBe(0);
    const out = new Map<string, string>(r.stdout.trim().split("\n").map((l) => { const d = JSON.parse(l); return [d.id, d.text]; }));
    for (const [host, site] of Object.entries(SITES)) {
      site.cities.forEach((city, p) => {
        const text = out.get(`${host}/${p}`)!;
        for (const row of site.rows(city)) expect(text, host).toContain(row);
        expect(text).toContain(site.title(city));
        for (const chrome of [...site.head, ...site.foot]) expect(text.split("\n"), host).not.toContain(chrome);
      });
    }
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    expect(report.overruledByReason["classifier/boilerplate-shape"].lines).toBe(allRows.length);
    expect(report.documents[0].overruled).toEqual({ "classifier/boilerplate-shape": 2 });
  });

  it("says so in --explain and in the summary", async () => {
    const r = await winnow(["clean", "--corpus", join(dir, "all.jsonl"), "--explain"]);
    expect(r.code).toBe(0);
    const row = SITES["vestnik.example"]!.rows("Москва")[0]!;
    expect(r.stdout).toMatch(new RegExp(String.raw`^\s+\d+ keep \d\.\d\d rare on site, not classifier/boilerplate-shape\s+${row.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`, "mu"));
    const kept = /kept (\d+) lines a per-document guess would remove: rare on their site/.exec(r.stderr);
    expect(Number(kept?.[1])).toBeGreaterThanOrEqual(allRows.length);
  });

  it("never overrules lexicon chrome or comment evidence, however rare the line", async () => {
    const site = SITES["courier.example"]!;
    const extra = rows.filter((r) => r.id.startsWith("courier.example/")).map((r, p) => ({
      ...r, text: r.text.replace(site.rows(site.cities[p]!)[1]!, (m) => `${m}\n\nShare on Facebook\n\nLeave a Reply`),
    }));
    writeFileSync(join(dir, "lexicon.jsonl"), toJsonl(extra.slice(0, 1).concat(extra.slice(1).map((r) => ({ ...r, text: r.text.replace(/\n\nShare on Facebook\n\nLeave a Reply/, "") })))));
    const r = await winnow(["clean", "--corpus", join(dir, "lexicon.jsonl"), "-q", "--removed", join(dir, "lexicon.removed.jsonl")]);
    expect(r.code).toBe(0);
    const removed = readJsonl<{ text: string; detector: string; reason: string }>(join(dir, "lexicon.removed.jsonl"));
    expect(removed.find((x) => x.text === "Share on Facebook")).toMatchObject({ detector: "chrome", reason: "share" });
    expect(removed.find((x) => x.text === "Leave a Reply")).toMatchObject({ detector: "comment-widget" });
  });

  it("trusts rarity only on a page that shows its site's template (TEMPLATE_MIN_LINES = 3: 2 lines are not enough)", async () => {
    // The same pages with 2 and with 3 header lines and no footer: only the page with 3 site lines
    // may overrule the classifier.
    for (const [lines, kept] of [[2, false], [3, true]] as const) {
      const site = SITES["courier.example"]!;
      const list = site.cities.map((_, p) => ({ id: String(p), url: `https://t${lines}.example/${p}.html`, text: page(site, p, lines, false) }));
      writeFileSync(join(dir, `t${lines}.jsonl`), toJsonl(list));
      const r = await winnow(["clean", "--corpus", join(dir, `t${lines}.jsonl`), "-q"]);
      expect(r.code).toBe(0);
      const first = JSON.parse(r.stdout.split("\n")[0]!).text as string;
      expect(first.includes(site.rows("Oslo")[0]!), `${lines} template lines`).toBe(kept);
    }
  });
});

// Inline chrome reads like the article around it: a "Read more: …" link to another story, in each
// site's language. Rare on its site, it is the page's own text; a credit or teaser the site prints on
// many pages is still removed, as site boilerplate.
const TEASER: Record<string, string> = {
  "courier.example": "Read more",
  "akhbar.example": "اقرأ أيضا",
  "vestnik.example": "Читайте также",
  "xinwen.example": "相关阅读",
};
describe("corpus evidence overrules inline chrome (credits, teasers) on lines unique to their site", () => {
  const dir = scratch();
  const teaser = (host: string, p: number) => {
    const site = SITES[host]!;
    return `${TEASER[host]}: ${site.title(site.cities[(p + 1) % site.cities.length]!)}`;
  };
  const withTeasers = rows.map((r) => {
    const host = r.id.split("/")[0]!;
    const p = Number(r.id.split("/")[1]);
    const site = SITES[host]!;
    return { ...r, text: r.text.replace(site.rows(site.cities[p]!)[0]!, (m) => `${teaser(host, p)}\n\n${m}`) };
  });
  beforeAll(() => writeFileSync(join(dir, "teasers.jsonl"), toJsonl(withTeasers)));

  it("removes each teaser as chrome/teaser when the page is cleaned alone, and keeps it with --corpus", async () => {
    const alone = await winnow(["clean", join(dir, "teasers.jsonl"), "-q", "--removed", join(dir, "alone.jsonl")]);
    expect(alone.code).toBe(0);
    const removed = readJsonl<{ text: string; detector: string; reason: string }>(join(dir, "alone.jsonl"));
    const corpus = await winnow(["clean", "--corpus", join(dir, "teasers.jsonl"), "-q", "--report", join(dir, "report.json")]);
    expect(corpus.code).toBe(0);
    const out = new Map<string, string>(corpus.stdout.trim().split("\n").map((l) => { const d = JSON.parse(l); return [d.id, d.text]; }));
    for (const host of Object.keys(SITES)) {
      for (let p = 0; p < SITES[host]!.cities.length; p++) {
        expect(removed.find((x) => x.text === teaser(host, p)), teaser(host, p)).toMatchObject({ detector: "chrome", reason: "teaser" });
        expect(out.get(`${host}/${p}`)!.split("\n"), host).toContain(teaser(host, p));
      }
    }
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    expect(report.overruledByReason["chrome/teaser"].lines).toBe(withTeasers.length);
  });
});
