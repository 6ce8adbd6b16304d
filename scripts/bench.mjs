#!/usr/bin/env node
// The speed benchmark: `npm run bench [-- --mb 100] [--runs 3] [--jobs N] [--corpus DIR] [--no-dir] [--no-score]`.
//
// Generates (once, cached under .bench/) a synthetic news-dump corpus with ../shared/bench/make-corpus.mjs
// (--from ../shared/eval/dev --mb MB --seed 7 --format both), then times, in the same run and alternating
// round by round so that a busy machine hurts every contender alike:
//   awk '!seen[$0]++' over the JSONL            the floor: exact line dedup, no cleaning
//   winnow clean, stdin -> stdout (JSONL)       with --jobs 1 (in-process) and --jobs N (all cores)
//   winnow clean DIR -o OUT (one file per page) with --jobs 1 and --jobs N
// and prints MB/s (input bytes / wall seconds, best round), the ratio to awk, peak RSS, whether --jobs 1 and
// --jobs N wrote the same bytes, and the quality figures of score-corpus.mjs on the outputs. Results go to
// .bench/results-<MB>mb.json.
//
// Needs ../shared (the corpus generator and the dev set): without it, the benchmark says so and exits 0,
// so that `npm run bench` on a machine without the shared data is a no-op rather than a failure.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { git, hashTree, measure, run, sha256, treeBytes } from "./lib/measure.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "winnow.js");
const USAGE = "usage: npm run bench -- [--mb 100] [--seed 7] [--runs N] [--jobs N] [--corpus DIR] [--shared DIR] [--no-dir] [--no-score]";

// ------------------------------------------------------------------------------------------- options
const opt = { mb: 100, seed: 7, runs: undefined, jobs: availableParallelism(), corpus: undefined, shared: join(ROOT, "..", "shared"), dir: true, score: true };
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const m = /^--(no-)?([a-z]+)(?:=(.*))?$/.exec(a[i]);
    if (!m || !(m[2] in opt)) { console.error(`bench: unexpected argument ${a[i]}\n${USAGE}`); process.exit(2); }
    if (m[1]) { opt[m[2]] = false; continue; }
    const v = m[3] ?? a[++i];
    opt[m[2]] = ["mb", "seed", "runs", "jobs"].includes(m[2]) ? Number(v) : v;
  }
  if (!(opt.mb > 0) || !(opt.jobs >= 1) || (opt.runs !== undefined && !(opt.runs >= 1))) { console.error(USAGE); process.exit(2); }
  opt.runs ??= opt.mb > 300 ? 1 : 3;
}

const MAKE = join(opt.shared, "bench", "make-corpus.mjs");
const SCORE = join(opt.shared, "bench", "score-corpus.mjs");
const DEV = join(opt.shared, "eval", "dev");
if (!opt.corpus && (!existsSync(MAKE) || !existsSync(DEV))) {
  console.log(`bench: skipped: the shared benchmark data is not here (${MAKE}, ${DEV}); pass --shared DIR or --corpus DIR`);
  process.exit(0);
}
if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) { console.error("bench: build first (npm run build)"); process.exit(2); }

const CACHE = join(ROOT, ".bench");
mkdirSync(CACHE, { recursive: true });

