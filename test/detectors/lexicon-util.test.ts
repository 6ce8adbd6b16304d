import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lexicon as chromeLexicon } from "../../src/detectors/chrome.js";
import { lexicon as commentLexicon } from "../../src/detectors/comment-widget.js";
import { foldUnit, Lexicon, literalStart, type Phrases } from "../../src/detectors/lexicon-util.js";

/**
 * The gate in front of the lexicon regexes may skip a regex only when it cannot match: `Phrases.test`
 * must answer what `regex.test` answers, for every line. Checked three ways: the case folding it rests
 * on, for every code point; lines built from the real lexicons' phrases, mangled, in many scripts; and
 * small tables.
 */

const LEXICONS: [string, Lexicon][] = [["chrome", chromeLexicon], ["comment-widget", commentLexicon]];
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const escapeClass = (s: string) => s.replace(/[\\\]\[^-]/g, "\\$&");

describe("lexicon gate: case folding", () => {
  it("every character the /iu flag takes for a phrase character folds alike (all code points)", () => {
    const phraseChars = new Set<string>();
    for (const [, lex] of LEXICONS) for (const f of lex.families) for (const p of f.phrases) for (const ch of p) if (ch !== " ") phraseChars.add(ch);
    const chars = [...phraseChars];
    const any = new RegExp(`^[${chars.map(escapeClass).join("")}]$`, "iu");
    const each = chars.map((ch) => [ch, new RegExp(`^${escapeRegex(ch)}$`, "iu")] as const);
    const bad: string[] = [];
    let equivalents = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!any.test(c)) continue;
      for (const [p, re] of each) {
        if (!re.test(c)) continue;
        equivalents++;
        // The gate reads UTF-16 units: an astral character equal to a phrase character would escape it.
        if (cp > 0xffff || foldUnit(cp) !== foldUnit(p.charCodeAt(0))) bad.push(`U+${cp.toString(16)} ~ ${p}`);
      }
    }
    expect(bad).toEqual([]);
    // Not vacuous: each phrase character matches itself, cased ones their capitals too, and the odd ones (Kelvin sign, long s).
    expect(equivalents).toBeGreaterThan(chars.length);
    expect(foldUnit(0x212a)).toBe(foldUnit("k".charCodeAt(0)));
    expect(foldUnit(0x17f)).toBe(foldUnit("s".charCodeAt(0)));
  });

  it("every white space unit folds to a space (the gate reads a run of them as one)", () => {
    for (let u = 0; u <= 0xffff; u++) if (/\s/u.test(String.fromCharCode(u))) expect(foldUnit(u), `U+${u.toString(16)}`).toBe(0x20);
  });
});

/** Noise in several scripts, white space of several kinds, decoration a dump leaves around menu items. */
const NOISE = ["", "the", "Mehr", "article", "über", "مقال", "статья", "新闻", "ニュース", "기사", "12", "2024", "…", "::", "»", "©", "ſ", "K", "İ", "ß", "ẞ", "µ", "x", "ς", "\u00a0", "e\u0301", "😀"];
const SPACES = [" ", "  ", "\t", "\u00a0", "\u3000", " \u2028 ", "\ufeff"];
const DECOR = ["", "• ", "» ", "- ", "(", "[", "| ", "# ", " : ", "— ", "*"];
const TRAIL = ["", ":", " 12", " »", "!", "?", "...", " (3)", " -", "*"];

/** A phrase as a dump might spell it: random capitals, odd case variants, other white space. */
function mangle(phrase: string, caseBits: number[], spaces: number[]): string {
  let out = "";
  let k = 0;
  for (const ch of phrase) {
    if (ch === " ") out += SPACES[spaces[k++ % spaces.length]! % SPACES.length];
    else {
      const bit = caseBits[out.length % caseBits.length]!;
      out += ch === "k" && bit === 2 ? "\u212a" : ch === "s" && bit === 2 ? "\u017f" : bit % 2 === 1 ? ch.toUpperCase() : ch;
    }
  }
  return out;
}

for (const [name, lex] of LEXICONS) {
  describe(`lexicon gate: ${name}`, () => {
    const phrases = lex.families.flatMap((f) => f.phrases);
    const line = fc
      .record({
        before: fc.oneof(fc.constantFrom(...DECOR), fc.constantFrom(...NOISE).map((n) => n + " ")),
        phrase: fc.constantFrom(...phrases),
        caseBits: fc.array(fc.nat(2), { minLength: 1, maxLength: 6 }),
        spaces: fc.array(fc.nat(6), { minLength: 1, maxLength: 4 }),
        glue: fc.constantFrom("", " ", "", ": ", " | "),
        after: fc.oneof(fc.constantFrom(...TRAIL), fc.array(fc.constantFrom(...NOISE), { maxLength: 3 }).map((w) => w.join(" ")), fc.string({ maxLength: 6 })),
      })
      .map(({ before, phrase, caseBits, spaces, glue, after }) => before + mangle(phrase, caseBits, spaces) + glue + after);

    it("gate false ⇒ the family's regex does not match (lines made of its phrases plus noise)", () => {
      // A global regex (counted with String#match) keeps state in `test`: judge with a stateless copy.
      const judges = new Map(lex.families.map((f) => [f, new RegExp(f.regex.source, f.regex.flags.replace("g", ""))]));
      let matched = 0;
      let skipped = 0;
      fc.assert(
        fc.property(fc.oneof(line, line.map((l) => l.trim()), fc.string({ unit: "grapheme", maxLength: 30 })), (l) => {
          lex.prepare(l);
          for (const f of lex.families) {
            const hit = judges.get(f)!.test(l);
            if (hit) matched++;
            if (!f.mayMatch(l)) {
              skipped++;
              if (hit) return false;
            }
            if (!f.regex.global && f.test(l) !== hit) return false;
          }
          return true;
        }),
        { numRuns: 3000 },
      );
      // Not vacuous: the lines do match families, and the gate does skip regexes.
      expect(matched).toBeGreaterThan(1000);
      expect(skipped).toBeGreaterThan(1000);
    });
  });
}

