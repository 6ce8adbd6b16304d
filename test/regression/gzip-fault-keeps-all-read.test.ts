import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run, scratch } from "../helpers/spawn-winnow.js";

// Bug: a truncated .jsonl.gz kept "the lines before the fault", but how many depended on how fast
// documents were consumed (the fault destroyed the stream and dropped what was decompressed but
// not yet read): --jobs 1 and --jobs 2 wrote different outputs. Now every complete line that can be
// decompressed is kept, whatever the pace of the consumer.
describe("a truncated .jsonl.gz", () => {
  const dir = scratch();

  it("keeps every complete line zlib can decompress, with --jobs 1 and --jobs 2 alike", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ id: i + 1, text: `Ligne ${i + 1} de l'article, avec assez de texte.\nAutre ligne ${i % 97}.` }));
    const gz = gzipSync(rows.join("\n") + "\n");
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    writeFileSync(join(dir, "t.jsonl.gz"), cut);
    const decodable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8").split("\n").length - 1;
    expect(decodable).toBeGreaterThan(10_000);

    const one = await run(["clean", "-q", "-j", "1", "t.jsonl.gz"], { cwd: dir });
    const two = await run(["clean", "-q", "-j", "2", "t.jsonl.gz"], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^error: t\.jsonl\.gz: gzip data is corrupt or truncated at compressed byte \d+ .*the lines before it were kept\n$/);
    expect(one.stdout.toString("utf8").split("\n").length - 1).toBe(decodable);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
  }, 90_000); // two runs over ~36,000 documents: 29 s at load 20, when the 30 s default nearly ran out
});
