import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanText } from "../src/index.js";

// Golden cases: every fixtures/**/input.txt cleaned must equal expected.txt beside it. The folder is the
// test name. Update an expected.txt only on purpose, and read the diff when you do.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

function cases(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...cases(p));
    else if (name === "input.txt") out.push(dir);
  }
  return out;
}

describe("golden fixtures", () => {
  const all = cases(root);
  it("there are fixtures", () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
  });
  it.each(all.map((d) => [relative(root, d), d]))("%s", (_name, dir) => {
    const input = readFileSync(join(dir, "input.txt"), "utf8");
    const expected = readFileSync(join(dir, "expected.txt"), "utf8");
    expect(cleanText(input)).toBe(expected);
  });
});
