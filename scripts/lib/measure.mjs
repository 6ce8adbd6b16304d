// Running and measuring child processes, shared by the benchmark scripts (bench.mjs, corpus-check.mjs).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs a command to completion; stdin and stdout may be file paths (else ignored), stderr is collected.
 * Resolves with { code, signal, stderr } whatever the exit status.
 */
export function run(cmd, args, { stdin, stdout, cwd } = {}) {
  return new Promise((done, fail) => {
    const inFd = stdin ? openSync(stdin, "r") : "ignore";
    const outFd = stdout ? openSync(stdout, "w") : "ignore";
    const child = spawn(cmd, args, { stdio: [inFd, outFd, "pipe"], cwd });
    let stderr = "";
    child.stderr.on("data", (b) => { stderr += b; });
    child.on("error", fail);
    child.on("close", (code, signal) => {
      if (typeof inFd === "number") closeSync(inFd);
      if (typeof outFd === "number") closeSync(outFd);
      done({ code, signal, stderr });
    });
  });
}

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * Runs a command, measuring wall time, CPU time and peak RSS (GNU time when present, else /proc polling).
 * Throws with the tail of stderr when the command fails.
 */
export async function measure(cmd, args, io = {}) {
  const stats = join(tmpdir(), `winnow-time-${process.pid}`);
  const t0 = process.hrtime.bigint();
  let r;
  let rssKb = NaN, user = NaN, sys = NaN;
  if (TIME) {
    r = await run(TIME, ["-o", stats, "-f", "%M %U %S", cmd, ...args], io);
    [rssKb, user, sys] = readFileSync(stats, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    rmSync(stats, { force: true });
  } else {
    r = await runPolling(cmd, args, io, (kb) => { rssKb = kb; });
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code ?? r.signal}:\n${r.stderr.slice(-2000)}`);
  return { seconds, rssMB: rssKb / 1024, cpuSeconds: user + sys };
}

/** Without GNU time: the child's VmHWM (peak RSS) from /proc, read until it exits. */
function runPolling(cmd, args, io, onPeak) {
  return new Promise((done, fail) => {
    const inFd = io.stdin ? openSync(io.stdin, "r") : "ignore";
    const outFd = io.stdout ? openSync(io.stdout, "w") : "ignore";
    const child = spawn(cmd, args, { stdio: [inFd, outFd, "pipe"], cwd: io.cwd });
    let stderr = "";
    child.stderr.on("data", (b) => { stderr += b; });
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) onPeak(Number(m[1]));
      } catch { /* exited */ }
    }, 20);
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      if (typeof inFd === "number") closeSync(inFd);
      if (typeof outFd === "number") closeSync(outFd);
      done({ code, signal, stderr });
    });
  });
}

export async function sha256(path) {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk);
  return h.digest("hex");
}

/** A directory's files, sorted, hashed by name and content. */
export async function hashTree(dir) {
  const h = createHash("sha256");
  const files = readdirSync(dir, { recursive: true }).map(String).sort();
  for (const f of files) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    h.update(f + "\0");
    h.update(readFileSync(p));
  }
  return h.digest("hex");
}

export function treeBytes(dir) {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true }).map(String)) {
    const s = statSync(join(dir, f));
    if (s.isFile()) n += s.size;
  }
  return n;
}

/** Output of a git command in `cwd`, trimmed; "" when git is missing or fails. */
export function git(cwd, ...args) {
  return new Promise((done) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (b) => { out += b; });
    child.on("close", () => done(out.trim()));
    child.on("error", () => done(""));
  });
}
