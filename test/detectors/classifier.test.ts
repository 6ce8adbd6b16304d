import { describe, expect, it } from "vitest";
import {
  DIGEST_MIN_ITEMS, FORMULA_MIN_TOKENS, initialClass, isFormula, LONE_SENTENCE_MAX_PER_PAGE, meta, NUMBERED_LIST_MIN_ITEMS, PROSE_ITEM_MIN_WORDS, RECORD_MIN_FIELDS,
  TABLE_MIN_ROWS, THRESHOLDS,
} from "../../src/detectors/classifier.js";
import { cleanDocument } from "../../src/index.js";
import { lineFeatures } from "../../src/pipeline/features.js";
import { stopwordsFor } from "../../src/pipeline/language.js";
import { ARTICLE, LANGS, SCRIPT, type Lang } from "../helpers.js";

const MENUS: Record<Lang, string[]> = {
  en: ["• World", "• Business", "• Sport", "• Culture"],
  fr: ["• Monde", "• Économie", "• Sport", "• Culture"],
  de: ["• Welt", "• Wirtschaft", "• Sport", "• Kultur"],
  es: ["• Mundo", "• Economía", "• Deportes", "• Cultura"],
  ar: ["• العالم", "• اقتصاد", "• رياضة", "• ثقافة"],
  ru: ["• Мир", "• Экономика", "• Спорт", "• Культура"],
  zh: ["• 国际", "• 财经", "• 体育", "• 文化"],
  ja: ["• 国際", "• 経済", "• スポーツ", "• 文化"],
};
const HEADINGS: Record<Lang, string> = {
  en: "A service the town relies on", fr: "Un service dont la ville dépend", de: "Ein Dienst, auf den die Stadt zählt",
  es: "Un servicio del que depende la ciudad", ar: "خدمة تعتمد عليها المدينة", ru: "Служба, на которую полагается город",
  zh: "这座城市依赖的服务", ja: "町が頼りにするサービス",
};

