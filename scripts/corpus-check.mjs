#!/usr/bin/env node
// Determinism and memory of the corpus passes (docs/corpus.md), on a benchmark corpus:
//
//   node scripts/corpus-check.mjs --corpus DIR [--work DIR] [--shared DIR] [--memory-only]
//
// DIR holds corpus.jsonl (as written by ../shared/bench/make-corpus.mjs, or .bench/corpus-*/ of
// `npm run bench`), and optionally gold.jsonl for the quality figures. The script checks that:
//   1. `clean --corpus` over three shards of the corpus, named in three different orders, writes the
//      same bytes and the same report (per-document rows compared by id: their order follows the
//      input order, as the output does);
//   2. shards learned separately and merged (`learn --merge`, in a shuffled order) give the profile
//      of the whole corpus, byte for byte;
//   3. the corpus through stdin with that profile (`clean --corpus --profile`) gives the bytes of the
//      two-pass file run, and the same report less document paths;
// and it states the peak RSS of the file run (GNU time) and the corpus state sizes from its report.
// --memory-only runs only the file run (for the 1 GB corpus). Results go to WORK/results.json.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { git, hashTree, measure, run, sha256 } from "./lib/measure.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "winnow.js");
const USAGE = "usage: node scripts/corpus-check.mjs --corpus DIR [--work DIR] [--shared DIR] [--memory-only]";

const args = process.argv.slice(2);
const value = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const corpusDir = value("--corpus");
if (!corpusDir || !existsSync(join(corpusDir, "corpus.jsonl"))) { console.error(`corpus-check: no corpus.jsonl in ${corpusDir ?? "(missing --corpus)"}\n${USAGE}`); process.exit(2); }
const memoryOnly = args.includes("--memory-only");
const corpus = join(resolve(corpusDir), "corpus.jsonl");
const work = resolve(value("--work") ?? join(ROOT, ".bench", "corpus-check"));
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const at = (...p) => join(work, ...p);
const winnow = (...a) => [BIN, ...a, "-q"];
const say = (s) => console.error(`corpus-check: ${s}`);

async function must(cmd, a, io) {
  const r = await run(cmd, a, io);
  if (r.code !== 0) throw new Error(`${a.join(" ")} exited ${r.code ?? r.signal}:\n${r.stderr.slice(-2000)}`);
}

/** A report as compared across runs: documents sorted by id, without the given per-document fields. */
function comparableReport(path, dropFields = []) {
  const r = JSON.parse(readFileSync(path, "utf8"));
  delete r.command;
  r.documents = r.documents
    .map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !dropFields.includes(k))))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(r);
}

/** Deals the corpus's records round-robin into n shard files. */
async function shard(n) {
  const outs = Array.from({ length: n }, (_, i) => createWriteStream(at(`s${i}.jsonl`)));
  let k = 0;
  for await (const line of createInterface({ input: createReadStream(corpus), crlfDelay: Infinity })) {
    if (line) outs[k++ % n].write(line + "\n");
  }
  await Promise.all(outs.map((o) => new Promise((done) => o.end(done))));
}

const results = { corpus, commit: await git(ROOT, "rev-parse", "--short", "HEAD") };

// The file run: timed, and the reference for the stdin run.
say("clean --corpus over the whole corpus (timed) …");
const m = await measure(process.execPath, winnow("clean", "--corpus", corpus, "--report", at("files.report.json")), { stdout: at("files.jsonl") });
const state = JSON.parse(readFileSync(at("files.report.json"), "utf8")).corpus;
results.memory = { seconds: Number(m.seconds.toFixed(1)), peakRssMB: Math.round(m.rssMB), siteProfile: state.siteProfile, dedup: { ...state.dedup } };
say(`${m.seconds.toFixed(1)} s, peak RSS ${Math.round(m.rssMB)} MB; site profile ${state.siteProfile.lines} lines in ${state.siteProfile.stateBytes} bytes (${state.siteProfile.bytesPerLine} per line), dedup state ${state.dedup.stateBytes} bytes for ${state.dedup.pages} pages`);
const scorer = resolve(value("--shared") ?? join(ROOT, "..", "shared"), "bench", "score-corpus.mjs");
if (!existsSync(join(corpusDir, "gold.jsonl"))) say("no gold.jsonl beside the corpus: not scored");
else if (!existsSync(scorer)) say(`${scorer} not found (pass --shared DIR): not scored`);
else {
  const s = await run(process.execPath, [scorer, resolve(corpusDir), at("files.jsonl")], { stdout: at("score.txt") });
  say(s.code === 0 ? `quality: ${at("score.txt")}` : `scoring failed: ${s.stderr.slice(-500)}`);
}

if (!memoryOnly) {
  say("three shards, cleaned in three orders …");
  await shard(3);
  const orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0]];
  for (const [i, order] of orders.entries()) {
    await must(process.execPath, winnow("clean", "--corpus", ...order.map((s) => at(`s${s}.jsonl`)), "-o", at(`o${i}`), "--report", at(`o${i}.report.json`)));
  }
  const trees = await Promise.all(orders.map((_, i) => hashTree(at(`o${i}`))));
  const reports = orders.map((_, i) => comparableReport(at(`o${i}.report.json`)));
  results.orders = { outputsIdentical: trees.every((t) => t === trees[0]), reportsIdentical: reports.every((r) => r === reports[0]) };

  say("profiles: whole corpus vs three shards merged …");
  await must(process.execPath, winnow("learn", corpus, "-o", at("all.profile")));
  for (const s of [0, 1, 2]) await must(process.execPath, winnow("learn", at(`s${s}.jsonl`), "-o", at(`s${s}.profile`)));
  await must(process.execPath, winnow("learn", "--merge", at("s2.profile"), at("s0.profile"), at("s1.profile"), "-o", at("merged.profile")));
  results.profiles = { mergedEqualsWhole: (await sha256(at("all.profile"))) === (await sha256(at("merged.profile"))) };

  say("stdin with the merged profile …");
  await must(process.execPath, winnow("clean", "--corpus", "--profile", at("merged.profile"), "--report", at("stdin.report.json")), { stdin: corpus, stdout: at("stdin.jsonl") });
  results.stdin = {
    outputIdentical: (await sha256(at("files.jsonl"))) === (await sha256(at("stdin.jsonl"))),
    reportIdentical: comparableReport(at("files.report.json"), ["path"]) === comparableReport(at("stdin.report.json"), ["path"]),
  };
}

writeFileSync(at("results.json"), JSON.stringify(results, null, 2) + "\n");
console.log(JSON.stringify(results, null, 2));
const checks = [results.orders?.outputsIdentical, results.orders?.reportsIdentical, results.profiles?.mergedEqualsWhole, results.stdin?.outputIdentical, results.stdin?.reportIdentical];
if (checks.some((c) => c === false)) { say("NOT deterministic: see above"); process.exit(1); }