describe("lexicon gate: hand-written regexes of the chrome lexicon", () => {
  // Agency credits, network names, author roles, section heads: regexes gated by the literal starts
  // of their alternatives (Lexicon.custom). Each line matches one of them; the gate must let it through.
  const lines = ["Getty Images", "TebNad/Shutterstock.com", "picture-alliance/dpa", "AP Photo/Jane Doe", "Фото: ТАСС", "РИА Новости", "iStockphoto",
    "Facebook Twitter WhatsApp", "فيس بوك تويتر", "微博 微信", "Freier Autor in Berlin", "Senior Editor with a focus on energy", "корреспондент в Москве",
    "The latest news", "Articoli correlati", "Weitere Beiträge aus der Kolumne", "Die meistgelesenen Artikel", "أحدث الأخبار"];
  it.each(lines)("%j", (line) => {
    chromeLexicon.prepare(line);
    const custom = chromeLexicon.families.filter((f) => new RegExp(f.regex.source, f.regex.flags.replace("g", "")).test(line));
    expect(custom.length).toBeGreaterThan(0);
    for (const f of custom) expect(f.mayMatch(line)).toBe(true);
  });
});

describe("lexicon gate: tables", () => {
  const lex = new Lexicon();
  const share = lex.wholeLine(["share this", "x", "分享", "شارك", "поделиться"]);
  const start = lex.lineStart(["previous article", "上一篇"]);
  const any = lex.anywhere(["all rights reserved", "版权所有", "все права защищены", "جميع الحقوق محفوظة", "同意", "à la une"]);
  const decorated = lex.wholeLine(["(c) news", "-30-"]);

  const cases: [string, boolean, Phrases][] = [
    ["Share this", true, share],
    ["• SHARE   THIS »", true, share],
    ["share\u00a0\u3000this:", true, share],
    ["ſhare this", true, share],
    ["X", true, share],
    ["分享", true, share],
    ["» شارك", true, share],
    ["ПОДЕЛИТЬСЯ (3)", true, share],
    ["Shared values", false, share],
    ["Please share this with friends", false, share],
    ["Previous  ArticleThe mayor resigns", true, start],
    ["上一篇：市图书馆延长开放时间", true, start],
    ["The previous article said", false, start],
    ["© 2024 Example. All Rights\tReserved.", true, any],
    ["版权所有 © 新闻网", true, any],
    ["Все права защищены.", true, any],
    ["جميع الحقوق محفوظة للموقع", true, any],
    ["用户同意条款", true, any],
    ["Voir À \t LA une", true, any],
    ["No rights were reserved here", false, any],
    ["(c) News", true, decorated],
    ["-30-", true, decorated],
  ];
  it.each(cases)("%j matches: %s", (text, expected, family) => {
    lex.prepare(text);
    expect(family.regex.test(text)).toBe(expected);
    expect(family.test(text)).toBe(expected);
    if (expected) expect(family.mayMatch(text)).toBe(true);
  });

  it("skips regexes on lines that hold none of the family's phrases", () => {
    const text = "The council met on Tuesday to discuss the budget.";
    lex.prepare(text);
    expect([share, start, any].map((f) => f.mayMatch(text))).toEqual([false, false, false]);
    // Phrases that begin with leading decoration ("(c)", "-30-") are never skipped.
    expect(decorated.mayMatch(text)).toBe(true);
  });

  it("answers with the regex for a line other than the prepared one", () => {
    lex.prepare("Something else");
    expect(share.mayMatch("Share this")).toBe(true);
    expect(share.test("Share this")).toBe(true);
  });

  it("literalStart keeps what every match of a fragment spells", () => {
    expect(["istock(?:photo)?", String.raw`getty\s?images`, "picture[ -]alliance", "ap photo", "colou?r", "тасс"].map(literalStart)).toEqual(["istock", "getty", "picture", "ap photo", "colo", "тасс"]);
    expect(() => literalStart("(?:a|b)")).toThrow();
  });

  it("gates anywhere families only when asked to", () => {
    const quiet = new Lexicon({ scanAnywhere: false });
    const word = quiet.anywhere(["cookie"]);
    const text = "No such word";
    quiet.prepare(text);
    expect(word.mayMatch(text)).toBe(true);
    expect(word.test(text)).toBe(false);
  });
});
