import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratch } from "../helpers/spawn-winnow.js";
import { TEXTS } from "../helpers/texts.js";

// Bug: `winnow clean a/x.txt b/x.txt -o out` wrote both to out/x.txt; the second silently
// replaced the first, and the first input's cleaned text was lost.
describe("regression: two inputs with the same output path", () => {
  it("keeps the first output and reports the second", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "a/x.txt"), TEXTS["windows-1252"]);
    writeFileSync(join(dir, "b/x.txt"), TEXTS["koi8-r"]);
    const r = await run(["clean", "a/x.txt", "b/x.txt", "-o", "out", "-q"], { cwd: dir });
    expect(r.stderr).toBe("error: b/x.txt: its output out/x.txt was already written for a/x.txt in this run; skipped (give the parent directories instead, or use separate -o directories)\n");
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "out/x.txt"), "utf8")).toBe((await run(["clean", "a/x.txt"], { cwd: dir })).stdout.toString("utf8"));
    expect(readFileSync(join(dir, "out/x.txt"), "utf8")).toContain("Le maire a défendu");
  });
});
