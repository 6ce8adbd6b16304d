import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanTask, type TaskOptions } from "../../src/parallel/task.js";

// Worker threads run the compiled cleaner (dist/, built by `npm test` before vitest runs): from the
// TypeScript sources the pool falls back to cleaning in-process, which would test nothing here.
type Pool = typeof import("../../src/parallel/pool.js");
const compiled = (): Promise<Pool> => import(pathToFileURL(resolve(import.meta.dirname, "../../dist/parallel/pool.js")).href) as Promise<Pool>;

const OPTIONS: TaskOptions = { mode: "balanced", lines: "removed" };
const WORDS = "the council voted on tuesday evening budget for next year after a long debate about schools roads and housing".split(" ");

/** Deterministic paragraphs (no Math.random), each unlike the others: no near-duplicates to compare. */
function text(seed: number, paragraphs: number): string {
  let s = seed >>> 0;
  const r = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const word = () => (r() < 0.5 ? WORDS[Math.floor(r() * WORDS.length)]! : Math.floor(r() * 36 ** 5).toString(36));
  const para = () => Array.from({ length: 40 }, word).join(" ") + ".";
  return ["Home | News | Sport", "", ...Array.from({ length: paragraphs }, para).flatMap((p) => [p, ""]), "Share on Facebook"].join("\n");
}

describe("WorkerPool", () => {
  it("cleans on the calling thread what a worker ran out of memory on, with the same results", async () => {
    const { WorkerPool } = await compiled();
    // 12 MB holds the cleaner and small pages, not a 240 kB page (its lines, tokens and line facts).
    const pool = new WorkerPool(2, OPTIONS, { youngGenerationMb: 4, oldGenerationMb: 12 });
    try {
      const texts = [text(1, 5), text(2, 1_000), text(3, 5), text(4, 5)];
      const results = await Promise.all(texts.map((t) => pool.clean(t)));
      expect(pool.recovered).toBeGreaterThan(0);
      texts.forEach((t, i) => expect(results[i]).toEqual(cleanTask(t, OPTIONS)));
      // The replacement worker goes on cleaning.
      const after = text(5, 5);
      expect(await pool.clean(after)).toEqual(cleanTask(after, OPTIONS));
    } finally {
      await pool.close();
    }
  });

  it("fails, rather than replacing workers forever, when a worker cannot even start in its heap", async () => {
    const { WorkerPool } = await compiled();
    const pool = new WorkerPool(2, OPTIONS, { youngGenerationMb: 1, oldGenerationMb: 4 });
    try {
      // Each worker dies while loading the cleaner; what it was sent is cleaned here, until the pool gives up.
      let failure: unknown;
      for (let i = 0; i < 50 && failure === undefined; i++) {
        const t = text(i, 3);
        await pool.clean(t).then((r) => expect(r).toEqual(cleanTask(t, OPTIONS)), (err: unknown) => { failure = err; });
      }
      expect(String(failure)).toMatch(/worker threads ran out of memory before cleaning anything \(heap limit 4 MB\)/);
    } finally {
      await pool.close();
    }
  });
});
