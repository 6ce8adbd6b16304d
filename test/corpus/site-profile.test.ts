import { describe, expect, it } from "vitest";
import { normalizeLine } from "../../src/corpus/normalize.js";
import { ProfileError, RARE_MAX_PAGES, SITE_MIN_PAGES, SITE_MIN_SHARE, SiteProfile } from "../../src/corpus/site-profile.js";

/** A site's page: its template around a unique article, in several scripts. */
function page(i: number, template: readonly string[] = TEMPLATE): string {
  return [...template.slice(0, 2), `Story ${letters(i)} happened in ${letters(i * 31 + 7)} today.`, ...template.slice(2)].join("\n");
}
/** A word unique to `n` (digits fold together in line keys, letters do not). */
function letters(n: number): string {
  let s = "";
  do { s += String.fromCharCode(97 + (n % 26)); n = Math.floor(n / 26); } while (n > 0);
  return s + "ward";
}
const TEMPLATE = [
  "Home | World | Sport",
  "Главная — Новости",
  "النشرة البريدية: اشترك الآن",
  "© 2024 Example News. 12 comments",
  "订阅我们的新闻简报",
];

describe("normalizeLine", () => {
  it.each([
    ["Posted 3 May 2024 | 12 comments", "posted 17 may 2025 · 4 comments"],
    ["© 2024 Example News.", "1999 example news"],
    ["  Главная — Новости ", "главная новости"],
    ["النشرة البريدية: اشترك الآن!", "النشرة البريدية اشترك الآن"],
    ["订阅我们的新闻简报。", "订阅我们的新闻简报"],
  ])("folds %j and %j together", (a, b) => {
    expect(normalizeLine(a)).toBe(normalizeLine(b));
  });

  it("keeps lines of only punctuation as keys", () => {
    expect(normalizeLine("* * *")).toBe("* * *");
  });
});

