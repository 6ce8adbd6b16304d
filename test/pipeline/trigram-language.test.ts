import fc from "fast-check";
import { franc } from "franc-min";
import { describe, expect, it } from "vitest";
import { detectTrigramLanguage } from "../../src/pipeline/trigram-language.js";
import { ARTICLE, LANGS } from "../helpers.js";

// detectTrigramLanguage promises franc-min's own answer, only faster: compare the two.
describe("detectTrigramLanguage", () => {
  it("gives franc's answer on article text in every test language, whole and in pieces", () => {
    for (const lang of LANGS) {
      const text = ARTICLE[lang].join("\n");
      for (const len of [5, 10, 11, 40, 120, 400, 1024, 3000]) {
        const sample = text.repeat(3).slice(0, len);
        expect(detectTrigramLanguage(sample), `${lang} ${len}`).toBe(franc(sample));
      }
    }
  });

  it("gives franc's answer on mixed scripts, digits, punctuation and empty input", () => {
    for (const sample of ["", "1234567890123", "!!!???...,,,;;;", "Hello мир مرحبا 世界 こんにちは", "   \n\t  x  ", "ÀÉÎÕÜ àéîõü ÇçÑñ ß", "İstanbul'da ISTANBUL istanbul"]) {
      expect(detectTrigramLanguage(sample), JSON.stringify(sample)).toBe(franc(sample));
    }
  });

  it("gives franc's answer on samples with astral code points and lone surrogates", () => {
    // The script counts read surrogate pairs as one code point (rare Han, emoji, mathematical letters).
    for (const sample of ["𠀀𠀁𠀂𠀃𠀄𠀅 漢字の本", "𠀀𠀁𠀂𠀃𠀄 ひらがなカタカナ", "😀😀😀 hello there friends 😀", "\ud800\ud800 lone \udc00 surrogates here \ud83d", "𝐇𝐞𝐥𝐥𝐨 𝐰𝐨𝐫𝐥𝐝 Hello world again", "𞤀𞤁𞤂 𐐀𐐁𐐂 Adlam and Deseret"]) {
      expect(detectTrigramLanguage(sample), JSON.stringify(sample)).toBe(franc(sample));
    }
  });

  it("gives franc's answer on generated text", () => {
    const words = [...LANGS.flatMap((l) => ARTICLE[l].join(" ").split(/\s+/)), "123", "—", "!?", "\n", "😀", "𠀀", "\ud800"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 200 }), fc.string({ maxLength: 30 }), (ws, noise) => {
      const sample = ws.join(" ") + noise;
      expect(detectTrigramLanguage(sample)).toBe(franc(sample));
    }), { numRuns: 300 });
  });
});
