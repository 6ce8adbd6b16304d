import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

// The public surface is pinned: adding or removing an export is a deliberate change to this list.
describe("public API", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(api).sort()).toEqual([
      "PageIndex", "ProfileError", "SiteProfile", "applyPlan", "assemble", "cleanCorpus", "cleanDocument", "cleanText",
      "cleanWithContext", "keptLines", "segment",
    ]);
  });
});
