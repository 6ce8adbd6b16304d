import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeOutputPath } from "../../src/io/write.js";
import { scratch } from "../helpers/spawn-winnow.js";

describe("safeOutputPath keeps outputs inside -o", () => {
  const root = scratch();
  const out = join(root, "out");
  mkdirSync(join(out, "site"), { recursive: true });
  mkdirSync(join(root, "elsewhere"));
  symlinkSync(join(root, "elsewhere"), join(out, "escape"));
  symlinkSync(join(out, "site"), join(out, "inside"));

  it("accepts plain relative paths, existing or not", async () => {
    expect(await safeOutputPath(out, "a.txt")).toBe(join(out, "a.txt"));
    expect(await safeOutputPath(out, "site/new/deep/a.txt")).toBe(join(out, "site/new/deep/a.txt"));
    expect(await safeOutputPath(join(root, "not-yet"), "x/a.txt")).toBe(join(root, "not-yet/x/a.txt"));
    expect(await safeOutputPath(out, "inside/a.txt")).toBe(join(out, "inside/a.txt")); // a link that stays inside
  });

  for (const rel of ["../a.txt", "site/../../a.txt", "/etc/passwd", "C:\\x.txt", "a\\..\\..\\b", "a//b", "", "a\0b"]) {
    it(`refuses ${JSON.stringify(rel)}`, async () => {
      expect(await safeOutputPath(out, rel)).toMatchObject({ refused: expect.stringContaining("not a plain relative path") });
    });
  }

  it("refuses a path through a symbolic link that leads outside", async () => {
    expect(await safeOutputPath(out, "escape/a.txt")).toMatchObject({ refused: expect.stringContaining("leads outside") });
    expect(await safeOutputPath(out, "escape/new/a.txt")).toMatchObject({ refused: expect.stringContaining("leads outside") });
  });
});
