import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratch, toJsonl, winnow } from "../helpers/cli.js";

// A small scrape made on the fly: three sites with their own chrome (Latin, Cyrillic, Arabic), ten
// pages each with a unique story; page 900 syndicates story 5 of site a on site b; page 901 is an
// exact copy of page 12.
// Chrome that reads like prose: only the site statistics can tell it from the article.
const ABOUT = "Our reporters have covered the valley's councils, courts and schools since 1921, and we answer only to our readers";
const SITES: Record<string, string[][]> = {
  "a.example": [["Home | World | Sport | Culture", "Sign in"], ["Subscribe to our newsletter: the 5 best stories", ABOUT, "© 2024 A Media"]],
  "b.example": [["Главная — Новости — Спорт", "Войти"], ["Подпишитесь на рассылку", "Все права защищены, 2024"]],
  "c.example": [["الرئيسية | أخبار | رياضة", "تسجيل الدخول"], ["النشرة البريدية: اشترك الآن", "جميع الحقوق محفوظة 2024"]],
};
const WORDS = ["council", "river", "budget", "school", "storm", "bridge", "market", "health", "court", "energy", "harbour",
  "station", "farmers", "museum", "police", "election", "water", "union", "festival", "airport", "hospital", "train", "forest", "strike"];
/** Four paragraphs of words drawn by an LCG seeded with the story number: unique to the story. */
function story(n: number): string[] {
  let x = (n + 1) * 2654435761;
  const word = () => WORDS[(x = (Math.imul(x, 1103515245) + 12345) >>> 0) % WORDS.length];
  return Array.from({ length: 4 }, (_, p) => Array.from({ length: 28 }, word).join(" ") + ` (${n}.${p}).`);
}
function page(site: string, n: number): string {
  const [head, foot] = SITES[site]!;
  return [...head!, "", `Story ${n} of the day`, "", ...story(n).flatMap((p) => [p, ""]), ...foot!].join("\n");
}
interface Row { id: string; url: string; text: string }
const rows: Row[] = [];
Object.keys(SITES).forEach((site, s) => {
  for (let i = 0; i < 10; i++) rows.push({ id: String(10 + s * 100 + i), url: `https://${site}/2024/p${i}.html`, text: page(site, s * 100 + i) });
});
rows.push({ id: "900", url: "https://b.example/2024/copy.html", text: page("b.example", 5).replace(/Story 5 of/, "Story 5 of") });
rows.push({ id: "901", url: "https://a.example/2024/again.html", text: rows[2]!.text });

