#!/usr/bin/env node
// Quality gate: fails when the dev-set F1 (text pages, ALL) drops more than MAX_F1_DROP points below
// eval/baseline.json, or when more pages are lost (recall < 0.8) than in the baseline.
//
//   node scripts/eval-gate.mjs            # runs scripts/eval.mjs (needs a build), then compares
//   node scripts/eval-gate.mjs --no-run   # compares the last .eval/summary.json
//   node scripts/eval-gate.mjs --update   # writes the current figures as the new baseline
//
// Exits 0 with a message when ../shared/eval is absent (a fresh clone has no dev set).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

/** One point of F1 is about the noise between two runs that differ in one rule on this set. */
const MAX_F1_DROP = 1;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const evalDir = resolve(root, "../shared/eval");
if (!existsSync(join(evalDir, "dev", "manifest.jsonl"))) {
  console.log(`eval-gate: ${evalDir} not found; skipping the quality gate`);
  process.exit(0);
}
if (!args.includes("--no-run")) execFileSync(process.execPath, [join(root, "scripts", "eval.mjs")], { stdio: ["ignore", "ignore", "inherit"] });

const summary = JSON.parse(readFileSync(join(root, ".eval", "summary.json"), "utf8"));
const round = (x) => Number(x.toFixed(2));
const pick = (t) => ({ pages: t.pages, f1: round(t.f1), precision: round(t.precision), recall: round(t.recall), lost: t.lost, withKept: round(t.withKept), withoutRemoved: round(t.withoutRemoved), commentsRemoved: round(t.commentsRemoved) });
const current = {
  mode: summary.mode,
  all: pick(summary.all),
  byLang: Object.fromEntries(summary.byLang.filter((t) => t.group !== "ALL" && t.pages >= 5).map((t) => [t.group, { pages: t.pages, f1: round(t.f1), lost: t.lost }])),
};
const baselinePath = join(root, "eval", "baseline.json");
if (args.includes("--update")) {
  writeFileSync(baselinePath, JSON.stringify(current, null, 2) + "\n");
  console.log(`eval-gate: baseline written to ${baselinePath}`);
  process.exit(0);
}
const base = JSON.parse(readFileSync(baselinePath, "utf8"));
const problems = [];
if (current.all.f1 < base.all.f1 - MAX_F1_DROP) problems.push(`F1 ${current.all.f1} < baseline ${base.all.f1} - ${MAX_F1_DROP}`);
if (current.all.lost > base.all.lost) problems.push(`lost ${current.all.lost} > baseline ${base.all.lost}`);
console.log(`eval-gate: F1 ${current.all.f1} (baseline ${base.all.f1}), lost ${current.all.lost} (baseline ${base.all.lost})`);
if (problems.length) {
  for (const p of problems) console.error(`eval-gate: FAIL: ${p}`);
  process.exitCode = 1;
} else console.log("eval-gate: ok");
