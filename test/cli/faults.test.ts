import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, run, scratch } from "../helpers/spawn-winnow.js";
import { TEXTS } from "../helpers/texts.js";

const root = scratch();

/** Starts bin/winnow.js with stdin left open (the run blocks on it after the files), for signals. */
function startBlocked(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((ok) => child.on("close", (code) => ok({ code, stderr })));
  return { child, done };
}

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("signals", () => {
  mkdirSync(join(root, "in"));
  for (let i = 0; i < 5; i++) writeFileSync(join(root, "in", `a${i}.txt`), `Article ${i}.\nPartager\nPartager\n`);

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} stops cleanly: finished outputs kept, the one in progress discarded, report written, exit ${code}`, async () => {
      const out = join(root, `out-${signal}`);
      const report = join(root, `report-${signal}.json`);
      const r = startBlocked(["clean", "in", "-", "-o", out, "--report", report]);
      await until(() => existsSync(join(out, "a4.txt"))); // the files are done; stdin is being read
      r.child.kill(signal);
      const { code: exit, stderr } = await r.done;
      expect(exit).toBe(code);
      expect(stderr).toContain(`winnow: interrupted by ${signal} after 5 documents; finished outputs are complete, the one in progress was discarded; the report (${report}) covers what was done; run again with --resume to finish\n`);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(out).sort()).toEqual(["a0.txt", "a1.txt", "a2.txt", "a3.txt", "a4.txt"]); // no stdin.txt, no temp file
      const json = JSON.parse(readFileSync(report, "utf8"));
      expect(json.interrupted).toBe(signal);
      expect(json.totals.documents).toBe(5);
      expect(readdirSync(root).filter((n) => n.includes(".tmp"))).toEqual([]);
    });
  }
});

describe("a closed pipe (| head)", () => {
  it("ends quietly with exit 0, through a real shell pipe", () => {
    const big = join(root, "big.jsonl");
    writeFileSync(big, Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ id: i, text: `Ligne numéro ${i} de l'article.` })).join("\n") + "\n");
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" clean "${big}" -q | head -n 2; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toBe("status 0\n");
  });
});

describe("--resume", () => {
  const input = join(root, "resume-in");
  mkdirSync(input);
  const para = (i: number) => `${TEXTS["windows-1252"]}\nArticle numéro ${i} : la séance a été levée à minuit après trois heures de débats animés entre la majorité et l'opposition municipale.\n`;
  for (let i = 0; i < 3; i++) writeFileSync(join(input, `r${i}.txt`), para(i));

  it("needs -o", async () => {
    const r = await run(["clean", input, "--resume"]);
    expect([r.code, r.stderr]).toEqual([2, "winnow: --resume needs -o DIR: it skips inputs whose output there is already complete\n"]);
  });

  it("skips outputs that are complete and current, redoes changed inputs and removed outputs", async () => {
    const out = join(root, "resume-out");
    expect((await run(["clean", input, "-o", out, "-q"])).code).toBe(0);
    const first = readFileSync(join(out, "r1.txt"), "utf8");
    let r = await run(["clean", input, "-o", out, "--resume"]);
    expect(r.stderr).toContain("winnow: --resume: 3 inputs already done, skipped\n");
    writeFileSync(join(input, "r1.txt"), para(7)); // a changed input (new mtime)
    writeFileSync(join(out, ".r2.txt.winnow-999999.tmp"), "partial"); // a killed run's leftover
    r = await run(["clean", input, "-o", out, "--resume"]);
    expect(r.stderr).toContain("winnow: --resume: 2 inputs already done, skipped\n");
    expect(readFileSync(join(out, "r1.txt"), "utf8")).not.toBe(first);
    expect(readFileSync(join(out, "r1.txt"), "utf8")).toBe((await run(["clean", join(input, "r1.txt")])).stdout.toString("utf8"));
    expect(readFileSync(join(out, "r1.txt"), "utf8")).toContain("Article numéro 7");
    expect(r.stderr).toContain("winnow: removed 1 temporary file left by an interrupted run\n");
    expect(readdirSync(out).sort()).toEqual(["r0.txt", "r1.txt", "r2.txt"]);
  });

  it("brings a SIGKILLed run to the same bytes as an uninterrupted one (scripts/kill-resume.mjs, 150 files)", () => {
    const r = spawnSync(process.execPath, [resolve(import.meta.dirname, "../../scripts/kill-resume.mjs"), "150", "1", "7"], { encoding: "utf8" });
    expect(r.stdout).toContain("all 1 trials ok");
    expect(r.status).toBe(0);
  }, 90_000); // two runs over 150 files and a kill: it hit the 30 s default at load 20
});


describe("files that cannot be written or read", () => {
  it("a report path that cannot be written: one line naming it, exit 2", async () => {
    writeFileSync(join(root, "a-file"), "");
    const r = await run(["clean", "--report", "a-file/report.json"], { cwd: root, stdin: "texte\n" });
    expect([r.code, r.stderr]).toEqual([2, "winnow: cannot write a-file/report.json: a part of the path is a file, not a directory\n"]);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable folder is reported; the walk goes on", async () => {
    const { chmodSync } = await import("node:fs");
    const tree = join(root, "perm");
    mkdirSync(join(tree, "closed"), { recursive: true });
    writeFileSync(join(tree, "closed/x.txt"), "x\n");
    writeFileSync(join(tree, "open.txt"), "Ouvert.\n");
    chmodSync(join(tree, "closed"), 0o000);
    try {
      const r = await run(["clean", "perm"], { cwd: root });
      expect(r.stderr).toContain("error: perm/closed: cannot list directory: permission denied\n");
      expect(r.stdout.toString()).toBe("Ouvert.\n");
      expect(r.code).toBe(2);
    } finally {
      chmodSync(join(tree, "closed"), 0o755);
    }
  });
});