describe("corpus cleaning from the command line", () => {
  const dir = scratch();
  beforeAll(() => {
    writeFileSync(join(dir, "all.jsonl"), toJsonl(rows));
    for (const [k, part] of [rows.slice(0, 11), rows.slice(11, 22), rows.slice(22)].entries()) writeFileSync(join(dir, `shard${k}.jsonl`), toJsonl(part));
    for (const r of rows) {
      const site = new URL(r.url).host;
      mkdirSync(join(dir, "files", site), { recursive: true });
      writeFileSync(join(dir, "files", site, `${r.id}.txt`), r.text + "\n");
    }
  });

  it("removes site chrome and duplicate pages in two passes over a directory", async () => {
    const r = await winnow(["clean", "--corpus", join(dir, "files"), "-o", join(dir, "out-files"), "--report", join(dir, "files.json"), "-q"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const a = readFileSync(join(dir, "out-files", "a.example", "13.txt"), "utf8");
    expect(a).not.toMatch(/Home \| World|newsletter|A Media|Sign in|Our reporters/);
    expect(a).toContain(story(3)[1]);
    expect(readdirSync(join(dir, "out-files", "b.example")).sort()).not.toContain("900.txt");
    expect(readdirSync(join(dir, "out-files", "a.example")).sort()).not.toContain("901.txt");
    const report = JSON.parse(readFileSync(join(dir, "files.json"), "utf8"));
    expect(report.corpus.clusters).toEqual([
      { kept: "a.example/12.txt", dropped: [{ id: "a.example/901.txt", reason: "exact-duplicate-page", similarity: 1 }] },
      { kept: "a.example/15.txt", dropped: [{ id: "b.example/900.txt", reason: "exact-duplicate-page", similarity: 1 }] },
    ]);
    expect(report.corpus.siteProfile).toMatchObject({ sites: 3, pages: 32 });
    expect(report.removedByReason["site-boilerplate/repeated-on-site"].lines).toBeGreaterThanOrEqual(10); // ABOUT at least
  });

  it("gives the same output and report whatever the order of the inputs", async () => {
    const orders = [["shard0", "shard1", "shard2"], ["shard2", "shard0", "shard1"], ["shard1", "shard2", "shard0"]];
    const results: string[] = [];
    for (const [k, order] of orders.entries()) {
      const out = join(dir, `order${k}`);
      const r = await winnow(["clean", "--corpus", ...order.map((s) => join(dir, `${s}.jsonl`)), "-o", out, "--report", join(dir, `order${k}.json`), "-q"]);
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, `order${k}.json`), "utf8"));
      // Per-document rows come in input order; everything else must be the same.
      report.documents.sort((x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1));
      results.push(JSON.stringify({ files: [0, 1, 2].map((s) => readFileSync(join(out, `shard${s}.jsonl`), "utf8")), report }));
    }
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(JSON.parse(results[0]!).report.corpus.clusters.map((c: { kept: string }) => c.kept)).toEqual(["12", "15"]);
  });

  it("takes the site of a directly named file from its directory, and the same copies for any order", async () => {
    const trees: string[] = [];
    for (const [k, order] of [["a", "b", "c"], ["c", "a", "b"]].entries()) {
      const out = join(dir, `dirs${k}`);
      const r = await winnow(["clean", "--corpus", ...order.map((s) => join(dir, "files", `${s}.example`)), "-o", out, "-q"]);
      expect(r.code).toBe(0);
      trees.push(JSON.stringify(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), "utf8")])));
    }
    expect(trees[1]).toBe(trees[0]);
    const files = JSON.parse(trees[0]!).map((e: string[]) => e[0]);
    expect(files).not.toContain("900.txt");
    expect(files).toContain("15.txt");
    expect(trees[0]).not.toContain("Home | World");
  });

  it("learns a profile, merges shard profiles into the same bytes, and cleans stdin in one go with it", async () => {
    const whole = join(dir, "whole.profile");
    expect((await winnow(["learn", join(dir, "all.jsonl"), "-o", whole, "-q"])).code).toBe(0);
    for (let k = 0; k < 3; k++) expect((await winnow(["learn", "-", "-o", join(dir, `s${k}.profile`), "-q"], { stdin: readFileSync(join(dir, `shard${k}.jsonl`)) })).code).toBe(0);
    const merged = join(dir, "merged.profile");
    const m = await winnow(["learn", "--merge", join(dir, "s2.profile"), join(dir, "s0.profile"), join(dir, "s1.profile"), "-o", merged]);
    expect(m.code).toBe(0);
    expect(m.stderr).toMatch(/merged 32 pages of 3 sites/);
    expect(readFileSync(merged).equals(readFileSync(whole))).toBe(true);

    const twoPass = await winnow(["clean", "--corpus", join(dir, "all.jsonl"), "-q", "--report", join(dir, "two.json")]);
    const viaStdin = await winnow(["clean", "--dedup-pages", "--profile", merged, "-q", "--report", join(dir, "stdin.json")], { stdin: readFileSync(join(dir, "all.jsonl")) });
    expect(twoPass.code).toBe(0);
    expect(viaStdin).toEqual(twoPass);
    // The reports differ only in where each document was read from.
    const withoutPaths = (f: string) => {
      const r = JSON.parse(readFileSync(join(dir, f), "utf8"));
      for (const d of r.documents) delete d.path;
      return r;
    };
    expect(withoutPaths("stdin.json")).toEqual(withoutPaths("two.json"));
    expect(twoPass.stdout.split("\n").filter(Boolean)).toHaveLength(30);
  });

  it("cleans each document alone unless asked (and --no-… subtracts from --corpus)", async () => {
    for (const args of [[], ["--corpus", "--no-dedup-pages", "--no-site-boilerplate"]]) {
      const r = await winnow(["clean", join(dir, "all.jsonl"), ...args, "-q"]);
      expect(r.code).toBe(0);
      const ids = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l).id);
      expect(ids).toHaveLength(32);
      expect(ids).toContain("900");
      expect(ids).toContain("901");
    }
  });

  it("refuses --resume with passes whose outputs depend on every input", async () => {
    const r = await winnow(["clean", "--corpus", "--resume", join(dir, "all.jsonl"), "-o", join(dir, "never")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^winnow: --resume cannot be combined with corpus passes/);
  });

  it("drops long paragraphs another page keeps with --cross-doc-paragraphs", async () => {
    const extra = { id: "950", url: "https://c.example/x.html", text: page("c.example", 250) + "\n\n" + story(101)[2] };
    writeFileSync(join(dir, "xp.jsonl"), toJsonl([...rows, extra]));
    const r = await winnow(["clean", "--corpus", join(dir, "xp.jsonl"), "--cross-doc-paragraphs", "--removed", join(dir, "xp-removed.jsonl"), "-q"]);
    expect(r.code).toBe(0);
    const removed = readFileSync(join(dir, "xp-removed.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(removed.filter((x) => x.detector === "cross-doc-paragraph")).toEqual([
      expect.objectContaining({ id: "950", reason: "kept-on-other-page", ref: "111", text: story(101)[2] }),
    ]);
  });

  it("refuses a file that is not a profile, before writing anything", async () => {
    writeFileSync(join(dir, "bad.profile"), "not a profile at all");
    const r = await winnow(["clean", join(dir, "all.jsonl"), "--profile", join(dir, "bad.profile")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`winnow: --profile ${join(dir, "bad.profile")}: not a winnow site profile (it does not start with WNWSPROF); make one with \`winnow learn\`\n`);
    const m = await winnow(["learn", "--merge", join(dir, "bad.profile"), "-o", join(dir, "never.profile")]);
    expect(m.code).toBe(2);
    expect(() => readFileSync(join(dir, "never.profile"))).toThrow();
  });

  it("rejects thresholds outside 0..1", async () => {
    const r = await winnow(["clean", "--near-dup", "1.5"]);
    expect(r).toMatchObject({ code: 2, stderr: 'winnow: --near-dup takes a number from 0 to 1 (got "1.5")\n' });
  });
});
