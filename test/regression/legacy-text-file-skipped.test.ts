import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratch } from "../helpers/spawn-winnow.js";

// Bug: a text file that was not valid UTF-8 (a Latin-1 page saved by an old scraper) was skipped
// whole: "not valid UTF-8 at byte 28; skipped". Its text was lost from the cleaned corpus.
describe("regression: a Latin-1 text file", () => {
  it("is decoded and cleaned, and the report says how it was read", async () => {
    const dir = scratch();
    const text = "Le maire a défendu ses choix devant le conseil municipal réuni jeudi soir, malgré les critiques de l'opposition sur la hausse des impôts.\n";
    writeFileSync(join(dir, "page.txt"), Buffer.from(text, "latin1"));
    const r = await run(["clean", "page.txt", "--report", "report.json"], { cwd: dir });
    expect(r.code).toBe(0);
    writeFileSync(join(dir, "utf8.txt"), text);
    expect(r.stdout.toString("utf8")).toBe((await run(["clean", "utf8.txt"], { cwd: dir })).stdout.toString("utf8"));
    expect(r.stdout.toString("utf8")).toContain("Le maire a défendu");
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).documents[0].encoding).toMatch(/^windows-1252 \((detected \d+%|fallback)\)$/);
  });
});
