import { describe, expect, it } from "vitest";
import { duplicateKey, meta } from "../../src/detectors/exact-duplicate.js";
import { cleanDocument } from "../../src/index.js";
import { ARTICLE, LANGS, SCRIPT } from "../helpers.js";

describe(`${meta.id}`, () => {
  it("runs over Latin, Arabic, Cyrillic and CJK", () => {
    expect(new Set(LANGS.map((l) => SCRIPT[l]))).toEqual(new Set(["Latin", "Arabic", "Cyrillic", "CJK"]));
  });

  // invalid: a paragraph repeated later, with other case, spacing and punctuation, goes; the first stays.
  it.each(LANGS)("[%s] removes the repeated paragraph and keeps the first", (lang) => {
    const [a, b, c] = ARTICLE[lang];
    const again = `  ${a!.toUpperCase().replace(/[,.،。、]/g, "")}  `;
    const d = cleanDocument(`${a}\n\n${b}\n\n${c}\n\n${again}\n`);
    expect(d.lines[0]!.keep).toBe(true);
    const last = d.lines[6]!;
    expect(last.keep).toBe(false);
    expect(last.removal).toMatchObject({ detector: meta.id, reason: "repeated-paragraph", ref: 1 });
  });

  // valid: distinct paragraphs all stay.
  it.each(LANGS)("[%s] keeps distinct paragraphs", (lang) => {
    const d = cleanDocument(ARTICLE[lang].join("\n\n"));
    expect(d.lines.every((l) => l.keep)).toBe(true);
  });

  it("lines of punctuation only are never duplicates of each other", () => {
    expect(duplicateKey("* * *")).toBe("");
    expect(duplicateKey("Hello, World!")).toBe(duplicateKey("hello world"));
    expect(duplicateKey("決めた。事業の")).toBe(duplicateKey("決めた事業の"));
  });

  it("a copy whose original was removed stands in for it", () => {
    // The first copy sits in chrome above the article (removed there); the second, above the text, stays.
    const title = "Council keeps the night bus for another year";
    const banner = "We use cookies to measure our audience and to show you offers. By continuing to browse this site you accept the use of cookies for these purposes, as described in our cookie policy, which you can read at any time.";
    const doc = `Skip to content\n${title}\nShare on Facebook\n${banner}\n\n${title}\n\n${ARTICLE.en.join("\n\n")}\n`;
    const d = cleanDocument(doc);
    const copies = d.lines.filter((l) => l.text === title);
    expect(copies.map((l) => l.keep)).toEqual([false, true]);
  });
});