describe(`${meta.id}`, () => {
  it("runs over Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(LANGS.map((l) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  // invalid: menus at the document edges go; valid: the article and a heading above a paragraph stay.
  it.each(LANGS)("[%s] drops edge menus, keeps the article and its heading", (lang) => {
    const [a, b, c] = ARTICLE[lang];
    const menu = MENUS[lang].join("\n");
    const doc = `${menu}\n\n${a}\n\n${HEADINGS[lang]}\n\n${b}\n\n${c}\n\n${menu}\n`;
    const d = cleanDocument(doc);
    for (const l of d.lines) {
      if (l.blank) continue;
      if (MENUS[lang].includes(l.text)) {
        expect(l.keep, l.text).toBe(false);
        expect(l.removal!.detector).toBe(meta.id);
        expect(Object.keys(meta.reasons)).toContain(l.removal!.reason);
      } else {
        expect(l.keep, l.text).toBe(true);
      }
    }
  });

  it("short lines between article paragraphs take their class", () => {
    const [a, b, c] = ARTICLE.en;
    const short = "It was a close vote.";
    const d = cleanDocument(`${a}\n\n${short}\n\n${b}\n\n${c}\n`);
    expect(d.lines.find((l) => l.text === short)!.keep).toBe(true);
  });

  it("the lengthLow boundary separates short from borderline", () => {
    const t = THRESHOLDS.balanced;
    const stop = stopwordsFor("eng");
    const at = "the council and the town of the river ".repeat(3).slice(0, t.lengthLow - 1) + "s";
    const below = at.slice(0, -2) + "s";
    expect([below.length, at.length]).toEqual([t.lengthLow - 1, t.lengthLow]);
    expect(initialClass(lineFeatures(below, 0, 1, stop), true, t)[0]).toBe("short");
    expect(initialClass(lineFeatures(at, 0, 1, stop), true, t)[0]).not.toBe("short");
  });

  it("modes order the thresholds: precise removes more than recall", () => {
    expect(THRESHOLDS.precise.lengthLow).toBeGreaterThan(THRESHOLDS.recall.lengthLow);
    expect(THRESHOLDS.precise.stopHigh).toBeGreaterThan(THRESHOLDS.recall.stopHigh);
  });
});

// A list under a sentence that announces it is the article's text, however short its items; the same
// items under a bare heading at the end of the page are a menu.
const LISTS: Partial<Record<Lang, { intro: string; heading: string; items: string[] }>> = {
  en: { intro: "The council listed the stops that the night bus will serve from next month:", heading: "Stops", items: ["1. Central Station", "2. Market Square", "3. River Bridge", "4. North Hospital"] },
  ar: { intro: "وحدد المجلس المحطات التي ستخدمها الحافلة الليلية اعتبارا من الشهر المقبل:", heading: "محطات", items: ["1. المحطة المركزية", "2. ساحة السوق", "3. جسر النهر", "4. المستشفى الشمالي"] },
  ru: { intro: "Совет назвал остановки, которые ночной автобус будет обслуживать со следующего месяца:", heading: "Остановки", items: ["1. Центральный вокзал", "2. Рыночная площадь", "3. Речной мост", "4. Северная больница"] },
  zh: { intro: "市议会公布了夜间公交从下个月起将要停靠的所有车站：", heading: "车站", items: ["1. 中央车站", "2. 市场广场", "3. 河桥", "4. 北区医院"] },
};

describe("lists introduced by a sentence", () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(LISTS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(LISTS) as Lang[])("[%s] keeps the items under the sentence (valid)", (lang) => {
    const { intro, items } = LISTS[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${intro}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of [intro, ...items]) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(LISTS) as Lang[])("[%s] drops the same items under a bare heading (invalid)", (lang) => {
    const { heading, items } = LISTS[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${heading}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// Settings explained under a sentence that announces them: each item names a setting, says in words what
// it is and gives an address, which alone would read as a URL run. A name and an address alone stay chrome.
const SETTINGS: Partial<Record<Lang, { intro: string; items: string[] }>> = {
  en: { intro: "The city publishes its timetable data through the following settings:", items: [
    "• BUS_API_URL, the address of the timetable service for the night buses, e.g. http://localhost:7500/bus-api/v1",
    "• TRAM_API_URL, the address of the timetable service for the trams, e.g. http://localhost:7500/tram-api/v1",
    "• STOP_API_URL, the address of the list of stops with their names, e.g. http://localhost:7500/stops/v1"] },
  ar: { intro: "وتنشر المدينة بيانات جدول المواعيد من خلال الإعدادات التي يجدها القارئ في القائمة التالية:", items: [
    "• BUS_API_URL، عنوان خدمة مواعيد الحافلات الليلية في المدينة، مثلا http://localhost:7500/bus-api/v1",
    "• TRAM_API_URL، عنوان خدمة مواعيد الترام في المدينة كلها، مثلا http://localhost:7500/tram-api/v1",
    "• STOP_API_URL، عنوان قائمة المحطات مع أسمائها الكاملة، مثلا http://localhost:7500/stops/v1"] },
  ru: { intro: "Город публикует данные расписания через следующие настройки:", items: [
    "• BUS_API_URL, адрес службы расписания ночных автобусов города, например http://localhost:7500/bus-api/v1",
    "• TRAM_API_URL, адрес службы расписания трамваев всего города, например http://localhost:7500/tram-api/v1",
    "• STOP_API_URL, адрес списка остановок с их полными названиями, например http://localhost:7500/stops/v1"] },
  zh: { intro: "市政府通过以下的这些设置公布了所有的时刻表数据：", items: [
    "• BUS_API_URL，夜间公交时刻表服务的地址，例如 http://localhost:7500/bus-api/v1",
    "• TRAM_API_URL，有轨电车时刻表服务的地址，例如 http://localhost:7500/tram-api/v1",
    "• STOP_API_URL，所有车站及其名称列表的地址，例如 http://localhost:7500/stops/v1"] },
};

describe("settings explained in an introduced list", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(SETTINGS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(SETTINGS) as Lang[])("[%s] keeps items that explain an address in words (valid)", (lang) => {
    const { intro, items } = SETTINGS[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${intro}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of [intro, ...items]) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  // Arabic keeps short items under an announcing sentence on their own (WORDS_ONLY): its row is below.
  it.each(["en", "ru", "zh"] as Lang[])("[%s] drops names with bare addresses under the same sentence (invalid)", (lang) => {
    const { intro } = SETTINGS[lang]!;
    const items = SETTINGS[lang]!.items.map((x) => `${x.slice(0, x.search(/[,،，]/u))} ${x.slice(x.lastIndexOf(" ") + 1)}`);
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${intro}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });

  // English items this long read as borderline text on their own, with or without the rule: no row.
  it.each(["ar", "ru", "zh"] as Lang[])("[%s] drops the explained items under a bare heading (invalid)", (lang) => {
    const { items } = SETTINGS[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${LISTS[lang]!.heading}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// A list whose items end with a full stop (steps, changelogs) is text; the same list as headlines that
// end with "?" or "!" is a teaser box.
const STEPS: Partial<Record<Lang, string[]>> = {
  en: ["• Buy a ticket at the machine.", "• Wait at the red stop sign.", "• Show the ticket to the driver."],
  ar: ["• اشتر تذكرة من الآلة.", "• انتظر عند علامة التوقف الحمراء.", "• أظهر التذكرة للسائق."],
  ru: ["• Купите билет в автомате.", "• Ждите у красного знака остановки.", "• Покажите билет водителю."],
  zh: ["• 在售票机买票。", "• 在红色站牌下等车。", "• 上车时向司机出示车票。"],
};
const asHeadlines = (items: string[]): string[] => items.map((x) => x.replace(/[.。]$/u, "?"));

describe("lists of statements", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(STEPS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(STEPS) as Lang[])("[%s] keeps items that end with a full stop (valid)", (lang) => {
    const items = STEPS[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(STEPS) as Lang[])("[%s] drops the same items as questions (invalid)", (lang) => {
    const items = asHeadlines(STEPS[lang]!);
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(false);
  });

  // A recipe's steps, each followed by its photo as the dump renders it: "…till fragrant.[DSC_0511-scaled]".
  const withPhotos = (items: string[]): string[] => items.map((x, n) => `${x}[DSC_05${n}1-scaled]`);

  it.each(Object.keys(STEPS) as Lang[])("[%s] keeps items that end with a full stop before a photo (valid)", (lang) => {
    const items = withPhotos(STEPS[lang]!);
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(STEPS) as Lang[])("[%s] drops questions before a photo (invalid)", (lang) => {
    const items = withPhotos(asHeadlines(STEPS[lang]!));
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(false);
  });

  it("a stop before a photo's file name ends a sentence; a link label or a bare number does not", () => {
    const stop = stopwordsFor("eng");
    const terminal = (t: string): boolean => lineFeatures(t, 0, 1, stop).terminal;
    expect(terminal("Stir fry to mix well.[DSC_0518-scaled]")).toBe(true);
    expect(terminal("Followed by all the seasoning.\u2063[DSC_0517]")).toBe(true);
    expect(terminal("Stir fry to mix well [DSC_0518-scaled]")).toBe(false);
    expect(terminal("1. [Politique]")).toBe(false);
    expect(terminal("Read the full story. [Accueil]")).toBe(false);
  });
});

// A run of quantities with kitchen units is a recipe's ingredient list; quantities with other units
// (race distances, results tables) are not. Bullets, since a bullet line is not vouched for by one
// article neighbour.
const INGREDIENTS: Partial<Record<Lang, [string[], string[]]>> = {
  en: [["• 100 g butter", "• 250 g flour", "• 2 tbsp sugar"], ["• 100 m final", "• 200 m final", "• 400 m final"]],
  ar: [["• 100 غرام زبدة", "• 2 ملعقة سكر", "• 1 كوب حليب"], ["• 100 متر نهائي", "• 200 متر نهائي", "• 400 متر نهائي"]],
  ru: [["• 100 г масла", "• 250 г муки", "• 2 ст. л. сахара"], ["• 100 м финал", "• 200 м финал", "• 400 м финал"]],
  zh: [["• 100 克 黄油", "• 250 克 面粉", "• 2 勺 白糖"], ["• 100 米 决赛", "• 200 米 决赛", "• 400 米 决赛"]],
};

describe("ingredient lists", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(INGREDIENTS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(INGREDIENTS) as Lang[])("[%s] keeps quantities with kitchen units, drops other quantities", (lang) => {
    const [valid, invalid] = INGREDIENTS[lang]!;
    for (const [items, kept] of [[valid, true], [invalid, false]] as const) {
      const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
      for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(kept);
    }
  });

  // Recipe cards that set a blank line between items, with ranges and mixed fractions ("1 – 1 1/2 tsp").
  const SPACED: Partial<Record<Lang, string[]>> = {
    en: ["• 1-2 tbsp oil", "• 1 – 1 1/2 tsp sugar", "• 120g noodles"],
    ar: ["• 1-2 ملعقة زيت", "• 1 – 1 1/2 ملعقة سكر", "• 2 كوب حليب"],
    ru: ["• 1-2 ст. л. масла", "• 1 – 1 1/2 ч. л. сахара", "• 120 г лапши"],
    zh: ["• 1-2 汤匙 油", "• 1 – 1 1/2 茶匙 糖", "• 120 克 面条"],
  };
  it.each(Object.keys(SPACED) as Lang[])("[%s] keeps ingredients set one blank line apart (valid), drops other quantities so set (invalid)", (lang) => {
    const [, invalid] = INGREDIENTS[lang]!;
    for (const [items, kept] of [[SPACED[lang]!, true], [invalid, false]] as const) {
      const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${items.join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`);
      for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(kept);
    }
  });

  // A part's heading ("For the dough:") one blank line above the list belongs to it; above a menu it
  // is a lone short line between menus.
  it.each(Object.keys(INGREDIENTS) as Lang[])("[%s] keeps the part heading above an ingredient list (valid), not above a menu (invalid)", (lang) => {
    const [valid] = INGREDIENTS[lang]!;
    const head = PART_HEADS[lang]!;
    for (const [items, kept] of [[valid, true], [MENUS[lang], false]] as const) {
      const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n\n${head}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
      expect(d.lines.find((l) => l.text === head)!.keep, head).toBe(kept);
    }
  });
});
// The Chinese heading ends with an ASCII colon: a full-width "：" is no sentence end in features.ts, and
// outside the article region only a line that ends like a sentence outlives its neighbours' verdict.
const PART_HEADS: Partial<Record<Lang, string>> = { en: "For the dough:", ar: "للعجينة:", ru: "Для теста:", zh: "面团材料:" };

// Entries under a reference heading are the article's text (encyclopedia and paper pages); the same
// entries under another bare heading, or menu items under a reference heading, are not.
const REFERENCES: Partial<Record<Lang, { head: string; other: string; entries: string[] }>> = {
  en: { head: "References[edit]", other: "Popular", entries: ["1. ^ Smith, John (2014). \"Night buses\"", ". City Times. Retrieved 6 May 2014.", "2. ^ Brown, Ann (2019). \"Transit maps\"", ". Retrieved 2020-10-20."] },
  ar: { head: "المراجع", other: "الأكثر قراءة", entries: ["1. ^ سمير، أحمد (2014). \"حافلات الليل\"", ". جريدة المدينة. 6 مايو 2014.", "2. ^ خالد، سارة (2019). \"خرائط النقل\"", ". 20 أكتوبر 2020."] },
  ru: { head: "Примечания", other: "Популярное", entries: ["1. ^ Иванов, Иван (2014). «Ночные автобусы»", ". Городская газета. 6 мая 2014.", "2. ^ Петрова, Анна (2019). «Карты транспорта»", ". 20 октября 2020."] },
  zh: { head: "参考文献", other: "热门", entries: ["1. ^ 王明 (2014). 《夜间公交》", ". 城市日报. 2014年5月6日.", "2. ^ 李华 (2019). 《交通地图》", ". 2020年10月20日."] },
};

describe("reference lists", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(REFERENCES).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(REFERENCES) as Lang[])("[%s] keeps the entries under a reference heading (valid)", (lang) => {
    const { head, entries } = REFERENCES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${head}\n\n${entries.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of entries) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
    for (const item of MENUS[lang]) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(false);
  });

  it.each(Object.keys(REFERENCES) as Lang[])("[%s] drops the same entries under another heading, and menus under a reference heading (invalid)", (lang) => {
    const { head, other, entries } = REFERENCES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${MENUS.en.join("\n")}\n\n${other}\n\n${entries.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of entries) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
    const m = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${head}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of MENUS[lang]) expect(m.lines.find((l) => l.text === item)!.keep, item).toBe(false);
  });
});

// A display formula between the paragraphs that explain it is borderline, not a symbol run; navigation
// arrows and pager rows, which have no relation sign, stay chrome.
const FORMULAS: Partial<Record<Lang, { titles: string[]; formulas: string[]; chrome: string[] }>> = {
  en: {
    titles: ["The quadratic formula", "The area of a cylinder", "A sum of squares"],
    formulas: ["x = − b ± √ ( b 2 − 4 a c ) / 2 a", "S = 2 π r 2 + 2 π r h", "( ∑ k = 1 n a k ) 2 ≤ n ∑ k = 1 n a k 2"],
    chrome: ["« ‹ 1 2 3 4 5 › »", "← ↑ → ↓ ← ↑ → ↓", "◀ ▶ ◀ ▶ ◀ ▶ ◀ ▶"],
  },
  ar: {
    titles: ["القانون العام للمعادلة", "مساحة الأسطوانة", "مجموع المربعات"],
    formulas: ["س = ( ص + ٢ ) × ع − ١", "م = ٢ π ر ٢ + ٢ π ر ع", "ص ≤ س + ع + ١"],
    chrome: ["« ‹ ١ ٢ ٣ ٤ ٥ › »", "← ↑ → ↓ ← ↑ → ↓", "◀ ▶ ◀ ▶ ◀ ▶ ◀ ▶"],
  },
  ru: {
    titles: ["Формула корней уравнения", "Площадь цилиндра", "Сумма квадратов"],
    formulas: ["у ( т ) = а х 2 + б х + в", "S = 2 π r 2 + 2 π r h", "( а + б ) 2 ≤ 2 а 2 + 2 б 2"],
    chrome: ["« ‹ 1 2 3 4 5 › »", "← ↑ → ↓ ← ↑ → ↓", "◀ ▶ ◀ ▶ ◀ ▶ ◀ ▶"],
  },
  zh: {
    titles: ["求根公式", "圆柱的表面积", "平方和不等式"],
    formulas: ["x = − b ± √ ( b 2 − 4 a c ) / 2 a", "S = 2 π r 2 + 2 π r h", "( a + b ) 2 ≤ 2 a 2 + 2 b 2"],
    chrome: ["« ‹ 1 2 3 4 5 › »", "← ↑ → ↓ ← ↑ → ↓", "◀ ▶ ◀ ▶ ◀ ▶ ◀ ▶"],
  },
};

describe("formulas", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(FORMULAS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  // A page of worked formulas, each under its title, one paragraph at the end (MathJax sample pages,
  // formula sheets). Without the rule the formulas read as symbol runs and take their titles with them.
  it.each(Object.keys(FORMULAS) as Lang[])("[%s] keeps formulas under their titles (valid), drops arrow rows there (invalid)", (lang) => {
    const { titles, formulas, chrome } = FORMULAS[lang]!;
    const page = (xs: string[]): string => titles.map((t, k) => `${t}\n\n${xs[k]}\n\n`).join("") + `${ARTICLE[lang][0]}\n`;
    for (const l of cleanDocument(page(formulas)).lines) if (!l.blank) expect(l.keep, l.text).toBe(true);
    const d = cleanDocument(page(chrome));
    for (const row of chrome) {
      const l = d.lines.find((x) => x.text === row)!;
      expect(l.keep, row).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });

  it("FORMULA_MIN_TOKENS separates a formula from a short equation", () => {
    const at = "a = b + c + d".split(" ").slice(0, FORMULA_MIN_TOKENS).join(" ");
    expect(at.split(" ").length).toBe(FORMULA_MIN_TOKENS);
    expect(isFormula(at)).toBe(true);
    expect(isFormula(at.split(" ").slice(0, -1).join(" "))).toBe(false);
  });
});

// A directory of contacts that a paragraph announces ("listed below") is text; the same entries after
// a paragraph that points at nothing are a footer's contact block.
const DIRECTORIES: Partial<Record<Lang, { intro: string; entries: string[] }>> = {
  en: {
    intro: "News releases should be sent to the department listed below, with the name and phone number of a person we can reach for more information.",
    entries: ["Local: metro@citypost.com or 202.555.0100", "Sports: sports@citypost.com or 202.555.0101", "Business: business@citypost.com or 202.555.0102"],
  },
  ar: {
    intro: "يجب إرسال البيانات الصحفية إلى القسم المعني المذكور أدناه، مع اسم ورقم هاتف الشخص الذي يمكن الاتصال به للحصول على مزيد من المعلومات.",
    entries: ["المحلية: metro@citypost.com أو 202.555.0100", "الرياضة: sports@citypost.com أو 202.555.0101", "الاقتصاد: business@citypost.com أو 202.555.0102"],
  },
  ru: {
    intro: "Пресс-релизы следует отправлять в соответствующий отдел редакции, указанный ниже, и обязательно указать в письме имя и номер телефона человека, с которым можно связаться для получения более подробной информации.",
    entries: ["Город: city@gorodpost.ru или 495.555.0100", "Спорт: sport@gorodpost.ru или 495.555.0101", "Экономика: economy@gorodpost.ru или 495.555.0102"],
  },
  zh: {
    intro: "新闻稿请发送至以下相应部门的邮箱，并注明联系人的姓名和电话号码，以便我们的记者在需要时与其取得联系并核实更多的信息。",
    entries: ["本地新闻：local@chengshibao.cn 或 010.555.0100", "体育新闻：sports@chengshibao.cn 或 010.555.0101", "财经新闻：business@chengshibao.cn 或 010.555.0102"],
  },
};

describe("announced directories", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(DIRECTORIES).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(DIRECTORIES) as Lang[])("[%s] keeps the entries under the paragraph that announces them (valid)", (lang) => {
    const { intro, entries } = DIRECTORIES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${intro}\n\n${entries.join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of [intro, ...entries]) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(DIRECTORIES) as Lang[])("[%s] drops the same entries after a paragraph that announces nothing (invalid)", (lang) => {
    const { entries } = DIRECTORIES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${entries.join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`);
    // The first entry stands next to the prose, whose neighbour rules may keep it; the others may not.
    for (const item of entries.slice(1)) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

/** Numbered questions with their answers; the joke list in each script. */
const QUIZ: Partial<Record<Lang, [string, string][]>> = {
  en: [["What do you call a fake noodle?", "An impasta."], ["Why are ghosts bad liars?", "You can see through them."],
    ["What do you call a funny mountain?", "Hill-arious."], ["Why do bees have sticky hair?", "They use a honeycomb."]],
  ar: [["ماذا تسمي المعكرونة المزيفة؟", "معكرونة مقلدة."], ["لماذا الأشباح كاذبون سيئون؟", "لأنك ترى من خلالهم."],
    ["ماذا تسمي الجبل المضحك؟", "تل الضحك."], ["لماذا شعر النحل لزج؟", "لأنه يستعمل المشط."]],
  ru: [["Как назвать поддельную лапшу?", "Самозванка."], ["Почему призраки плохо врут?", "Их видно насквозь."],
    ["Как назвать смешную гору?", "Горка смеха."], ["Почему у пчёл липкие волосы?", "Они причёсываются сотами."]],
  zh: [["假面条叫什么？", "冒牌面。"], ["为什么鬼不会撒谎？", "因为一眼就能看穿。"], ["好笑的山叫什么？", "一座让人发笑的小山。"], ["蜜蜂的头发为什么黏？", "因为用蜂巢梳头。"]],
};

describe("numbered question lists", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(QUIZ).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(QUIZ) as Lang[])("[%s] keeps numbered questions and the answers between them (valid)", (lang) => {
    const qa = QUIZ[lang]!;
    const list = qa.map(([q, a], n) => `${n + 12}. ${q}\n\n${a}`).join("\n\n");
    const d = cleanDocument(`${MENUS[lang].join("\n")}\n\n${list}\n\n${MENUS[lang].join("\n")}\n`);
    for (const [n, [q, a]] of qa.entries()) {
      expect(d.lines.find((l) => l.text === `${n + 12}. ${q}`)!.keep, q).toBe(true);
      expect(d.lines.find((l) => l.text === a)!.keep, a).toBe(true);
    }
  });

  it.each(Object.keys(QUIZ) as Lang[])("[%s] drops numbered questions on consecutive lines, a teaser list (invalid)", (lang) => {
    const qa = QUIZ[lang]!;
    const list = qa.map(([q], n) => `${n + 1}. ${q}`);
    const d = cleanDocument(`${MENUS[lang].join("\n")}\n\n${list.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const item of list) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// A listing of records that share their labels (an events calendar: date, venue, tickets per event) is
// the page's text; the same fields once each, a footer's contact block, are not records.
const RECORDS: Partial<Record<Lang, { intro: string; labels: [string, string, string]; values: string[][] }>> = {
  en: {
    intro: "Upcoming tastings",
    labels: ["Date", "Venue", "Tickets"],
    values: [["Friday 21 February, seven in the evening", "Rosie's Bar and Restaurant, Market Street", "sixty nine euros per person"],
      ["Saturday 29 February, seven in the evening", "The old Corn House, River Road", "sixty five euros per person"],
      ["Friday 6 March, seven in the evening", "Rock View Inn, Hill Street", "fifty eight euros per person"]],
  },
  ar: {
    intro: "الأمسيات القادمة",
    labels: ["الموعد", "المكان", "التذاكر"],
    values: [["الجمعة في المساء بعد الصلاة", "مطعم البحر في شارع السوق", "خمسون دينارا للشخص الواحد"],
      ["السبت في المساء بعد الصلاة", "بيت الثقافة في شارع النهر", "أربعون دينارا للشخص الواحد"],
      ["الخميس في المساء بعد الصلاة", "فندق الجبل في شارع التل", "ثلاثون دينارا للشخص الواحد"]],
  },
  ru: {
    intro: "Ближайшие дегустации",
    labels: ["Дата", "Место", "Вход"],
    values: [["пятница, семь часов вечера", "бар «Роза», Рыночная улица", "шестьдесят евро с человека"],
      ["суббота, семь часов вечера", "Старый амбар, Речная улица", "пятьдесят евро с человека"],
      ["четверг, семь часов вечера", "гостиница «Утёс», Горная улица", "сорок евро с человека"]],
  },
  zh: {
    intro: "近期品鉴会",
    labels: ["时间", "地点", "门票"],
    values: [["星期五晚上七点", "市场街玫瑰酒吧", "每人六十九欧元"], ["星期六晚上七点", "河边路老粮仓", "每人六十五欧元"],
      ["星期四晚上七点", "山街岩景旅馆", "每人五十八欧元"]],
  },
};

describe("labelled records", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(RECORDS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const colon = (lang: Lang): string => (lang === "zh" ? "：" : ": ");
  const page = (lang: Lang, body: string): string =>
    `${MENUS[lang].join("\n")}\n\n${ARTICLE[lang][0]}\n\n${body}\n\n${MENUS[lang].join("\n")}\n`;

  it.each(Object.keys(RECORDS) as Lang[])("[%s] keeps records that repeat their labels (valid)", (lang) => {
    const { intro, labels, values } = RECORDS[lang]!;
    const fields = values.map((v) => v.map((x, k) => `${labels[k]}${colon(lang)}${x}`));
    const d = cleanDocument(page(lang, `${intro}\n\n${fields.map((r) => r.join("\n")).join("\n\n")}`));
    for (const line of fields.flat()) expect(d.lines.find((l) => l.text === line)!.keep, line).toBe(true);
  });

  it.each(Object.keys(RECORDS) as Lang[])("[%s] drops records of RECORD_MIN_FIELDS - 1 fields (invalid)", (lang) => {
    const { intro, labels, values } = RECORDS[lang]!;
    const fields = values.map((v) => v.slice(0, RECORD_MIN_FIELDS - 1).map((x, k) => `${labels[k]}${colon(lang)}${x}`));
    const d = cleanDocument(page(lang, `${intro}\n\n${fields.map((r) => r.join("\n")).join("\n\n")}`));
    // The first record stands next to the prose, whose neighbour rules may keep it; the others may not.
    for (const line of fields.slice(1).flat()) {
      const l = d.lines.find((x) => x.text === line)!;
      expect(l.keep, line).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// The signature under an embedded post ("— Name (@handle) date") belongs to the quoted post; a profile
// line with a handle but without the embed's dash is a follow widget's.
const EMBEDS: Partial<Record<Lang, { post: string; signature: string; profile: string }>> = {
  en: { post: "#NightBus #CityBus https://t.co/x1y2z3 pic.twitter.com/abc123", signature: "— City Buses (@citybus) February 17, 2020", profile: "City Buses (@citybus) February 17, 2020" },
  ar: { post: "الحافلات الليلية تعود للعمل ابتداء من الليلة، الجدول الجديد على https://citybus.example/night", signature: "— حافلات المدينة (@citybus_ar) ١٧ فبراير ٢٠٢٠", profile: "حافلات المدينة (@citybus_ar) ١٧ فبراير ٢٠٢٠" },
  ru: { post: "Ночные автобусы снова выходят на линии с сегодняшнего вечера, расписание: https://citybus.example/night", signature: "— Городские автобусы (@citybus_ru) 17 февраля 2020 г.", profile: "Городские автобусы (@citybus_ru) 17 февраля 2020 г." },
  zh: { post: "夜间公交今晚起恢复运营，新时刻表见 https://citybus.example/night", signature: "— 城市公交 (@citybus_cn) 2020年2月17日", profile: "城市公交 (@citybus_cn) 2020年2月17日" },
};

describe("embedded post signatures", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(EMBEDS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(EMBEDS) as Lang[])("[%s] keeps the signature under an embedded post (valid), drops a profile line there (invalid)", (lang) => {
    const { post, signature, profile } = EMBEDS[lang]!;
    for (const [line, kept] of [[signature, true], [profile, false]] as const) {
      const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${post}\n\n${line}\n\n${MENUS[lang].join("\n")}\n\n${MENUS.en.join("\n")}\n`);
      expect(d.lines.find((l) => l.text === line)!.keep, line).toBe(kept);
    }
  });
});

/**
 * A title's lead over the photo block that opens the article: a credit and a row of share bullets are
 * decoration and do not count towards the region's margin, so the lead stays; two menu entries in the
 * same place are lines of their own, and the lead beyond them is chrome.
 */
const LEADS: Partial<Record<Lang, { lead: string; credit: string; links: string[] }>> = {
  en: { lead: "Councillors Ana Ruiz, Tom Berg and Lea Kim back N1, N2 and N3 night routes until 2026.", credit: "© Reuters", links: ["• Night bus timetable", "• Council agenda papers"] },
  ar: { lead: "أعضاء المجلس آنا رويز وتوم بيرغ ولي كيم يدعمون خطوط الحافلات الليلية ن1 ون2 ون3 حتى 2026.", credit: "© رويترز", links: ["• جدول الحافلات الليلية", "• أوراق جدول المجلس"] },
  ru: { lead: "Депутаты Анна Руис, Том Берг, Лея Ким поддержали ночные маршруты N1, N2, N3 до 2026 года.", credit: "© ТАСС", links: ["• Расписание ночных автобусов", "• Повестка городского совета"] },
  zh: { lead: "议员安娜·鲁伊斯、汤姆·伯格和李金支持N1、N2和N3夜间线路延续到2026年。", credit: "© 新华社", links: ["• 夜间公交时刻表", "• 市议会议程文件"] },
};

describe("a lead above the photo block", () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(LEADS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, between: string[]): string =>
    `${MENUS[lang].join("\n")}\n\n${LEADS[lang]!.lead}\n\n${between.join("\n")}\n\n${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;

  it.each(Object.keys(LEADS) as Lang[])("[%s] keeps the lead over a credit and share bullets (valid)", (lang) => {
    const { lead, credit } = LEADS[lang]!;
    const d = cleanDocument(page(lang, [credit, "•"]));
    expect(d.lines.find((l) => l.text === lead)!.keep, lead).toBe(true);
  });

  it.each(Object.keys(LEADS) as Lang[])("[%s] drops the same line over two menu entries (invalid)", (lang) => {
    const { lead, links } = LEADS[lang]!;
    const l = cleanDocument(page(lang, links)).lines.find((x) => x.text === lead)!;
    expect(l.keep, lead).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * A photo caption that names who stands where costs the region search no more than a short line: the
 * deck above it stays with the article. The same names without the marker are a long line of
 * names, chrome that parts the title from the article.
 */
const CAPTIONS: Partial<Record<Lang, { title: string; deck: string; caption: string; plain: string }>> = {
  en: {
    title: "Council keeps the night buses for another year",
    deck: "- Drivers, unions and riders welcome a second year of N1, N2 and N3 routes",
    caption: "From left: Ana Ruiz, Transport Director, Tom Berg, Union Secretary, Lea Kim, Riders Association, Omar Haddad, City Treasurer, Nina Volk, Regional Office",
    plain: "Ana Ruiz, Transport Director, Tom Berg, Union Secretary, Lea Kim, Riders Association, Omar Haddad, City Treasurer, Nina Volk, Regional Office",
  },
  ar: {
    title: "المجلس يبقي الحافلات الليلية عاما آخر",
    deck: "- يرحب السائقون والنقابات والركاب بعام ثان من خطوط ن1 ون2 ون3 التي تعمل في الليل حتى الصباح",
    caption: "من اليمين إلى اليسار: آنا رويز، مديرة النقل، توم بيرغ، أمين النقابة، لي كيم، جمعية الركاب، عمر حداد، أمين الخزينة، نينا فولك، المكتب الإقليمي",
    plain: "آنا رويز، مديرة النقل، توم بيرغ، أمين النقابة، لي كيم، جمعية الركاب، عمر حداد، أمين الخزينة، نينا فولك، المكتب الإقليمي",
  },
  ru: {
    title: "Совет сохранил ночные автобусы ещё на год",
    deck: "- Водители, профсоюзы и пассажиры приветствуют второй год маршрутов N1, N2 и N3",
    caption: "Слева направо: Анна Руис, директор транспорта, Том Берг, секретарь профсоюза, Лея Ким, ассоциация пассажиров, Омар Хаддад, казначей, Нина Волк, областное управление",
    plain: "Анна Руис, директор транспорта, Том Берг, секретарь профсоюза, Лея Ким, ассоциация пассажиров, Омар Хаддад, казначей, Нина Волк, областное управление",
  },
  zh: {
    title: "市议会将夜间公交再保留一年",
    deck: "司机、工会和乘客都欢迎N1、N2和N3夜间线路在明年继续运行到凌晨",
    caption: "从左至右：交通局长安娜·鲁伊斯、工会秘书汤姆·伯格、乘客协会李金、财务官奥马尔·哈达德、地区办公室尼娜·沃尔克",
    plain: "交通局长安娜·鲁伊斯、工会秘书汤姆·伯格、乘客协会李金、财务官奥马尔·哈达德、地区办公室尼娜·沃尔克",
  },
};

describe("photo captions", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(CAPTIONS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, caption: string): string => {
    const { title, deck } = CAPTIONS[lang]!;
    // Dumps often give a photo's caption twice (its alternative text, then the caption below it).
    return `${MENUS[lang].join("\n")}\n\n${title}\n\n${deck}\n\n${caption}\n${caption}\n\n${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;
  };

  it.each(Object.keys(CAPTIONS) as Lang[])("[%s] keeps the deck over a caption that says who stands where (valid)", (lang) => {
    const { deck, caption } = CAPTIONS[lang]!;
    expect(cleanDocument(page(lang, caption)).lines.find((l) => l.text === deck)!.keep, deck).toBe(true);
  });

  it.each(Object.keys(CAPTIONS) as Lang[])("[%s] drops it over the same names without the marker (invalid)", (lang) => {
    const { deck, plain } = CAPTIONS[lang]!;
    const l = cleanDocument(page(lang, plain)).lines.find((x) => x.text === deck)!;
    expect(l.keep, deck).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

// A digest of links, each item followed by the line that names its source, is the post's text; with
// one item fewer than DIGEST_MIN_ITEMS it is a teaser list like any other.
const DIGESTS: Partial<Record<Lang, [string, string][]>> = {
  en: [["• Night buses – what the new timetable changes", "via City Times https://citytimes.example/night"],
    ["• Bike lanes – the council's plan in five maps", "via Transit Weekly https://transit.example/bikes"],
    ["• Tram strike – unions call off Friday's walkout", "via Radio North https://radionorth.example/tram"]],
  ar: [["• الحافلات الليلية – ما الذي يغيره الجدول الجديد", "المصدر: جريدة المدينة https://citytimes.example/night"],
    ["• مسارات الدراجات – خطة المجلس في خمس خرائط", "المصدر: أسبوعية النقل https://transit.example/bikes"],
    ["• إضراب الترام – النقابات تلغي إضراب الجمعة", "المصدر: إذاعة الشمال https://radionorth.example/tram"]],
  ru: [["• Ночные автобусы – что меняет новое расписание", "Источник: Городская газета https://citytimes.example/night"],
    ["• Велодорожки – план совета на пяти картах", "Источник: Транспортный еженедельник https://transit.example/bikes"],
    ["• Забастовка трамваев – профсоюзы отменили акцию", "Источник: Радио Север https://radionorth.example/tram"]],
  zh: [["• 夜间公交 – 新时刻表带来哪些变化", "来源：城市日报 https://citytimes.example/night"],
    ["• 自行车道 – 市议会的五张规划图", "来源：交通周刊 https://transit.example/bikes"],
    ["• 电车罢工 – 工会取消周五的罢工", "来源：北方电台 https://radionorth.example/tram"]],
};

describe("link digests", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(DIGESTS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, pairs: [string, string][]): string =>
    `${MENUS[lang].join("\n")}\n\n${ARTICLE[lang][0]}\n\n${pairs.map(([a, b]) => `${a}\n\n${b}`).join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;

  it.each(Object.keys(DIGESTS) as Lang[])("[%s] keeps items with their source lines (valid)", (lang) => {
    const pairs = DIGESTS[lang]!;
    const d = cleanDocument(page(lang, pairs));
    for (const line of pairs.flat()) expect(d.lines.find((l) => l.text === line)!.keep, line).toBe(true);
  });

  it.each(Object.keys(DIGESTS) as Lang[])("[%s] drops DIGEST_MIN_ITEMS - 1 of them (invalid)", (lang) => {
    const pairs = DIGESTS[lang]!.slice(0, DIGEST_MIN_ITEMS - 1);
    const d = cleanDocument(page(lang, pairs));
    for (const line of pairs.flat()) {
      const l = d.lines.find((x) => x.text === line)!;
      expect(l.keep, line).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// A ranking (items numbered 1, 2, 3, …) under a sentence that ends with a full stop is the article's
// text; the same names numbered out of order (a menu of numbered sections, a teaser list) are not.
const RANKINGS: Partial<Record<Lang, { intro: string; names: string[] }>> = {
  en: { intro: "Here is the full list of the best night bus routes in the country.", names: ["Route N1", "Route N7", "Route N12", "Route N3", "Route N9", "Route N5"] },
  ar: { intro: "هذه هي القائمة الكاملة لأفضل خطوط الحافلات الليلية في البلاد.", names: ["الخط ن1", "الخط ن7", "الخط ن12", "الخط ن3", "الخط ن9", "الخط ن5"] },
  ru: { intro: "Вот и весь список того, что мы считаем лучшими из всех ночных маршрутов в стране.", names: ["Маршрут Н1", "Маршрут Н7", "Маршрут Н12", "Маршрут Н3", "Маршрут Н9", "Маршрут Н5"] },
  zh: { intro: "这就是我们认为在全国所有的夜间公交线路中最好的那些线路的完整名单。", names: ["东湖夜班线", "西山夜班线", "南港夜班线", "北城夜班线", "中心夜班线", "滨江夜班线"] },
};

describe("numbered rankings under a sentence", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(RANKINGS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, items: string[]): string =>
    `${MENUS[lang].join("\n")}\n\n${ARTICLE[lang][0]}\n\n${RANKINGS[lang]!.intro}\n\n${items.join("\n")}\n\n${MENUS[lang].join("\n")}\n\n${MENUS.en.join("\n")}\n`;

  it.each(Object.keys(RANKINGS) as Lang[])("[%s] keeps items numbered 1 to n (valid)", (lang) => {
    const items = RANKINGS[lang]!.names.map((x, k) => `${k + 1}. ${x}`);
    const d = cleanDocument(page(lang, items));
    for (const item of items) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(RANKINGS) as Lang[])("[%s] drops them numbered out of order, or fewer than NUMBERED_LIST_MIN_ITEMS (invalid)", (lang) => {
    const names = RANKINGS[lang]!.names;
    for (const items of [names.map((x, k) => `${(k * 3) % 7 + 1}. ${x}`), names.slice(0, NUMBERED_LIST_MIN_ITEMS - 1).map((x, k) => `${k + 1}. ${x}`)]) {
      const d = cleanDocument(page(lang, items));
      // The first item stands next to the sentence, whose neighbour rules may keep it; the others may not.
      for (const item of items.slice(1)) {
        const l = d.lines.find((x) => x.text === item)!;
        expect(l.keep, item).toBe(false);
        expect(l.removal!.detector).toBe(meta.id);
      }
    }
  });
});

// Steps of a dance or a task written as clauses without a final stop, in short lists under headings; each
// list opens with a keyword item ("• Warm-up") that reads as a menu entry and cuts the clauses off the article. The clauses are text, and the
// keyword items with them; a list of keyword items alone is a menu.
const STEP_LISTS: Partial<Record<Lang, { heads: string[]; keys: string[]; clauses: string[]; keywords: string[] }>> = {
  en: {
    heads: ["Basic turn", "Back turn"], keys: ["• Warm-up", "• Cool-down"],
    clauses: [
      "• then he leads her to the left and she turns once under his right arm",
      "• when she is back in front of him he takes her other hand and they go on",
      "• and at the end of the turn they both step back into the basic step again",
      "• after that she turns by herself while he waits for her at his place on the floor",
    ],
    keywords: ["• Salsa", "• Casino", "• Tickets", "• Playlist"],
  },
  ar: {
    heads: ["الدوران الأساسي", "الدوران الخلفي"], keys: ["• إحماء", "• تهدئة"],
    clauses: [
      "• ثم هو يأخذها إلى اليسار وهي تدور مرة واحدة تحت ذراعه كما كان من قبل",
      "• ثم هو يتركها تدور وحدها وهي لا تزال في يده حتى تعود إلى مكانها",
      "• وفي نهاية الدوران يعود كل منهما إلى الخطوة الأساسية مرة أخرى كما كان",
      "• وبعد ذلك يقف كل منهما في مكانه ثم يبدأ هو من جديد كما كان من قبل",
    ],
    keywords: ["• سالسا", "• كازينو", "• تذاكر", "• موسيقى"],
  },
  ru: {
    heads: ["Простой поворот", "Обратный поворот"], keys: ["• Разминка", "• Заминка"],
    clauses: [
      "• потом он ведёт её влево, и она один раз поворачивается под его правой рукой",
      "• когда она снова перед ним, он берёт её другую руку, и они идут дальше",
      "• а в конце поворота они оба снова возвращаются в основной шаг, как и раньше",
      "• и тогда она сама поворачивается к нему, а он ждёт её на своём месте",
    ],
    keywords: ["• Сальса", "• Казино", "• Билеты", "• Музыка"],
  },
  zh: {
    heads: ["基本转身", "反向转身"], keys: ["• 热身", "• 放松"],
    clauses: [
      "• 当她又回到他的前面时，他就拉住她的另一只手，他们一起继续往前走",
      "• 然后她就自己转过去，他也要跟着她一起转过去",
      "• 在转身结束的时候，他们两个人都再一次回到基本的舞步",
      "• 他们在这里都要停一下，然后他再从头开始跳一次",
    ],
    keywords: ["• 萨尔萨", "• 卡西诺", "• 门票", "• 歌单"],
  },
};
const stepDoc = (lang: Lang, items: string[]): string => {
  const { heads, keys } = STEP_LISTS[lang]!;
  const [a, b, c] = ARTICLE[lang];
  const lists = heads.map((h, n) => `${h}\n\n${keys[n]}\n${items[2 * n]}\n${items[2 * n + 1]}`).join("\n\n");
  return `${a}\n\n${b}\n\n${lists}\n\n${c}\n\n${MENUS[lang].join("\n")}\n`;
};

describe("lists of clauses", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(STEP_LISTS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(STEP_LISTS) as Lang[])("[%s] the clauses read as prose items", (lang) => {
    const stop = stopwordsFor(lang);
    for (const c of STEP_LISTS[lang]!.clauses) {
      const f = lineFeatures(c, 0, 1, stop);
      expect([f.words >= PROSE_ITEM_MIN_WORDS, f.stopDensity >= THRESHOLDS.balanced.stopHigh, f.terminal], c).toEqual([true, true, false]);
    }
  });

  it.each(Object.keys(STEP_LISTS) as Lang[])("[%s] keeps the clauses and the keyword items of their lists (valid)", (lang) => {
    const { keys, clauses } = STEP_LISTS[lang]!;
    const d = cleanDocument(stepDoc(lang, clauses));
    for (const item of [...keys, ...clauses]) expect(d.lines.find((l) => l.text === item)!.keep, item).toBe(true);
  });

  it.each(Object.keys(STEP_LISTS) as Lang[])("[%s] drops lists of keyword items in the same place (invalid)", (lang) => {
    const { keys, keywords } = STEP_LISTS[lang]!;
    const d = cleanDocument(stepDoc(lang, keywords));
    for (const item of [...keys, ...keywords]) {
      const l = d.lines.find((x) => x.text === item)!;
      expect(l.keep, item).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

// A results table after the article: rows of cells parted by runs of spaces, with ranks, years and times,
// and a line between rows (a relay's runners). The same layout without figures is a footer's link columns,
// which a table's weight must not pull into the article.
const TABLES: Partial<Record<Lang, { rows: string[]; columns: string[] }>> = {
  en: {
    rows: [
      "1.  Anna Ruiz  1993  River Club  13,04  s",
      "2.  Maria Lopez  1994  Town Athletics  13,24  s",
      "Relay: Ruiz, Lopez, Novak, Klein",
      "3.  Sara Novak  1993  North Runners  13,96  s",
      "4.  Eva Klein  1992  River Club  14,10  s",
      "5.  Lena Berg  1994  Town Athletics  14,32  s",
      "6.  Mia Costa  1993  North Runners  14,75  s",
    ],
    columns: [
      "About us       Contact        Careers        Newsroom       Our history",
      "Press          Advertise      Jobs           Partners       Investors",
      "Our values     Awards         Events         Gift cards     Shop",
      "Help centre    Sitemap        Archive        Newsletters    Podcasts",
      "Magazine       Events         Community      Blog           Videos",
      "Our shops      Catalogue      Brands         Outlet         Stories",
    ],
  },
  ar: {
    rows: [
      "1.  سارة أحمد  1993  نادي النهر  13,04  ث",
      "2.  مريم علي  1994  نادي المدينة  13,24  ث",
      "التتابع: أحمد، علي، حسن، سالم",
      "3.  نور حسن  1993  نادي الشمال  13,96  ث",
      "4.  هدى سالم  1992  نادي النهر  14,10  ث",
      "5.  ليلى يوسف  1994  نادي المدينة  14,32  ث",
      "6.  رنا خالد  1993  نادي الشمال  14,75  ث",
    ],
    columns: [
      "من نحن        اتصل بنا       وظائف          غرفة الأخبار     تاريخنا       فريقنا",
      "الصحافة       إعلانات        فرص العمل      الشركاء          المستثمرون    المعارض",
      "قيمنا          الجوائز        الفعاليات      بطاقات الهدايا    المتجر       المكتبة",
      "مساعدة        خريطة الموقع   الأرشيف        النشرات          البودكاست     الصور",
      "المجلة        المناسبات      المجتمع        المدونة          الفيديو       الكتب",
      "متاجرنا       الكتالوج       العلامات       التخفيضات        القصص         الهدايا",
    ],
  },
  ru: {
    rows: [
      "1.  Анна Петрова  1993  Клуб Река  13,04  сек",
      "2.  Мария Иванова  1994  Городской клуб  13,24  сек",
      "Эстафета: Петрова, Иванова, Смирнова, Козлова",
      "3.  Ольга Смирнова  1993  Северный клуб  13,96  сек",
      "4.  Ирина Козлова  1992  Клуб Река  14,10  сек",
      "5.  Елена Волкова  1994  Городской клуб  14,32  сек",
      "6.  Дарья Орлова  1993  Северный клуб  14,75  сек",
    ],
    columns: [
      "О нас          Контакты       Вакансии       Пресс-центр    Наша история",
      "Пресса         Реклама        Работа         Партнёры       Инвесторам",
      "Условия        Конфиденциальность            Куки           Доступность",
      "Помощь         Карта сайта    Архив          Рассылки       Подкасты",
      "Журнал         События        Сообщество     Блог           Видео",
      "Магазины       Каталог        Бренды         Распродажа     Истории",
    ],
  },
  zh: {
    rows: [
      "1.  王芳  1993  河畔俱乐部  13,04  秒",
      "2.  李娜  1994  城市田径队  13,24  秒",
      "接力：王芳、李娜、张敏、刘洋",
      "3.  张敏  1993  北方跑团  13,96  秒",
      "4.  刘洋  1992  河畔俱乐部  14,10  秒",
      "5.  陈静  1994  城市田径队  14,32  秒",
      "6.  杨丽  1993  北方跑团  14,75  秒",
    ],
    columns: [
      "关于我们     联系我们     招聘信息     新闻中心     发展历程     团队介绍",
      "媒体合作     广告服务     工作机会     合作伙伴     投资者关系     展会活动",
      "企业文化     荣誉奖项     活动日历     礼品卡片     网上商店     图书馆",
      "帮助中心     网站地图     历史归档     电子报      播客节目     图片中心",
      "杂志订阅     活动预告     社区论坛     官方博客     视频频道     读书会",
      "门店查询     产品目录     品牌专区     特价商品     品牌故事     会员中心",
    ],
  },
};

describe("data tables", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(TABLES).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  it.each(Object.keys(TABLES) as Lang[])("[%s] keeps a table of figures after the article, and the line between its rows (valid)", (lang) => {
    const { rows } = TABLES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${rows.join("\n")}\n\n${MENUS[lang].join("\n")}\n`);
    for (const row of rows) expect(d.lines.find((l) => l.text === row)!.keep, row).toBe(true);
  });

  it("a table needs TABLE_MIN_ROWS rows: one fewer stays chrome", () => {
    // The first TABLE_MIN_ROWS numbered rows, with the line between rows in its place.
    const all = TABLES.en!.rows;
    const rows = all.slice(0, all.findIndex((r, k) => all.slice(0, k + 1).filter((x) => /^\d/u.test(x)).length === TABLE_MIN_ROWS) + 1);
    expect(rows.filter((r) => /^\d/u.test(r)).length).toBe(TABLE_MIN_ROWS);
    const kept = (rs: string[]): boolean[] => {
      const d = cleanDocument(`${ARTICLE.en.join("\n\n")}\n\n${rs.join("\n")}\n\n${MENUS.en.join("\n")}\n`);
      return rs.map((r) => d.lines.find((l) => l.text === r)!.keep);
    };
    expect(kept(rows).every(Boolean)).toBe(true);
    expect(kept(rows.slice(0, -1)).some(Boolean)).toBe(false);
  });

  it.each(Object.keys(TABLES) as Lang[])("[%s] drops link columns without figures at the page's foot (invalid)", (lang) => {
    const { columns } = TABLES[lang]!;
    const d = cleanDocument(`${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n\n${columns.join("\n")}\n`);
    for (const row of columns) {
      const l = d.lines.find((x) => x.text === row)!;
      expect(l.keep, row).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

/**
 * A gallery's cards: a caption, the counts under the photo ("[heart_icon] 12"), the next photo's title and
 * a short sentence. The counts cost the region search nothing, so the cards stay one stretch and the short
 * sentence in it is kept; the same icons with a word ("Like", "Reply") are chrome that parts the cards.
 */
const CARDS: Partial<Record<Lang, { cards: [string, string, string][]; words: [string, string] }>> = {
  en: { cards: [
    ["My favourite corner of the flat is the window seat where I read in the morning.", "The reading corner", "I found the old chair at a flea market."],
    ["We painted the kitchen green last spring and have never regretted it since then.", "A green kitchen", "The cupboards are from my grandmother."],
    ["The balcony is small, but in the summer we eat out there almost every evening.", "Summer on the balcony", "The lamp was a gift from my sister."],
  ], words: ["Like", "Reply"] },
  ar: { cards: [
    ["ركني المفضل في الشقة هو المقعد بجانب النافذة حيث أقرأ في الصباح كل يوم.", "ركن القراءة", "وجدت الكرسي القديم في سوق مستعمل."],
    ["دهنا المطبخ باللون الأخضر في الربيع الماضي ولم نندم على ذلك أبدا منذ ذلك الحين.", "مطبخ أخضر", "الخزائن كانت لجدتي من قبل."],
    ["الشرفة صغيرة لكننا في الصيف نأكل فيها تقريبا كل مساء مع الأصدقاء والعائلة.", "الصيف على الشرفة", "المصباح هدية من أختي."],
  ], words: ["إعجاب", "رد"] },
  ru: { cards: [
    ["Мой любимый уголок в квартире — это кресло у окна, где я читаю по утрам.", "Уголок для чтения", "Старое кресло я нашла на блошином рынке."],
    ["Прошлой весной мы покрасили кухню в зелёный цвет и ни разу об этом не пожалели.", "Зелёная кухня", "Шкафы достались мне от бабушки."],
    ["Балкон маленький, но летом мы почти каждый вечер ужинаем там все вместе.", "Лето на балконе", "Лампу мне подарила сестра."],
  ], words: ["Нравится", "Ответить"] },
  zh: { cards: [
    ["我最喜欢的角落是窗边的座位，我每天早上都在那里看书。", "阅读角", "这把旧椅子是我在跳蚤市场买的。"],
    ["去年春天我们把厨房的墙壁刷成了绿色，从那以后我们一次都没有后悔过。", "绿色的厨房", "这些柜子是我奶奶留下的。"],
    ["阳台虽然很小，但是到了夏天我们几乎每天晚上都在那里吃饭聊天。", "阳台上的夏天", "这盏灯是我姐姐送的。"],
  ], words: ["赞", "回复"] },
};

describe("counts under gallery cards", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(CARDS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, counts: boolean): string => {
    const { cards, words } = CARDS[lang]!;
    const body = cards.map(([caption, title, sentence], k) =>
      `[kitchen-0${k}]\n${caption}\n[heart_icon] ${counts ? 12 + k : words[0]}\n[comment_ic] ${counts ? k : words[1]}\n${title}\n${sentence}`);
    return `${MENUS[lang].join("\n")}\n\n${body.join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;
  };

  it.each(Object.keys(CARDS) as Lang[])("[%s] keeps a card's short sentence between counts (valid)", (lang) => {
    const sentence = CARDS[lang]!.cards[0]![2];
    expect(cleanDocument(page(lang, true)).lines.find((l) => l.text === sentence)!.keep, sentence).toBe(true);
  });

  it.each(Object.keys(CARDS) as Lang[])("[%s] drops it when the icons carry words, not counts (invalid)", (lang) => {
    const sentence = CARDS[lang]!.cards[0]![2];
    const l = cleanDocument(page(lang, false)).lines.find((x) => x.text === sentence)!;
    expect(l.keep, sentence).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * An article's header: title, kicker, byline, date, then the text. The byline or the date just above the
 * article marks the header and the title over it is kept; the same title over two plain lines is
 * too far from the article for its margin.
 */
const HEADERS: Partial<Record<Lang, { title: string; kicker: string; credits: [string, string]; plain: [string, string] }>> = {
  en: { title: "Council keeps the night buses for another year", kicker: "Analysis", credits: ["By Anna Berg", "published 9 August 2012"], plain: ["Night buses", "City council"] },
  ar: { title: "المجلس يبقي الحافلات الليلية عاما آخر", kicker: "تحليل", credits: ["بقلم آنا برغ", "نشر في 9 أغسطس 2012"], plain: ["الحافلات الليلية", "المجلس البلدي"] },
  ru: { title: "Совет сохранил ночные автобусы ещё на год", kicker: "Анализ", credits: ["Автор: Анна Берг", "опубликовано 9 августа 2012"], plain: ["Ночные автобусы", "Городской совет"] },
  zh: { title: "市议会将夜间公交再保留一年", kicker: "分析", credits: ["作者：贝安娜", "2012年8月9日 发布"], plain: ["夜间公交", "市议会"] },
};

describe("titles over a byline and date", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(HEADERS).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, between: [string, string]): string => {
    const { title, kicker } = HEADERS[lang]!;
    return `${MENUS[lang].join("\n")}\n\n${title}\n\n${kicker}\n${between.join("\n")}\n\n${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;
  };

  it.each(Object.keys(HEADERS) as Lang[])("[%s] keeps the title over kicker, byline and date (valid)", (lang) => {
    const { title, credits } = HEADERS[lang]!;
    expect(cleanDocument(page(lang, credits)).lines.find((l) => l.text === title)!.keep, title).toBe(true);
  });

  it.each(Object.keys(HEADERS) as Lang[])("[%s] drops it over two lines that are neither (invalid)", (lang) => {
    const { title, plain } = HEADERS[lang]!;
    const l = cleanDocument(page(lang, plain)).lines.find((x) => x.text === title)!;
    expect(l.keep, title).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * A live ticker's entry under its time stamp, just below the article: a short full sentence that the
 * margin rescues like a borderline line. Under a bare count ("27") instead of a time it stays chrome.
 */
const TICKER: Partial<Record<Lang, string>> = {
  en: "It has started to rain hard in the city.",
  ar: "بدأ المطر يهطل بغزارة في وسط المدينة.",
  ru: "В городе начался очень сильный дождь.",
  zh: "城里现在开始下大雨了。",
};

describe("live ticker entries", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(TICKER).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, stamp: string): string =>
    `${MENUS[lang].join("\n")}\n\n${ARTICLE[lang].join("\n\n")}\n\n${stamp}\n\n${TICKER[lang]}\n\n${MENUS[lang].join("\n")}\n`;

  it.each(Object.keys(TICKER) as Lang[])("[%s] keeps the entry under its time stamp (valid)", (lang) => {
    expect(cleanDocument(page(lang, "18:27")).lines.find((l) => l.text === TICKER[lang])!.keep, TICKER[lang]).toBe(true);
  });

  it.each(Object.keys(TICKER) as Lang[])("[%s] drops it under a count (invalid)", (lang) => {
    const l = cleanDocument(page(lang, "27")).lines.find((x) => x.text === TICKER[lang])!;
    expect(l.keep, TICKER[lang]).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * Minutes numbered by agenda item: the first items are too short to anchor, the article stretch starts at
 * the first paragraph, and the chain of consecutively numbered heads brings the items above it in. Heads
 * that are not consecutive ("1.", "4.", "7.") are no outline.
 */
const MINUTES: Partial<Record<Lang, { first: string; note: string; heads: string[] }>> = {
  en: { first: "Approval of the minutes of the last meeting", note: "accepted", heads: ["Statutes", "Budget", "Next meeting"] },
  ar: { first: "اعتماد محضر الاجتماع السابق", note: "تمت الموافقة", heads: ["النظام الأساسي", "الميزانية", "الاجتماع القادم"] },
  ru: { first: "Утверждение протокола прошлого заседания", note: "принято", heads: ["Устав", "Бюджет", "Следующее заседание"] },
  zh: { first: "通过上次会议的记录", note: "已通过", heads: ["章程", "预算", "下次会议"] },
};

describe("numbered sections", () => {
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(MINUTES).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, numbers: number[]): string => {
    const { first, note, heads } = MINUTES[lang]!;
    const sections = heads.map((h, k) => `${numbers[k + 1]}. ${h}\n\n${ARTICLE[lang][k]}`);
    return `${MENUS[lang].join("\n")}\n\n${numbers[0]}. ${first}\n${note}\n\n${sections.join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`;
  };

  it.each(Object.keys(MINUTES) as Lang[])("[%s] keeps the first item of a numbered outline (valid)", (lang) => {
    const first = `1. ${MINUTES[lang]!.first}`;
    expect(cleanDocument(page(lang, [1, 2, 3, 4])).lines.find((l) => l.text === first)!.keep, first).toBe(true);
  });

  it.each(Object.keys(MINUTES) as Lang[])("[%s] drops it when the numbers do not follow each other (invalid)", (lang) => {
    const first = `1. ${MINUTES[lang]!.first}`;
    const l = cleanDocument(page(lang, [1, 4, 7, 10])).lines.find((x) => x.text === first)!;
    expect(l.keep, first).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * A full sentence alone between two menus (a section's blurb, a product's description) is kept; beside
 * a share button, naming a site service (a download, an account), or as one of more than
 * LONE_SENTENCE_MAX_PER_PAGE such sentences on the page (a teaser grid), it is chrome.
 */
const LONE: Partial<Record<Lang, { sentences: string[]; share: string; service: string }>> = {
  en: {
    sentences: ["Our lawyers give free advice to tenants in every district of the city, all year.", "The night shelter is open to anyone who has no place to sleep during the winter.",
      "Volunteers repair old bicycles and give them to the children of families in need."],
    share: "Share", service: "Download the guide to learn about the free advice we give in every district.",
  },
  ar: {
    sentences: ["يقدم محامونا نصائح مجانية للمستأجرين في كل أحياء المدينة طوال أيام السنة.", "المأوى الليلي مفتوح لكل من ليس لديه مكان للنوم خلال أشهر الشتاء الباردة.",
      "ويقوم المتطوعون بإصلاح الدراجات القديمة ثم يعطونها لأطفال العائلات التي هي في حاجة إليها."],
    share: "شارك", service: "اشترك في خدمتنا لتصلك نصائح محامينا عن السكن في كل أسبوع طوال السنة.",
  },
  ru: {
    sentences: ["Наши юристы бесплатно консультируют жильцов во всех районах города круглый год.", "Ночной приют открыт для всех, кому негде спать в холодные зимние месяцы.",
      "Волонтёры чинят старые велосипеды и дарят их детям из бедных семей города."],
    share: "Поделиться", service: "Оформите подписку и получайте советы наших юристов о жилье каждую неделю.",
  },
  zh: {
    sentences: ["我们的律师全年为全市每个区的租户提供免费的法律咨询服务。", "夜间收容所在寒冷的冬季向所有没有地方睡觉的人开放。", "志愿者们修好旧自行车，然后把它们送给城里困难家庭的孩子。"],
    share: "分享", service: "请下载我们的指南，了解我们在每个区提供的免费法律咨询服务。",
  },
};

describe("a lone sentence between chrome", () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(LONE).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, blocks: string[]): string =>
    `${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n\n${blocks.join(`\n\n${MENUS.en.join("\n")}\n\n`)}\n\n${MENUS[lang].join("\n")}\n`;
  const line = (text: string, lang: Lang, blocks: string[]) => cleanDocument(page(lang, blocks)).lines.find((l) => l.text === text)!;

  it.each(Object.keys(LONE) as Lang[])("[%s] keeps a sentence alone between two menus (valid)", (lang) => {
    const { sentences } = LONE[lang]!;
    for (const s of sentences.slice(0, LONE_SENTENCE_MAX_PER_PAGE)) expect(line(s, lang, sentences.slice(0, LONE_SENTENCE_MAX_PER_PAGE)).keep, s).toBe(true);
  });

  it.each(Object.keys(LONE) as Lang[])("[%s] drops it beside a share button, naming a site service, or one of too many (invalid)", (lang) => {
    const { sentences, share, service } = LONE[lang]!;
    expect(sentences.length).toBe(LONE_SENTENCE_MAX_PER_PAGE + 1);
    const cases: [string, string[]][] = [[sentences[0]!, [`${sentences[0]}\n${share}`]], [service, [service]], ...sentences.map((s): [string, string[]] => [s, sentences])];
    for (const [text, blocks] of cases) {
      const l = line(text, lang, blocks);
      expect(l.keep, text).toBe(false);
      expect(l.removal!.detector).toBe(meta.id);
    }
  });
});

/**
 * A short stretch of text far above the main article (a box of two paragraphs and their heading, parted
 * from the article by a "Related" head): too little evidence for a second article stretch, but two
 * anchoring paragraphs make it text, and the heading between them is kept. With one paragraph it is not.
 */
const RELATED_HEAD: Record<Lang, string> = {
  en: "Related articles", fr: "Articles similaires", de: "Ähnliche Beiträge", es: "Artículos relacionados",
  ar: "مقالات ذات صلة", ru: "Похожие статьи", zh: "相关文章", ja: "関連記事",
};

describe("a short stretch with two paragraphs", () => {
  const LANGS4: Lang[] = ["en", "ar", "ru", "zh"];
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(LANGS4.map((l) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, second: string): string => {
    const [a, , c] = ARTICLE[lang];
    // The main article: enough evidence that the box above falls under REGION_SECOND_SHARE of it.
    const main = Array.from({ length: 30 }, () => c).join("\n\n");
    return `${MENUS[lang].join("\n")}\n\n${a}\n\n${HEADINGS[lang]}?\n\n${second}\n\n${MENUS[lang].join("\n")}\n\n${RELATED_HEAD[lang]}\n\n${main}\n\n${MENUS[lang].join("\n")}\n`;
  };

  it.each(LANGS4)("[%s] keeps the heading between the two paragraphs (valid)", (lang) => {
    const head = `${HEADINGS[lang]}?`;
    expect(cleanDocument(page(lang, ARTICLE[lang][1]!)).lines.find((l) => l.text === head)!.keep, head).toBe(true);
  });

  it.each(LANGS4)("[%s] drops it over a short line instead of a paragraph (invalid)", (lang) => {
    const head = `${HEADINGS[lang]}?`;
    const l = cleanDocument(page(lang, MENUS[lang][1]!.replace("• ", ""))).lines.find((x) => x.text === head)!;
    expect(l.keep, head).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

/**
 * A quotation in English at the end of an article in another language: with the page's stopword list it
 * reads as a line of names, with English's as prose, and it stays with the article. An English menu
 * (no stopwords in either list) stays chrome.
 */
const QUOTE = "You can't solve a problem with the same thinking that created it (Albert Einstein)";
const ENGLISH_MENU = "Home Products Solutions Support Contact Careers Investors Press Blog Partners Events";

describe("English quotations in other languages", () => {
  const LANGS4: Lang[] = ["de", "ar", "ru", "zh"];
  it("cover Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(LANGS4.map((l) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const page = (lang: Lang, line: string): string =>
    `${MENUS[lang].join("\n")}\n\n${ARTICLE[lang].join("\n\n")}\n\n${line}\n\n${MENUS[lang].join("\n")}\n`;

  it.each(LANGS4)("[%s] keeps the quotation under the article (valid)", (lang) => {
    expect(cleanDocument(page(lang, QUOTE)).lines.find((l) => l.text === QUOTE)!.keep, QUOTE).toBe(true);
  });

  it.each(LANGS4)("[%s] drops an English menu there (invalid)", (lang) => {
    const l = cleanDocument(page(lang, ENGLISH_MENU)).lines.find((x) => x.text === ENGLISH_MENU)!;
    expect(l.keep, ENGLISH_MENU).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});

// A dateline (a place, a date, a dash) right above the article opens it; the same line without the dash
// after the date is a line of names and figures like a teaser's or a byline's, and stays chrome.
const DATELINES: Partial<Record<Lang, [string, string]>> = {
  en: ["MOSCOW, 3 May 2020 – Statement by Deputy Mayor Anna Ruiz at the Council Summit, Tverskaya Hall, Moscow",
    "MOSCOW, 3 May 2020, Statement by Deputy Mayor Anna Ruiz at the Council Summit, Tverskaya Hall, Moscow"],
  ar: ["القاهرة، 3 مايو 2020 - كلمة نائبة رئيس البلدية آنا رويز في قمة المجلس، قاعة التحرير، القاهرة",
    "القاهرة، 3 مايو 2020، كلمة نائبة رئيس البلدية آنا رويز في قمة المجلس، قاعة التحرير، القاهرة"],
  ru: ["МОСКВА, 3 мая 2020 — Выступление заместителя мэра Анны Руис на саммите совета, Тверской зал, Москва",
    "МОСКВА, 3 мая 2020, Выступление заместителя мэра Анны Руис на саммите совета, Тверской зал, Москва"],
  zh: ["北京 2020年5月3日——副市长安娜·鲁伊斯市议会峰会讲话，天安门会议厅，北京", "北京 2020年5月3日，副市长安娜·鲁伊斯市议会峰会讲话，天安门会议厅，北京"],
};

describe("a dateline above the article", () => {
  it("covers Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(Object.keys(DATELINES).map((l) => SCRIPT[l as Lang]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  const line = (lang: Lang, text: string) =>
    cleanDocument(`${MENUS[lang].join("\n")}\n\n${text}\n\n${ARTICLE[lang].join("\n\n")}\n\n${MENUS[lang].join("\n")}\n`).lines.find((l) => l.text === text)!;

  it.each(Object.keys(DATELINES) as Lang[])("[%s] keeps a place, a date and a dash over the article (valid)", (lang) => {
    const [dated] = DATELINES[lang]!;
    expect(line(lang, dated).keep, dated).toBe(true);
  });

  it.each(Object.keys(DATELINES) as Lang[])("[%s] drops the same line without the dash (invalid)", (lang) => {
    const [, plain] = DATELINES[lang]!;
    const l = line(lang, plain);
    expect(l.keep, plain).toBe(false);
    expect(l.removal!.detector).toBe(meta.id);
  });
});
