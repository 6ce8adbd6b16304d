import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratch, winnow } from "../helpers/cli.js";

// --jobs only changes where documents are cleaned: output, report, removed lines and messages must
// be the same bytes for any number of worker threads (STYLE.md, determinism).

const WORDS: Record<string, string[]> = {
  en: "the council voted on tuesday evening budget for next year after a long debate about schools roads and housing".split(" "),
  fr: "le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine après un long débat".split(" "),
  ru: "городской совет во вторник вечером утвердил бюджет города на следующий год после долгих споров".split(" "),
  ar: "أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتطعيم تستمر أسبوعين في جميع المحافظات".split(" "),
  zh: "市议会 周二 晚上 通过了 明年的 城市 预算 经过 长时间 辩论 学校 道路 住房".split(" "),
};
const CHROME = ["Home | News | Sport | Contact", "Share on Facebook", "Leave a comment", "© 2024 Example Media. All rights reserved.", "Read more"];

/** A small deterministic generator (no Math.random: the test data must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function page(r: () => number, lang: string): string {
  const words = WORDS[lang]!;
  const sentence = () => Array.from({ length: 8 + Math.floor(r() * 20) }, () => words[Math.floor(r() * words.length)]).join(" ") + ".";
  const paragraphs = Array.from({ length: 2 + Math.floor(r() * 6) }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, sentence).join(" "));
  const lines = [CHROME[0]!, "", ...paragraphs.flatMap((p) => [p, ""])];
  if (r() < 0.5) lines.push(paragraphs[0]!, ""); // a repeated paragraph
  if (r() < 0.5) lines.push(CHROME[2]!, CHROME[1]!);
  lines.push(CHROME[3]!, CHROME[4]!);
  return lines.join(r() < 0.2 ? "\r\n" : "\n") + (r() < 0.8 ? "\n" : "");
}

describe("--jobs", () => {
  const dir = scratch();
  const jsonl = join(dir, "corpus.jsonl");
  const tree = join(dir, "tree");
  let stdin = "";

  beforeAll(() => {
    const r = rng(7);
    const langs = Object.keys(WORDS);
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) {
      const lang = langs[i % langs.length]!;
      rows.push(JSON.stringify({ id: `doc-${i}`, url: `https://site${i % 7}.example/${i}.html`, text: page(r, lang), n: i }));
      if (i === 123) rows.push("{not json");
      if (i === 321) rows.push(`{"id":"no-text"}`);
    }
    stdin = rows.join("\n") + "\n";
    writeFileSync(jsonl, stdin);
    for (let i = 0; i < 60; i++) {
      const sub = join(tree, `site${i % 4}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `page-${String(i).padStart(3, "0")}.txt`), page(r, langs[i % langs.length]!));
    }
    writeFileSync(join(tree, "shard.jsonl"), rows.slice(0, 50).join("\n") + "\n");
  });

  async function cleanWith(jobs: number, extra: string[] = []) {
    const tag = `j${jobs}${extra.join("")}`.replace(/[^a-z0-9]/gi, "");
    const report = join(dir, `report-${tag}.json`);
    const removed = join(dir, `removed-${tag}.jsonl`);
    const r = await winnow(["clean", "--jobs", String(jobs), "--report", report, "--removed", removed, ...extra], { stdin });
    return { ...r, report: readFileSync(report, "utf8"), removed: readFileSync(removed, "utf8") };
  }

  it("writes the same output, report, removed lines and messages from stdin with 1, 2 and 3 threads", async () => {
    const one = await cleanWith(1, ["--on-error", "pass"]);
    expect(one.code).toBe(2); // the two bad lines
    expect(one.stdout.split("\n").length).toBe(403);
    expect(one.stdout).toContain("\n{not json\n"); // passed through, in place
    expect(JSON.parse(one.report).totals).toMatchObject({ documents: 400, errors: 2 });
    expect(one.removed.length).toBeGreaterThan(0);
    for (const jobs of [2, 3]) {
      const many = await cleanWith(jobs, ["--on-error", "pass"]);
      expect(many.code).toBe(one.code);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
      expect(many.report).toBe(one.report);
      expect(many.removed).toBe(one.removed);
    }
  });

  it("mirrors a directory tree under -o identically with 1 and 2 threads", async () => {
    const outs = [];
    for (const jobs of [1, 2]) {
      const out = join(dir, `out-${jobs}`);
      const r = await winnow(["clean", tree, "-o", out, "-j", String(jobs), "--report", join(out + ".json")]);
      expect(r.code).toBe(0);
      const files = readdirSync(out, { recursive: true }).map(String).sort();
      outs.push({ stderr: r.stderr, report: readFileSync(out + ".json", "utf8"), files: files.map((f) => [f, f.endsWith("txt") || f.endsWith("jsonl") ? readFileSync(join(out, f), "utf8") : ""]) });
    }
    expect(outs[0]!.files.length).toBe(65); // 4 site directories, 60 pages, the shard
    expect(outs[1]).toEqual(outs[0]);
  });

  it("gives the same --explain and check output with 1 and 2 threads", async () => {
    const input = stdin.split("\n").slice(0, 40).join("\n");
    const explain1 = await winnow(["clean", "--explain", "-q", "-j", "1"], { stdin: input });
    const explain2 = await winnow(["clean", "--explain", "-q", "-j", "2"], { stdin: input });
    expect(explain1.code).toBe(0);
    expect(explain1.stdout).toMatch(/^== <stdin>:1 \(id doc-0, /m);
    expect(explain2.stdout).toBe(explain1.stdout);
    const check1 = await winnow(["check", "-j", "1", jsonl]);
    const check2 = await winnow(["check", "-j", "2", jsonl]);
    expect(check1.code).toBe(2);
    expect(check1.stdout).toMatch(/corpus\.jsonl:\d+:\d+: [a-z-]+\/[a-z-]+: /);
    expect(check2).toEqual(check1);
  });

  it("ends quietly when the reader of stdout goes away early", async () => {
    // `winnow clean | head -c 100` with workers still busy and stdin still open must not hang.
    const { spawn } = await import("node:child_process");
    const { BIN } = await import("../helpers/cli.js");
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "clean", "-q", "-j", "2"], { stdio: ["pipe", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (b: Buffer) => { stderr += b.toString(); });
      child.stdout.once("data", () => child.stdout.destroy());
      child.stdin.on("error", () => undefined);
      child.stdin.write(stdin); // and never end it
      child.on("close", (code) => done({ code, stderr }));
    });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace (the bad line 125 may or may not be reported)
  });

  it("rejects a --jobs that is not a whole number from 1", async () => {
    for (const bad of ["0", "-1", "1.5", "many"]) {
      const r = await winnow(["clean", "--jobs", bad], { stdin: "x" });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`winnow: -j/--jobs takes a whole number of threads from 1 to 256 (got "${bad}")\n`);
    }
  });
});
