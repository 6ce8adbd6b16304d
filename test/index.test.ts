import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public API", () => {
  it("exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual([
      "DETECTORS", "PageIndex", "ProfileError", "SiteProfile", "applyPlan", "assemble", "cleanCorpus", "cleanDocument",
      "cleanText", "cleanWithContext", "keptLines", "segment",
    ]);
  });
});
