import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratch } from "../helpers/spawn-winnow.js";

// Bug: every batched write raced a new once(stream, "error") listener that was never removed; past
// 10 batches (640 KB of output; 12,000 records here make ~850 KB) Node printed MaxListenersExceededWarning, and memory grew per write.
describe("regression: large outputs add no listener per write", () => {
  const dir = scratch();
  const input = join(dir, "big.jsonl");
  writeFileSync(input, Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ id: i, text: `Paragraphe numéro ${i} de l'article du jour.` })).join("\n") + "\n");

  it("to a file under -o", async () => {
    const r = await run(["clean", input, "-o", join(dir, "out"), "-q", "--lang", "fr"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "out", "big.jsonl"), "utf8").split("\n")).toHaveLength(12_001);
  });

  it("to standard output", async () => {
    const r = await run(["clean", input, "-q", "--lang", "fr"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.toString().split("\n")).toHaveLength(12_001);
  });
});
