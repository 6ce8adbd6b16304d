import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { main } from "../../src/cli/main.js";
import { afterAll } from "vitest";

/** The real command line (runs dist/, so `tsc -p .` first: `npm test` does). */
export const BIN = resolve(import.meta.dirname, "../../bin/winnow.js");

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs bin/winnow.js with `args` in `cwd` and collects its output. */
export function run(args: readonly string[], options: { cwd?: string; stdin?: string | Buffer } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: "1" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.stdin ?? "");
  });
}

/** A scratch directory, removed after the test file's tests. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "winnow-robust-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

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
