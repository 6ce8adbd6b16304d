import iconv from "iconv-lite";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { inProcess, run, scratch } from "../helpers/spawn-winnow.js";
import { TEXTS, type LegacyEncoding } from "../helpers/texts.js";

/**
 * The torture set: one input per way a scrape dump goes wrong, built here on the fly. Each case runs
 * alone through the real bin (message, exit code, output), and then all together, where every
 * readable input must come out exactly as it did alone.
 */
const root = scratch();
const dir = join(root, "in");

const LEGACY: Record<LegacyEncoding, string> = { "windows-1252": "fr", "windows-1256": "ar", "koi8-r": "ru", gb18030: "zh" };

function longJsonl(): Buffer {
  // A 50 MB line between two good ones, written without building a 50 MB JS string twice.
  const head = Buffer.from('{"id":"ok-1","text":"first"}\n{"id":"huge","text":"');
  const body = Buffer.alloc(50 * 1_000_000, 0x61);
  return Buffer.concat([head, body, Buffer.from('"}\n{"id":"ok-2","text":"second"}\n')]);
}

function gz(lines: number): Buffer {
  return gzipSync(Array.from({ length: lines }, (_, i) => JSON.stringify({ id: i + 1, text: `Ligne ${i + 1} de l'article.` })).join("\n") + "\n");
}

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Buffer) => {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), data);
  };
  for (const [enc, lang] of Object.entries(LEGACY) as [LegacyEncoding, string][]) {
    put(`utf8/${lang}.txt`, TEXTS[enc]);
    put(`legacy/${lang}-${enc}.txt`, iconv.encode(TEXTS[enc], enc));
  }
  put("odd/empty.txt", "");
  put("odd/whitespace.txt", " \n\t\n  \n");
  // Line breaks and BOMs, on a real paragraph text (a cleaner keeps article text, not test stubs);
  // each is compared with the plain LF, BOM-less UTF-8 twin, whatever the cleaner does.
  const lines = TEXTS["windows-1252"].split("\n");
  put("odd/crlf.txt", lines.map((l, i) => l + (i % 3 === 2 ? "\r" : "\r\n")).join(""));
  put("twin/crlf.txt", lines.join("\n") + "\n");
  put("odd/bom-utf8.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXTS["windows-1252"])]));
  put("odd/bom-utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXTS["windows-1252"], "utf16le")]));
  put("odd/empty.jsonl", "");
  put("bad/binary.txt", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), Buffer.alloc(500, 7)]));
  put("bad/nul.txt", Buffer.from("text with a\0NUL near the start\n"));
  put("bad/malformed.jsonl", [
    '{"id":"a","text":"good one"}',
    '{"id":"b","text":"unterminated',
    '{"id":"c","body":"no text field"}',
    '{"id":"d","text":42}',
    '["not", "an", "object"]',
    Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]).toString("latin1"),
    '{"id":"e","text":"good two"}',
  ].map((l) => Buffer.from(l, "latin1")).reduce((a, b) => Buffer.concat([a, b, Buffer.from("\n")]), Buffer.alloc(0)));
  const full = gz(3_000);
  put("bad/truncated.jsonl.gz", full.subarray(0, Math.floor(full.length / 2)));
  const corrupt = Buffer.from(full);
  // A damaged CRC-32: gzip notices corruption only at the end of a member, so damage inside the
  // deflate data first shows up as malformed lines (each reported), then as this same error.
  corrupt[corrupt.length - 6]! ^= 0xff;
  put("bad/corrupt.jsonl.gz", corrupt);
  put("bad/truncated.txt.gz", gzipSync(TEXTS["windows-1252"]).subarray(0, 40));
  put("big/long.jsonl", longJsonl());
  put("big/large.txt", Buffer.alloc(3 * 2 ** 20, 0x62));
  put("ids/hostile.jsonl", [
    JSON.stringify({ id: "../../../../tmp/winnow-escaped", text: "id with dots" }),
    JSON.stringify({ id: "/etc/passwd", text: "absolute id" }),
  ].join("\n") + "\n");
  mkdirSync(join(dir, "links"));
  writeFileSync(join(dir, "links/real.txt"), "Un vrai fichier.\n");
  symlinkSync(".", join(dir, "links/loop")); // a directory loop: not followed
  symlinkSync("self.txt", join(dir, "links/self.txt")); // a link to itself
});

