import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/index.js";
import { FIXTURES, scratch, winnow } from "../helpers/cli.js";

// Bug: `winnow check` on winnow's own output of seed 004 found two lines (a byline the first pass
// kept beside chrome became a document edge once the chrome was gone). Cleaning now repeats until
// the kept text is a fixed point (MAX_PASSES in src/pipeline/clean.ts).
describe("cleaned output is clean", () => {
  const seeds = join(FIXTURES, "seeds");

  it.each(readdirSync(seeds))("cleaning %s again changes nothing", (name) => {
    const once = cleanText(readFileSync(join(seeds, name, "input.txt"), "utf8"));
    expect(cleanText(once)).toBe(once);
  });

  it("winnow check exits 0 on what winnow clean wrote", async () => {
    const out = join(scratch(), "out");
    expect((await winnow(["clean", seeds, "-o", out, "-q"])).code).toBe(0);
    const r = await winnow(["check", out, "-q"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });
});
