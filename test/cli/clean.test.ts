import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanText } from "../../src/index.js";
import { scratch, winnow } from "../helpers/cli.js";

// Two pages whose second paragraph is captured twice: any cleaner must drop the copy.
const PAGE_FR = [
  "Le Conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, après un long débat.",
  "",
  "Les travaux de la nouvelle médiathèque commenceront au printemps et dureront environ deux ans, selon la mairie.",
  "",
  "Les travaux de la nouvelle médiathèque commenceront au printemps et dureront environ deux ans, selon la mairie.",
  "",
].join("\n");
const PAGE_AR = [
  "أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتطعيم تستمر أسبوعين في جميع المحافظات.",
  "وقال المتحدث باسم الوزارة إن الحملة تستهدف الأطفال دون سن الخامسة في المدن والقرى.",
  "وقال المتحدث باسم الوزارة إن الحملة تستهدف الأطفال دون سن الخامسة في المدن والقرى.",
  "",
].join("\n");

describe("winnow clean", () => {
  const dir = scratch();
  const input = join(dir, "in");
  beforeAll(() => {
    mkdirSync(join(input, "site-a"), { recursive: true });
    writeFileSync(join(input, "site-a", "fr.txt"), PAGE_FR);
    writeFileSync(join(input, "ar.txt"), PAGE_AR);
    writeFileSync(join(input, "ignored.html"), "<p>not an input</p>");
  });

  it("mirrors a directory under -o, writes the report and the removed lines", async () => {
    const out = join(dir, "out");
    const r = await winnow(["clean", input, "-o", out, "--report", join(dir, "r.json"), "--removed", join(dir, "rm.jsonl")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(["ar.txt", "site-a", "site-a/fr.txt"]);
    expect(readFileSync(join(out, "site-a", "fr.txt"), "utf8")).toBe(cleanText(PAGE_FR));
    expect(readFileSync(join(out, "ar.txt"), "utf8")).toBe(cleanText(PAGE_AR));

    const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    expect(report.tool.name).toBe("winnow");
    expect(report.totals).toMatchObject({ documents: 2, errors: 0 });
    expect(report.totals.removedLines).toBeGreaterThanOrEqual(2);
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(["ar.txt", "site-a/fr.txt"]);
    expect(report.bySite["site-a"].documents).toBe(1);
    expect(Object.keys(report.byLanguage).sort()).toEqual(["arb", "fra"]);

    const removed = readFileSync(join(dir, "rm.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(removed.length).toBe(report.totals.removedLines);
    const copy = removed.find((row: { id: string }) => row.id === "site-a/fr.txt");
    expect(copy).toMatchObject({ line: 5, detector: expect.any(String), reason: expect.any(String) });
    expect(copy.text).toBe(PAGE_FR.split("\n")[4]);
    expect(r.stderr).toMatch(/cleaned 2 documents/);
  });

  it("cleans stdin to stdout in a pipe", async () => {
    const r = await winnow(["clean"], { stdin: PAGE_FR });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(cleanText(PAGE_FR));
  });

  it("is quiet with -q and byte-identical from run to run", async () => {
    const a = await winnow(["clean", input, "-q"]);
    const b = await winnow(["clean", input, "-q"]);
    expect(a.stderr).toBe("");
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(cleanText(PAGE_AR) + cleanText(PAGE_FR));
  });

  it("keeps every JSONL field but the text as it came, from .jsonl.gz to stdout and to -o", async () => {
    const rows = [
      `{"id":"b","url":"https://www.example.org/x","n":1.50,"text":${JSON.stringify(PAGE_FR)},"tags":["a","b"]}`,
      `{"text":${JSON.stringify(PAGE_AR)},"id":"a","extra":{"text":"nested"}}`,
    ];
    const gz = join(dir, "shard.jsonl.gz");
    writeFileSync(gz, gzipSync(rows.join("\n") + "\n"));
    const r = await winnow(["clean", gz, "-q"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toEqual([
      `{"id":"b","url":"https://www.example.org/x","n":1.50,"text":${JSON.stringify(cleanText(PAGE_FR))},"tags":["a","b"]}`,
      `{"text":${JSON.stringify(cleanText(PAGE_AR))},"id":"a","extra":{"text":"nested"}}`,
    ]);
    const out = join(dir, "jsonl-out");
    expect((await winnow(["clean", gz, "-o", out, "-q"])).code).toBe(0);
    expect(gunzipSync(readFileSync(join(out, "shard.jsonl.gz"))).toString("utf8")).toBe(r.stdout);
  });

  it("sniffs JSONL on stdin and honours --text-field and --id-field", async () => {
    const stdin = `{"doc":"x1","body":${JSON.stringify(PAGE_FR)}}\n`;
    const r = await winnow(["clean", "--text-field", "body", "--id-field", "doc", "--report", join(dir, "r2.json")], { stdin });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ doc: "x1", body: cleanText(PAGE_FR) });
    expect(JSON.parse(readFileSync(join(dir, "r2.json"), "utf8")).documents[0].id).toBe("x1");
  });

  it("reports a missing input, still cleans the others, and exits 2", async () => {
    const out = join(dir, "partial");
    const r = await winnow(["clean", join(dir, "missing.txt"), join(input, "ar.txt"), "-o", out, "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(dir, "missing.txt")}: cannot read input: no such file or directory\n`);
    expect(readFileSync(join(out, "ar.txt"), "utf8")).toBe(cleanText(PAGE_AR));
  });

  it("refuses to write over its input", async () => {
    const r = await winnow(["clean", input, "-o", input, "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write over the input/);
    expect(readFileSync(join(input, "ar.txt"), "utf8")).toBe(PAGE_AR);
  });

  it("explains every line with its decision", async () => {
    const r = await winnow(["clean", "--explain", "-q"], { stdin: PAGE_FR });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^== <stdin> \(id stdin, fra\)$/m);
    expect(r.stdout).toMatch(/^ {4}5 DROP .* [a-z-]+\/[a-z-]+ +Les travaux/m);
    expect(r.stdout).toMatch(/^ {4}1 keep /m);
  });

  it("rejects bad options with a one-line message and exit 2", async () => {
    const r = await winnow(["clean", "--max-removed-ratio", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--max-removed-ratio'/);
    const lang = await winnow(["clean", "--lang", "French"], { stdin: "x" });
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('winnow: --lang takes an ISO 639 code such as fr, fra, ar or arb (got "French")\n');
    expect(existsSync(join(dir, "nothing"))).toBe(false);
  });
});

describe("winnow clean reads a file in pieces", () => {
  const dir = scratch();

  it("cleans a text file larger than one read (1 MiB) as it cleans the same bytes from stdin", async () => {
    // About 1.2 MiB of distinct paragraphs, with two-byte letters straddling the read boundaries.
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join("\n").length < 900_000; i++) {
      paragraphs.push(`Le paragraphe ${i} décrit la séance du conseil municipal où l'élu numéro ${i * 7} a présenté le budget.`, PAGE_AR.split("\n")[i % 2]!);
    }
    const text = paragraphs.join("\n") + "\n";
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 ** 20);
    writeFileSync(join(dir, "long.txt"), text);
    const fromFile = await winnow(["clean", join(dir, "long.txt"), "-q", "--max-doc-bytes", "8M"]);
    const fromStdin = await winnow(["clean", "-q", "--max-doc-bytes", "8M"], { stdin: text });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.stdout.length).toBeGreaterThan(400_000);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
  }, 90_000); // two runs over 1.2 MiB: 2-4 s idle, 30 s once at load 11
});
