import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";

export const BIN = resolve(import.meta.dirname, "../../bin/winnow.js");
export const FIXTURES = resolve(import.meta.dirname, "../../fixtures");

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What the process printed, stdout as bytes (for encodings and gzip), and the signal that ended it. */
export interface RawResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

type SpawnOptions = { stdin?: string | Buffer; cwd?: string; env?: Record<string, string> };

/** Runs the real bin/winnow.js with `args`, feeding `stdin`, and collects what it printed. */
export function spawnWinnow(args: readonly string[], options: SpawnOptions = {}): Promise<RawResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
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

/** spawnWinnow with stdout decoded as UTF-8. */
export async function winnow(args: readonly string[], options: SpawnOptions = {}): Promise<Result> {
  const r = await spawnWinnow(args, options);
  return { code: r.code, stdout: r.stdout.toString("utf8"), stderr: r.stderr };
}

/** A scratch directory removed after the test file's tests. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "winnow-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Records as JSONL text: one JSON object a line, newline-terminated. */
export function toJsonl(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

/** The records of a JSONL file (e.g. a `--removed` list). */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
}