interface Case {
  args: string[];
  code: number;
  /** stderr lines that are errors or warnings, exactly (the summary line is not compared). */
  messages: string[];
}

const errorLines = (stderr: string) => stderr.split("\n").filter((l) => /^(error|warning|winnow: (interrupted|stopped))/.test(l));

async function check(c: Case): Promise<void> {
  const r = await run(["clean", ...c.args], { cwd: dir });
  expect(errorLines(r.stderr)).toEqual(c.messages);
  expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  expect(r.code).toBe(c.code);
}

describe("torture cases, one by one", () => {
  it("legacy encodings clean to the same text as their UTF-8 originals", async () => {
    for (const [enc, lang] of Object.entries(LEGACY)) {
      const a = await run(["clean", `utf8/${lang}.txt`], { cwd: dir });
      const b = await run(["clean", `legacy/${lang}-${enc}.txt`, "--report", `../report-${lang}.json`], { cwd: dir });
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(b.stdout.toString("utf8")).toBe(a.stdout.toString("utf8"));
      expect(a.stdout.length).toBeGreaterThan(0);
      const report = JSON.parse(readFileSync(join(root, `report-${lang}.json`), "utf8"));
      expect(report.encodings).toEqual({ [enc]: 1 });
      expect(report.documents[0].encoding).toMatch(new RegExp(`^${enc} \\(detected \\d+%\\)$`));
    }
  });

  it("--encoding forces a decoder", async () => {
    const r = await run(["clean", "legacy/ru-koi8-r.txt", "--encoding", "koi8-r"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe((await run(["clean", "utf8/ru.txt"], { cwd: dir })).stdout.toString());
    await check({ args: ["odd/crlf.txt", "--encoding", "klingon"], code: 2, messages: [] });
    // JSONL is UTF-8 unless --encoding says otherwise; then every line is decoded with it.
    const record = JSON.stringify({ id: "fr", text: TEXTS["windows-1252"] }) + "\n";
    writeFileSync(join(root, "latin.jsonl"), iconv.encode(record, "windows-1252"));
    const bad = await run(["clean", join(root, "latin.jsonl")]);
    expect(bad.code).toBe(2);
    expect(errorLines(bad.stderr)[0]).toMatch(/latin\.jsonl:1: not valid UTF-8 at byte \d+ of the line; line skipped/);
    const forced = await run(["clean", join(root, "latin.jsonl"), "--encoding", "windows-1252"]);
    writeFileSync(join(root, "utf8.jsonl"), record);
    expect(forced.code).toBe(0);
    expect(forced.stdout.toString("utf8")).toBe((await run(["clean", join(root, "utf8.jsonl")])).stdout.toString("utf8"));
  });

  it("empty and whitespace-only inputs pass through with exit 0", async () => {
    await check({ args: ["odd/empty.txt", "odd/whitespace.txt", "odd/empty.jsonl"], code: 0, messages: [] });
  });

  it("CRLF and lone CR end lines; output uses LF", async () => {
    const r = await run(["clean", "odd/crlf.txt"], { cwd: dir });
    const twin = await run(["clean", "twin/crlf.txt"], { cwd: dir });
    expect(r.stdout.toString()).toBe(twin.stdout.toString());
    expect(r.stdout.toString()).toContain("Le maire a défendu");
    expect(r.stdout.includes(0x0d)).toBe(false);
  });

  it("byte-order marks are read and dropped; output is UTF-8", async () => {
    const twin = (await run(["clean", "utf8/fr.txt"], { cwd: dir })).stdout.toString("utf8");
    expect(twin).toContain("Le maire a défendu");
    expect((await run(["clean", "odd/bom-utf8.txt"], { cwd: dir })).stdout.toString("utf8")).toBe(twin);
    expect((await run(["clean", "odd/bom-utf16le.txt"], { cwd: dir })).stdout.toString("utf8")).toBe(twin);
  });

  it("binary files are skipped with a message", async () => {
    await check({ args: ["bad/binary.txt", "bad/nul.txt"], code: 2, messages: [
      "error: bad/binary.txt: binary data (NUL byte at offset 8); skipped (not a text file)",
      "error: bad/nul.txt: binary data (NUL byte at offset 11); skipped (not a text file)",
    ] });
  });

  it("malformed JSONL lines are reported as path:line and skipped, or passed through", async () => {
    const messages = [
      "error: bad/malformed.jsonl:2: malformed JSON (Unterminated string in JSON at position 30); line skipped",
      'error: bad/malformed.jsonl:3: no "text" field (fields: "id", "body"); choose one with --text-field; line skipped',
      'error: bad/malformed.jsonl:4: field "text" is a number, expected a string; line skipped',
      "error: bad/malformed.jsonl:5: expected a JSON object on each line; line skipped",
      "error: bad/malformed.jsonl:6: not valid UTF-8 at byte 9 of the line; line skipped (JSONL is UTF-8; for a legacy encoding use --encoding)",
    ];
    await check({ args: ["bad/malformed.jsonl"], code: 2, messages });
    const skip = await run(["clean", "bad/malformed.jsonl"], { cwd: dir });
    expect(skip.stdout.toString().split("\n").filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(["a", "e"]);
    const pass = await run(["clean", "bad/malformed.jsonl", "--on-error=pass"], { cwd: dir });
    const lines = pass.stdout.toString().split("\n");
    expect(lines.length).toBe(8);
    expect(lines[2]).toBe('{"id":"c","body":"no text field"}');
  });

  it("truncated or corrupt gzip keeps what was read before the fault and names the offset", async () => {
    const r = await run(["clean", "bad/truncated.jsonl.gz", "bad/corrupt.jsonl.gz", "bad/truncated.txt.gz"], { cwd: dir });
    const msgs = errorLines(r.stderr);
    expect(msgs).toHaveLength(3);
    expect(msgs[0]).toMatch(/^error: bad\/truncated\.jsonl\.gz: gzip data is corrupt or truncated at compressed byte \d+ \(unexpected end of file\); the lines before it were kept$/);
    expect(msgs[1]).toMatch(/^error: bad\/corrupt\.jsonl\.gz: gzip data is corrupt or truncated at compressed byte \d+ \(.+\); the lines before it were kept$/);
    expect(msgs[2]).toMatch(/^error: bad\/truncated\.txt\.gz: gzip data is corrupt or truncated at compressed byte 40 \(unexpected end of file\); skipped$/);
    expect(r.code).toBe(2);
    const ids = r.stdout.toString().split("\n").filter(Boolean).map((l) => JSON.parse(l).id as number);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids[0]).toBe(1);
  });

  it("a line or file over --max-doc-bytes is skipped without being buffered; the next one is cleaned", async () => {
    const r = await run(["clean", "big/long.jsonl", "big/large.txt", "--max-doc-bytes", "2M"], { cwd: dir });
    expect(errorLines(r.stderr)).toEqual([
      "error: big/long.jsonl:2: line is 50000023 bytes, over --max-doc-bytes (2 MiB); line skipped (raise the limit to clean it)",
      "error: big/large.txt: document is larger than --max-doc-bytes (2 MiB); skipped (raise the limit to clean it)",
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout.toString().split("\n").filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(["ok-1", "ok-2"]);
    await check({ args: ["big/large.txt", "--max-doc-bytes", "lots"], code: 2, messages: [] });
  });

  it("ids are never used as paths: hostile ids stay inside the record", async () => {
    const r = await run(["clean", "ids/hostile.jsonl", "-o", "../out-ids"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, "out-ids"))).toEqual(["hostile.jsonl"]);
    expect(existsSync("/tmp/winnow-escaped")).toBe(false);
  });

  it("symbolic link loops are not followed; a link to itself is reported", async () => {
    await check({ args: ["links", "-o", "../out-links"], code: 2, messages: [
      "error: links/self.txt: cannot read: too many levels of symbolic links; skipped",
    ] });
    expect(readdirSync(join(root, "out-links"))).toEqual(["real.txt"]);
  });

  it("an output directory reached through a symbolic link leading outside -o is refused", async () => {
    const input = join(root, "esc-in");
    mkdirSync(join(input, "site"), { recursive: true });
    writeFileSync(join(input, "site/a.txt"), TEXTS["koi8-r"]);
    writeFileSync(join(input, "b.txt"), TEXTS["windows-1252"]);
    const out = join(root, "out-escape");
    mkdirSync(out);
    mkdirSync(join(root, "outside"));
    symlinkSync(join(root, "outside"), join(out, "site"));
    await check({ args: [input, "-o", out], code: 2, messages: [
      `error: ${join(input, "site/a.txt")}: ${join(out, "site")} leads outside ${out} (through a symbolic link); refusing to write there`,
    ] });
    expect(readdirSync(join(root, "outside"))).toEqual([]);
    expect(readFileSync(join(out, "b.txt"), "utf8")).toBe((await run(["clean", join(input, "b.txt")])).stdout.toString("utf8"));
    expect(readFileSync(join(out, "b.txt"), "utf8")).toContain("Le maire a défendu");
  });

  it("an output that cannot be written is reported; the other inputs are written", async () => {
    const input = join(root, "blocked-in");
    mkdirSync(join(input, "site"), { recursive: true });
    writeFileSync(join(input, "site/a.txt"), TEXTS["koi8-r"]);
    writeFileSync(join(input, "z.txt"), TEXTS["windows-1252"]);
    const out = join(root, "out-blocked");
    mkdirSync(out);
    writeFileSync(join(out, "site"), "a file where a directory should be");
    const r = await run(["clean", input, "-o", out]);
    expect(errorLines(r.stderr)).toEqual([
      `error: ${join(input, "site/a.txt")}: cannot write ${join(out, "site/a.txt")}: a part of the path is a file, not a directory`,
    ]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, "z.txt"), "utf8")).toBe((await run(["clean", join(input, "z.txt")])).stdout.toString("utf8"));
    expect(readFileSync(join(out, "z.txt"), "utf8")).toContain("Le maire a défendu");
  });
});

describe("torture set, all at once", () => {
  it("reports each bad input once and cleans every other input exactly as it would be alone", async () => {
    const all = await run(["clean", "utf8", "legacy", "odd", "bad", "big", "ids", "links", "-o", "../out-all", "--max-doc-bytes", "2M"], { cwd: dir });
    expect(all.code).toBe(2);
    expect(all.stderr).not.toMatch(/\n\s+at /);
    const files: [string, string][] = [];
    for (const top of ["utf8", "legacy", "odd", "bad", "big", "ids", "links"]) { // not twin/: same names as odd/
      for (const name of readdirSync(join(dir, top)).sort()) if (!name.startsWith("loop")) files.push([top, name]);
    }
    // Each input alone, in-process (same code as the bin, without 25 Node start-ups).
    const alone: string[] = [];
    for (const [i, [top, name]] of files.entries()) {
      const r = await inProcess(["clean", `${top}/${name}`, "-o", `../out-one-${i}`, "--max-doc-bytes", "2M"], dir);
      const one = join(root, `out-one-${i}`, name);
      const together = join(root, "out-all", name);
      expect(existsSync(together), name).toBe(existsSync(one));
      if (existsSync(one)) expect(readFileSync(together), name).toEqual(readFileSync(one));
      alone.push(...errorLines(r.stderr));
    }
    // Same problems, named by the same path:line (a file named on the command line says "cannot
    // read input" where one found in a directory says "cannot read": compare where, not wording).
    const where = (lines: string[]) => lines.map((l) => l.split(": ").slice(0, 2).join(": ")).sort();
    expect(where(errorLines(all.stderr))).toEqual(where(alone));
    expect(alone.length).toBeGreaterThanOrEqual(11);
  });
});
