import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duplicateKey } from "../../src/detectors/exact-duplicate.js";
import { endsSentence, endsTruncated, SEGMENT_CHUNK, tokenize } from "../../src/pipeline/features.js";
import { letterWords } from "../../src/pipeline/language.js";
import { ARTICLE, LANGS } from "../helpers.js";

// tokenize and duplicateKey read Unicode properties from a table (src/pipeline/char-props.ts) instead
// of matching regular expressions. These are the regular-expression definitions they replace: the
// table versions must give the same answer on every input.
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
function tokenizeByRegex(text: string): string[] {
  const lower = text.toLowerCase();
  if (!NO_SPACE_SCRIPT.test(lower)) return lower.match(WORD) ?? [];
  const out: string[] = [];
  for (let i = 0; i < lower.length; i += SEGMENT_CHUNK) {
    for (const w of segmenter.segment(lower.slice(i, i + SEGMENT_CHUNK))) if (w.isWordLike) out.push(w.segment);
  }
  return out;
}
function duplicateKeyByRegex(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, "");
}

/** The inputs (of `texts`) where either function differs from its regular-expression definition. */
function differing(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) {
    if (tokenize(text).join("\u0000") !== tokenizeByRegex(text).join("\u0000") || duplicateKey(text) !== duplicateKeyByRegex(text)) out.push(text);
  }
  return out;
}
function expectSame(text: string): void {
  expect(tokenize(text), JSON.stringify(text)).toEqual(tokenizeByRegex(text));
  expect(duplicateKey(text), JSON.stringify(text)).toBe(duplicateKeyByRegex(text));
}

describe("table-driven tokenize and duplicateKey", () => {
  it("agree with the regular expressions around every BMP code unit, lone surrogates included", () => {
    function* texts(): Generator<string> {
      for (let c = 0; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        yield `Ab${ch}c'd ${ch}`;
        yield `${ch}x-${ch}${ch}`;
      }
    }
    expect(differing(texts())).toEqual([]);
  });

  it("agree on astral code points: emoji, mathematical letters and digits, rare Han", () => {
    for (const ch of ["😀", "𝐀", "𝟘", "𠀀", "𐐀", "🇩🇪"]) expectSame(`Ab${ch}c ${ch}x ${ch}`);
  });

  it("agree on article text in every test language, and on text needing NFC or special casing", () => {
    for (const lang of LANGS) for (const line of ARTICLE[lang]) expectSame(line);
    for (const s of ["Cafe\u0301 au lait", "İstanbul", "ὈΔΥΣΣΕΎΣ ΣΑΣ", "ǄEMAL ǅemal", "Straße STRASSE ẞ", "a\u200db\ufeffc", "don't -stop- ’tis"]) expectSame(s);
  });

  it("agree on generated text", () => {
    const pieces = [...LANGS.flatMap((l) => ARTICLE[l].join(" ").split(/\s+/)), " ", "'", "’", "-", "\u0301", "😀", "\ud800", "\udc00", "。"];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 40 }), (ps) => {
      expectSame(ps.join(""));
    }), { numRuns: 500 });
  });

  it("sentence ends and truncation marks agree with their regular expressions", () => {
    const TERMINAL = /[.!?…。！？؟۔।:;][\s"'“”«»‘’)\]）」』】]*$/u;
    const TRUNCATED = /(?:\.\.\.|…)\s*[\])]?$/u;
    const pieces = [..."abc1 .!?…。！？؟۔।:;\"'“”«»‘’)]）」』】|»›/•·><«‹←→–(\u00a0\u3000\t\n"];
    pieces.push("...", "😀", "\ud800", "word", "—");
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (ps) => {
      const t = ps.join("");
      expect(endsSentence(t), JSON.stringify(t)).toBe(TERMINAL.test(t));
      expect(endsTruncated(t), JSON.stringify(t)).toBe(TRUNCATED.test(t));
    }), { numRuns: 20000 });
  });
});

describe("table-driven letter runs (the language vote's words)", () => {
  const LETTERS = /\p{L}+/gu;
  const same = (text: string) => expect(letterWords(text), JSON.stringify(text)).toEqual(text.match(LETTERS) ?? []);

  it("agree with /\\p{L}+/gu around every BMP code unit, lone surrogates included", () => {
    const differs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`Ab${ch}c'd ${ch}`, `${ch}x-${ch}${ch}`]) {
        if (letterWords(text).join("\u0000") !== (text.match(LETTERS) ?? []).join("\u0000")) differs.push(text);
      }
    }
    expect(differs).toEqual([]);
  });

  it("agree on astral code points, marks, and lower-cased text whose length changed", () => {
    for (const ch of ["😀", "𝐀", "𝟘", "𠀀", "𐐀", "🇩🇪", "\u0301"]) same(`Ab${ch}c ${ch}x ${ch}`);
    for (const s of ["İstanbul".toLowerCase(), "ὈΔΥΣΣΕΎΣ ΣΑΣ".toLowerCase(), "a\u200db\ufeffc", "wp-config.php a1b2c3", "", "123 !!"]) same(s);
  });

  it("agree on generated text", () => {
    const pieces = [...LANGS.flatMap((l) => ARTICLE[l].join(" ").split(/\s+/)), " ", "'", "-", "1", "\u0301", "😀", "\ud800", "\udc00", "。"];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 40 }), (ps) => {
      same(ps.join("").toLowerCase());
    }), { numRuns: 500 });
  });
});
