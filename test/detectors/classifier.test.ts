import { describe, expect, it } from "vitest";
import { initialClass, meta, THRESHOLDS } from "../../src/detectors/classifier.js";
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
