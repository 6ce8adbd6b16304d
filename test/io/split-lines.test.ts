import { describe, expect, it } from "vitest";
import { splitLines, type LongLine } from "../../src/io/read.js";

async function collect(chunks: string[], max?: number): Promise<(string | LongLine)[]> {
  async function* gen() { for (const c of chunks) yield Buffer.from(c); }
  const out: (string | LongLine)[] = [];
  for await (const item of splitLines(gen(), max)) out.push(Buffer.isBuffer(item) ? item.toString() : item);
  return out;
}

describe("splitLines", () => {
  it("splits at LF across chunks; the last line needs no terminator", async () => {
    expect(await collect(["ab", "c\nde", "\n", "f"])).toEqual(["abc", "de", "f"]);
    expect(await collect(["a\n\nb\n"])).toEqual(["a", "", "b"]);
  });

  it("skips a line longer than the limit without keeping it, counting its bytes", async () => {
    expect(await collect(["ok\n", "x".repeat(6), "x".repeat(6), "x\nnext\n"], 10)).toEqual(["ok", { tooLong: 13 }, "next"]);
    expect(await collect(["0123456789\n", "01234567890"], 10)).toEqual(["0123456789", { tooLong: 11 }]);
  });
});