// ------------------------------------------------------------------------------------------- corpus
async function corpus() {
  if (opt.corpus) return resolve(opt.corpus);
  const name = `corpus-${opt.mb}mb-seed${opt.seed}`;
  const dir = join(CACHE, name);
  if (existsSync(join(dir, "stats.json"))) return dir;
  const lock = join(CACHE, `${name}.lock`);
  try {
    mkdirSync(lock);
  } catch {
    console.error(`bench: ${lock} exists: another bench is generating the corpus (remove it if that run died)`);
    process.exit(2);
  }
  try {
    const tmp = join(CACHE, `.${name}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    console.error(`bench: generating a ${opt.mb} MB corpus (seed ${opt.seed}) in ${dir} …`);
    const r = await run(process.execPath, [MAKE, "--from", DEV, "--out", tmp, "--mb", String(opt.mb), "--seed", String(opt.seed), "--format", "both"]);
    if (r.code !== 0) throw new Error(`make-corpus failed:\n${r.stderr}`);
    renameSync(tmp, dir);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function score(corpusDir, cleaned) {
  if (!opt.score || !existsSync(SCORE)) return undefined;
  const out = join(CACHE, `.score-${process.pid}.json`);
  const r = await run(process.execPath, [SCORE, corpusDir, cleaned, "--json"], { stdout: out });
  if (r.code !== 0) throw new Error(`score-corpus failed:\n${r.stderr}`);
  const s = JSON.parse(readFileSync(out, "utf8"));
  rmSync(out, { force: true });
  const round = (x) => Math.round(x * 100) / 100;
  return {
    articleRecallWords: round(s.articleRecall.words), articleRecallLines: round(s.articleRecall.lines),
    dropRemovedWords: round(s.dropRemoved.words), dropRemovedLines: round(s.dropRemoved.lines),
    pagesRecallBelow80: s.pagesRecallBelow80, absentPages: s.absentPages,
    byReasonRemovedWords: Object.fromEntries(Object.entries(s.byReason ?? {}).map(([k, v]) => [k, round(v.words ? (100 * v.okWords) / v.words : 100)])),
  };
}

// ------------------------------------------------------------------------------------------- main
const dir = await corpus();
const jsonl = join(dir, "corpus.jsonl");
const files = join(dir, "files");
const jsonlBytes = statSync(jsonl).size;
const filesBytes = opt.dir && existsSync(files) ? treeBytes(files) : 0;
const jobsN = opt.jobs;
const out = (name) => join(CACHE, `out-${opt.mb}mb-${name}`);

const contenders = [
  { name: "awk", kind: "jsonl", bytes: jsonlBytes, cmd: "awk", args: ["!seen[$0]++", jsonl], io: {} },
  { name: "winnow-j1-stdin", kind: "jsonl", jobs: 1, bytes: jsonlBytes, cmd: process.execPath, args: [BIN, "clean", "-q", "-j", "1"], io: { stdin: jsonl, stdout: out("j1.jsonl") } },
  { name: `winnow-j${jobsN}-stdin`, kind: "jsonl", jobs: jobsN, bytes: jsonlBytes, cmd: process.execPath, args: [BIN, "clean", "-q", "-j", String(jobsN)], io: { stdin: jsonl, stdout: out(`j${jobsN}.jsonl`) } },
];
if (filesBytes) {
  contenders.push(
    { name: "winnow-j1-dir", kind: "dir", jobs: 1, bytes: filesBytes, cmd: process.execPath, args: [BIN, "clean", files, "-o", out("j1-dir"), "-q", "-j", "1"], io: {}, outDir: out("j1-dir") },
    { name: `winnow-j${jobsN}-dir`, kind: "dir", jobs: jobsN, bytes: filesBytes, cmd: process.execPath, args: [BIN, "clean", files, "-o", out(`j${jobsN}-dir`), "-q", "-j", String(jobsN)], io: {}, outDir: out(`j${jobsN}-dir`) },
  );
}

const started = new Date().toISOString();
const load = [loadavg()[0]];
console.error(`bench: ${(jsonlBytes / 1e6).toFixed(1)} MB JSONL${filesBytes ? `, ${(filesBytes / 1e6).toFixed(1)} MB in files` : ""}; ${opt.runs} round(s), --jobs 1 and ${jobsN}; load average ${loadavg()[0].toFixed(2)}`);
const times = new Map(contenders.map((c) => [c.name, []]));
for (let round = 0; round < opt.runs; round++) {
  for (const c of contenders) {
    if (c.outDir) rmSync(c.outDir, { recursive: true, force: true });
    const m = await measure(c.cmd, c.args, c.io);
    times.get(c.name).push(m);
    console.error(`  round ${round + 1} ${c.name.padEnd(20)} ${m.seconds.toFixed(2).padStart(7)} s ${(c.bytes / 1e6 / m.seconds).toFixed(1).padStart(7)} MB/s  cpu ${m.cpuSeconds.toFixed(1).padStart(6)} s  peak RSS ${m.rssMB.toFixed(0).padStart(5)} MB`);
  }
  load.push(loadavg()[0]);
}

const best = (name) => {
  const ms = times.get(name);
  const b = ms.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  return { ...b, peakRssMB: Math.max(...ms.map((m) => m.rssMB)), allSeconds: ms.map((m) => Number(m.seconds.toFixed(3))) };
};
const awk = best("awk");
const awkRate = jsonlBytes / 1e6 / awk.seconds;
const results = {};
for (const c of contenders) {
  const b = best(c.name);
  const rate = c.bytes / 1e6 / b.seconds;
  results[c.name] = {
    seconds: Number(b.seconds.toFixed(3)), allSeconds: b.allSeconds, mbPerSecond: Number(rate.toFixed(2)),
    ratioToAwk: Number((rate / awkRate).toFixed(3)), cpuSeconds: Number(b.cpuSeconds.toFixed(2)), peakRssMB: Math.round(b.peakRssMB),
  };
}
const speedup = (kind) => {
  const one = results[`winnow-j1-${kind}`];
  const many = results[`winnow-j${jobsN}-${kind}`];
  return one && many ? Number((one.seconds / many.seconds).toFixed(3)) : undefined;
};
const identical = {
  stdin: (await sha256(out("j1.jsonl"))) === (await sha256(out(`j${jobsN}.jsonl`))),
  ...(filesBytes && { dir: (await hashTree(out("j1-dir"))) === (await hashTree(out(`j${jobsN}-dir`))) }),
};
console.error("bench: scoring the outputs …");
const quality = {
  stdin: await score(dir, out("j1.jsonl")),
  ...(filesBytes && { dir: await score(dir, out("j1-dir")) }),
};

const report = {
  started, mb: opt.mb, seed: opt.seed, rounds: opt.runs, jobs: jobsN,
  machine: { cpus: cpus().length, availableParallelism: availableParallelism(), model: cpus()[0]?.model, node: process.version, loadAverage: load.map((x) => Number(x.toFixed(2))) },
  winnow: { commit: await git(ROOT, "rev-parse", "--short", "HEAD"), dirty: (await git(ROOT, "status", "--porcelain", "--untracked-files=no")) !== "", cleaner: await git(ROOT, "log", "-1", "--format=%h %s", "--", "src/pipeline", "src/detectors") },
  corpus: { dir, jsonlBytes, filesBytes },
  results, speedup: { stdin: speedup("stdin"), ...(filesBytes && { dir: speedup("dir") }) }, identical, quality,
};
const file = join(CACHE, `results-${opt.mb}mb.json`);
writeFileSync(file, JSON.stringify(report, null, 2) + "\n");

const pad = (s, n) => String(s).padStart(n);
console.log(`\nwinnow bench, ${opt.mb} MB (seed ${opt.seed}), best of ${opt.runs}, ${report.machine.availableParallelism} cores, load ${report.machine.loadAverage.join(" → ")}`);
console.log(`${"".padEnd(22)}${pad("s", 8)}${pad("MB/s", 9)}${pad("× awk", 8)}${pad("cpu s", 8)}${pad("RSS MB", 8)}`);
for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(22)}${pad(r.seconds.toFixed(2), 8)}${pad(r.mbPerSecond.toFixed(1), 9)}${pad(r.ratioToAwk.toFixed(3), 8)}${pad(r.cpuSeconds.toFixed(1), 8)}${pad(r.peakRssMB, 8)}`);
console.log(`speed-up with ${jobsN} jobs: stdin ${report.speedup.stdin}×${filesBytes ? `, dir ${report.speedup.dir}×` : ""}; --jobs 1 and ${jobsN} identical: ${Object.entries(identical).map(([k, v]) => `${k} ${v}`).join(", ")}`);
for (const [k, q] of Object.entries(quality)) {
  if (q) console.log(`quality (${k}): article recall ${q.articleRecallWords}% of words (${q.articleRecallLines}% of lines), junk removed ${q.dropRemovedWords}% of words (${q.dropRemovedLines}% of lines), pages under 80% recall ${q.pagesRecallBelow80}`);
}
console.log(`cleaner: ${report.winnow.cleaner}; results in ${file}`);
