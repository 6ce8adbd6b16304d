import { resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { main } from "../../src/cli/main.js";

// The spawning helpers live in ./cli.ts; these names are the ones the fault and torture tests use.
export { BIN, scratch, spawnWinnow as run, type RawResult as Run } from "./cli.js";

/**
 * main() in this process, with `cwd` applied to relative paths by chdir-free means: arguments are
 * resolved against `cwd` by the caller's choice of paths (vitest workers cannot chdir), so relative
 * arguments are rewritten here. Messages then show absolute paths: callers compare `path` parts.
 */
export async function inProcess(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (into: Buffer[]) => new Writable({ write(chunk: Buffer, _e, done) { into.push(Buffer.from(chunk)); done(); } });
  const abs = args.map((a, i) => (i > 0 && !a.startsWith("-") && !/^\d/.test(a) ? resolve(cwd, a) : a));
  const code = await main(abs, { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), env: { NO_COLOR: "1" } });
  const stderr = Buffer.concat(err).toString("utf8").split(cwd + "/").join("");
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr };
}
