import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sweepStaleTemps } from "../../src/io/write.js";
import { scratch } from "../helpers/spawn-winnow.js";

function deadPid(): number {
  for (let pid = 999_999; ; pid--) {
    try { process.kill(pid, 0); } catch (err) { if ((err as NodeJS.ErrnoException).code === "ESRCH") return pid; }
  }
}

describe("sweepStaleTemps", () => {
  it("removes the temporary files of dead processes only", async () => {
    const dir = scratch();
    const dead = deadPid();
    const names = {
      dead: `.a.txt.winnow-${dead}.tmp`,
      deadRows: `.report.json.rows-${dead}.tmp`,
      live: `.b.txt.winnow-${process.ppid}.tmp`, // our parent runs
      own: `.c.txt.winnow-${process.pid}.tmp`, // never ours to sweep (worker threads share the PID)
      final: "a.txt",
      lookalike: `a.txt.winnow-${dead}.tmp`, // not hidden: not ours
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), "x");
    expect(await sweepStaleTemps(dir)).toBe(2);
    expect(existsSync(join(dir, names.dead))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([names.live, names.own, names.final, names.lookalike].sort());
    expect(await sweepStaleTemps(join(dir, "missing"))).toBe(0);
  });
});
