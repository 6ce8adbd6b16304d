import fc from "fast-check";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { decodeDocument } from "../../src/io/decode.js";
import { isProblem, readInput, type ReadItem } from "../../src/io/read.js";
import { cleanText } from "../../src/index.js";

/**
 * Properties of the whole path from bytes to cleaned text: it never throws, whatever the input,
 * and cleaning only removes: every line written is a line that was read (trailing blanks aside).
 * 1,000 cases for decode + clean, 1,000 for text, a few hundred through main() in-process.
 */

const lineSet = (text: string) => new Set(text.split(/\r\n|\n|\r/).map((l) => l.trimEnd()));

function onlyInputLines(input: string, output: string): boolean {
  const lines = lineSet(input);
  return output === "" || (output.endsWith("\n") && output.slice(0, -1).split("\n").every((l) => lines.has(l)));
}

/** Text that looks like scraped pages: repeated lines, blank runs, all three line breaks, many scripts. */
const scrapedText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.constantFrom("", " ", "\t", "Partager sur Facebook", "شارك على فيسبوك", "Поделиться", "分享到微博", "© 2024 News", "\u00a0", "\uFEFF", "\u2028"),
      fc.string({ unit: "binary", maxLength: 20 }),
    ),
    { maxLength: 40 },
  )
  .chain((lines) => fc.array(fc.constantFrom("\n", "\r\n", "\r", "\n\n"), { minLength: lines.length, maxLength: lines.length })
    .map((breaks) => lines.map((l, i) => l + breaks[i]).join("")));

/** Bytes: random, or text in some encoding, sometimes damaged. */
const someBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  scrapedText.map((t) => new Uint8Array(Buffer.from(t, "utf8"))),
  fc.tuple(scrapedText, fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([t, junk, at]) => {
    const b = Buffer.from(t, "utf8");
    const i = b.length ? at % b.length : 0;
    return new Uint8Array(Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]));
  }),
  scrapedText.map((t) => new Uint8Array(Buffer.from(t, "latin1"))),
);

describe("property: bytes → decode → clean", () => {
  it("never throws, and keeps only lines of the decoded input (1,000 cases)", () => {
    fc.assert(
      fc.property(someBytes, (bytes) => {
        const d = decodeDocument(bytes);
        if ("binary" in d) return true;
        expect(d.replaced).toBeGreaterThanOrEqual(0);
        const out = cleanText(d.text);
        return onlyInputLines(d.text, out);
      }),
      { numRuns: 1000 },
    );
  });

  it("text: cleaning only removes lines (1,000 cases)", () => {
    fc.assert(fc.property(scrapedText, (text) => onlyInputLines(text, cleanText(text))), { numRuns: 1000 });
  });
});

class Collect extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

async function winnowInProcess(args: string[], stdin: Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await main(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: { NO_COLOR: "1" } });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("property: the command line, in-process", () => {
  it("text on stdin: exit 0 or 2, never a stack trace, output lines are input lines (300 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(someBytes, async (bytes) => {
        const r = await winnowInProcess(["clean", "-q", "--format", "text"], bytes);
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        if (r.code === 2) return r.stdout === "" && /^error: <stdin>: /.test(r.stderr);
        const d = decodeDocument(bytes);
        return !("binary" in d) && onlyInputLines(d.text, r.stdout);
      }),
      { numRuns: 300 },
    );
  });

  it("JSONL with broken lines: every line is a cleaned record or one error naming its line (300 cases)", async () => {
    const line = fc.oneof(
      scrapedText.map((text) => JSON.stringify({ text })),
      fc.string({ maxLength: 30 }).filter((s) => !s.includes("\n") && !s.includes("\r")),
      fc.constantFrom("{", "[]", '{"text": 1}', '{"body": "x"}', "null", '{"text":"a"}{'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), async (lines) => {
        const input = lines.join("\n") + "\n";
        const r = await winnowInProcess(["clean", "-q", "--format", "jsonl"], Buffer.from(input));
        expect(r.stderr).not.toMatch(/\n\s+at /);
        const errors = r.stderr.split("\n").filter((l) => l.startsWith("error: "));
        const out = r.stdout === "" ? [] : r.stdout.slice(0, -1).split("\n");
        const nonBlank = lines.filter((l) => l.trim() !== "").length;
        expect(out.length + errors.length).toBe(nonBlank);
        expect(r.code).toBe(errors.length ? 2 : 0);
        for (const e of errors) expect(e).toMatch(/^error: <stdin>:\d+: /);
        for (const o of out) {
          const cleaned = JSON.parse(o).text as string;
          const original = lines.map((l) => { try { return JSON.parse(l)?.text; } catch { return undefined; } }).filter((t) => typeof t === "string") as string[];
          expect(original.some((t) => onlyInputLines(t, cleaned.endsWith("\n") || cleaned === "" ? cleaned : cleaned + "\n"))).toBe(true);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("readInput never throws on random JSONL bytes (300 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const items: ReadItem[] = [];
        const input = { path: "<stdin>", rel: "stdin", format: "jsonl" as const, gzip: false, stdin: true, dir: "" };
        for await (const item of readInput(input, { textField: "text", idField: "id", siteField: "url", maxDocBytes: 1000 }, Readable.from([Buffer.from(bytes)]))) items.push(item);
        return items.every((i) => (isProblem(i) ? i.message.length > 0 : typeof i.text === "string"));
      }),
      { numRuns: 300 },
    );
  });
});
