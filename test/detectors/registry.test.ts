import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DETECTORS } from "../../src/detectors/registry.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Files in src/detectors that are not detectors. */
const SUPPORT = new Set(["registry", "types", "lexicon-util"]);

const files = readdirSync(join(root, "src", "detectors"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((f) => !SUPPORT.has(f))
  .sort();
const tests = readdirSync(join(root, "test", "detectors"))
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.test\.ts$/, ""))
  .filter((f) => !SUPPORT.has(f))
  .sort();
const docRows = new Map(
  readFileSync(join(root, "docs", "detectors.md"), "utf8")
    .split("\n")
    .map((l) => /^\| `([a-z-]+)` \| ([^|]+) \|/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, [...m[2]!.matchAll(/`([a-z-]+)`/g)].map((r) => r[1]!).sort()]),
);

describe("detector registry", () => {
  const ids = DETECTORS.map((d) => d.id).sort();

  it("registry ids are unique", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("registry = detector files", () => {
    expect(ids).toEqual(files);
  });

  it("every detector has a test file", () => {
    expect(tests).toEqual(files);
  });

  it("registry = rows of docs/detectors.md, with the same reasons", () => {
    expect([...docRows.keys()].sort()).toEqual(ids);
    for (const d of DETECTORS) expect(docRows.get(d.id), d.id).toEqual(Object.keys(d.reasons).sort());
  });

  it("every detector describes itself", () => {
    for (const d of DETECTORS) {
      expect(d.description.length, d.id).toBeGreaterThan(20);
      expect(d.languages === "any" || d.languages.length > 0, d.id).toBe(true);
      expect(Object.keys(d.reasons).length, d.id).toBeGreaterThan(0);
    }
  });
});
