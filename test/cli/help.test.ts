import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { winnow } from "../helpers/cli.js";

// The --help texts are golden files: a change to the command line shows up as a diff to read.
// After a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/cli/help.test.ts, then read the diff.
const GOLDEN = join(import.meta.dirname, "golden");

describe.each([
  ["winnow", []],
  ["clean", ["clean"]],
  ["check", ["check"]],
  ["learn", ["learn"]],
])("%s --help", (name, args) => {
  it("matches its golden file exactly and exits 0", async () => {
    const r = await winnow([...args, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const file = join(GOLDEN, `${name}-help.txt`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, r.stdout);
    expect(r.stdout).toBe(readFileSync(file, "utf8"));
  });
});

describe("winnow with no command", () => {
  it("prints the usage on stderr and exits 2", async () => {
    const r = await winnow([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(readFileSync(join(GOLDEN, "winnow-help.txt"), "utf8"));
  });
});

describe("winnow --version", () => {
  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
    const r = await winnow(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

describe("help into a closed pipe", () => {
  it("ends without a stack trace when the reader is gone before it writes (winnow --help | head -1)", async () => {
    const { spawn } = await import("node:child_process");
    const { BIN } = await import("../helpers/cli.js");
    for (const args of [["--help"], ["clean", "--help"], ["--version"]]) {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.destroy(); // the read end is closed before the child writes: every write is EPIPE
        let stderr = "";
        child.stderr.on("data", (b: Buffer) => { stderr += b.toString(); });
        child.on("close", (code) => done({ code, stderr }));
      });
      expect(stderr, args.join(" ")).toBe("");
      expect(code, args.join(" ")).toBe(0);
    }
  });
});
