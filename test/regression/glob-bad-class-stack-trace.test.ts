import { describe, expect, it } from "vitest";
import { run, scratch } from "../helpers/spawn-winnow.js";

// Bug: a glob was compiled to a RegExp, so a reversed range ('[z-a]*.txt') threw
// "SyntaxError: Range out of order in character class" with a stack trace.
describe("regression: a glob with a reversed character range", () => {
  it("is a pattern that matches nothing, reported in one line", async () => {
    const dir = scratch();
    const r = await run(["clean", "[z-a]*.txt"], { cwd: dir });
    expect(r.stderr).toBe("error: [z-a]*.txt: no such file, and no .txt/.jsonl/.ndjson(.gz) file matches this pattern\nwinnow: cleaned 0 documents; removed 0 of 0 lines (0.0%), 0.0 kB → 0.0 kB\n  1 error (listed above)\n");
    expect(r.code).toBe(2);
  });
});
