import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratch, winnow } from "../helpers/cli.js";

const PARA = "Депутаты обсудили во вторник проект городского бюджета на следующий год и приняли его в первом чтении.";

describe("winnow check", () => {
  const dir = scratch();
  beforeAll(() => {
    mkdirSync(join(dir, "dirty"));
    writeFileSync(join(dir, "dirty", "ru.txt"), `${PARA}\n\n${PARA}\n`);
  });

  it("lists removable lines linter-style and exits 1", async () => {
    const r = await winnow(["check", join(dir, "dirty"), "-q"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${join(dir, "dirty", "ru.txt")}:3: [a-z-]+/[a-z-]+: ${PARA}$`, "m"));
  });

  it("exits 0 on its own cleaned output, and on a document under --max-removed-ratio", async () => {
    const cleaned = join(dir, "cleaned");
    expect((await winnow(["clean", join(dir, "dirty"), "-o", cleaned, "-q"])).code).toBe(0);
    const r = await winnow(["check", cleaned, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const tolerant = await winnow(["check", join(dir, "dirty"), "--max-removed-ratio", "0.5", "-q"]);
    expect(tolerant.code).toBe(0);
  });

  it("addresses JSONL findings as path:record:line", async () => {
    const file = join(dir, "docs.jsonl");
    writeFileSync(file, `{"id":"1","text":"ok"}\n{"id":"2","text":${JSON.stringify(`${PARA}\n${PARA}`)}}\n`);
    const r = await winnow(["check", file, "-q"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file}:2:2: [a-z-]+/[a-z-]+: ${PARA}$`, "m"));
  });

  it("exits 2 when an input is missing, even with findings", async () => {
    const r = await winnow(["check", join(dir, "dirty"), join(dir, "nope"), "-q"]);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toBe("");
  });
});