describe("SiteProfile", () => {
  it("flags template lines in every script and keeps the articles", () => {
    const p = new SiteProfile();
    for (let i = 0; i < 40; i++) p.addDocument("a.example", page(i));
    for (const line of TEMPLATE) expect(p.boilerplate("a.example", line)?.reason).toBe("repeated-on-site");
    expect(p.boilerplate("a.example", "© 2031 Example News. 3 comments")?.detector).toBe("site-boilerplate");
    expect(p.boilerplate("a.example", `Story ${letters(5)} happened in ${letters(162)} today.`)).toBeUndefined();
    expect(p.boilerplate("b.example", TEMPLATE[0]!)).toBeUndefined();
  });

  it("counts a page once however often it repeats a line", () => {
    const p = new SiteProfile();
    p.addDocument("s", "x\nx\nx\nx\nx");
    expect(p.count("s", "x")).toBe(1);
  });

  it("keeps a quote two articles share", () => {
    const p = new SiteProfile();
    const quote = "“We will not give up,” she said.";
    for (let i = 0; i < 40; i++) p.addDocument("s", i < 2 ? `${page(i)}\n${quote}` : page(i));
    expect(p.boilerplate("s", quote)).toBeUndefined();
  });

  describe("thresholds", () => {
    // A site of 100 pages: the share threshold binds (5 pages), then the count (4 pages).
    function withLineOn(k: number, pages: number): SiteProfile {
      const p = new SiteProfile();
      for (let i = 0; i < pages; i++) p.addDocument("s", i < k ? `${page(i, [])}\nline under test` : page(i, []));
      return p;
    }
    const share = Math.ceil(SITE_MIN_SHARE * 100);
    it("share: below / at", () => {
      expect(withLineOn(share - 1, 100).boilerplate("s", "line under test")).toBeUndefined();
      expect(withLineOn(share, 100).boilerplate("s", "line under test")?.score).toBe(share / 100);
    });
    it("count: below / at", () => {
      expect(withLineOn(SITE_MIN_PAGES - 1, SITE_MIN_PAGES - 1).boilerplate("s", "line under test")).toBeUndefined();
      expect(withLineOn(SITE_MIN_PAGES, SITE_MIN_PAGES).boilerplate("s", "line under test")).toBeDefined();
    });
    it("rare: on RARE_MAX_PAGES pages / on one more", () => {
      expect(withLineOn(RARE_MAX_PAGES, 100).context("s").siteRare!("line under test")).toBe(true);
      expect(withLineOn(RARE_MAX_PAGES + 1, 100).context("s").siteRare!("line under test")).toBe(false);
      expect(RARE_MAX_PAGES).toBeLessThan(SITE_MIN_PAGES);
    });
    it("rare: never a line the site repeats, in any script, nor on a site the profile does not know", () => {
      const p = new SiteProfile();
      for (let i = 0; i < 40; i++) p.addDocument("a.example", page(i));
      const rare = p.context("a.example").siteRare!;
      for (const line of TEMPLATE) expect(rare(line)).toBe(false);
      expect(rare(`Story ${letters(5)} happened in ${letters(162)} today.`)).toBe(true);
      expect(rare("Новая строка, которой нет нигде")).toBe(true);
      expect(rare("")).toBe(false);
      expect(p.context("b.example").siteRare).toBeUndefined();
    });
  });

  it("encodes to the same bytes whatever the page order, and round-trips", () => {
    const pages = Array.from({ length: 30 }, (_, i) => ({ site: `s${i % 3}.example`, text: page(i) }));
    const a = new SiteProfile();
    const b = new SiteProfile();
    for (const d of pages) a.addDocument(d.site, d.text);
    for (const d of [...pages].reverse()) b.addDocument(d.site, d.text);
    const bytes = a.encode();
    expect(Buffer.from(b.encode()).equals(Buffer.from(bytes))).toBe(true);
    const c = SiteProfile.decode(bytes);
    expect(Buffer.from(c.encode()).equals(Buffer.from(bytes))).toBe(true);
    expect(c.count("s1.example", TEMPLATE[0]!)).toBe(10);
    expect(c.stats()).toMatchObject({ sites: 3, pages: 30 });
  });

  it("merges shards into the profile of the whole", () => {
    const pages = Array.from({ length: 50 }, (_, i) => ({ site: `s${i % 4}`, text: page(i) }));
    const whole = new SiteProfile();
    for (const d of pages) whole.addDocument(d.site, d.text);
    const shards = [new SiteProfile(), new SiteProfile(), new SiteProfile()];
    pages.forEach((d, i) => shards[i % 3]!.addDocument(d.site, d.text));
    const merged = SiteProfile.merge(shards.map((s) => SiteProfile.decode(s.encode())).reverse());
    expect(Buffer.from(merged.encode()).equals(Buffer.from(whole.encode()))).toBe(true);
  });

  it("refuses files that are not profiles, with what to do", () => {
    expect(() => SiteProfile.decode(new TextEncoder().encode("hello world, not a profile"))).toThrow(ProfileError);
    const bytes = new SiteProfile().encode();
    bytes[8] = 99;
    expect(() => SiteProfile.decode(bytes)).toThrow(/version 99/);
    const p = new SiteProfile();
    p.addDocument("s", "a\nb");
    expect(() => SiteProfile.decode(p.encode().subarray(0, 30))).toThrow(/truncated/);
  });

  it("stays within 32 bytes of state per distinct line", () => {
    const p = new SiteProfile();
    for (let i = 0; i < 2000; i++) p.addDocument(`s${i % 5}`, Array.from({ length: 20 }, (_, j) => `line ${letters(j)} of page ${letters(i)}`).join("\n"));
    const s = p.stats();
    expect(s.lines).toBeGreaterThan(2000 * 15);
    expect(s.stateBytes / s.lines).toBeLessThanOrEqual(32);
  });
});
