#!/usr/bin/env node
// Cleans the shared dev set and scores it. Internal tool: reads ../shared/eval, writes .eval/ only
// (gitignored), never copies dev data into the repository.
//
//   npm run eval                        # build first (npm run build), then clean + score
//   node scripts/eval.mjs --mode precise --worst 20
//
// Uses the real CLI (bin/winnow.js clean DIR -o OUT) when it exists; until the CLI lands it calls
// cleanText from dist/ itself and writes OUT/<source>/<n>.txt the way the CLI will.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args[i + 1]; };
const evalDir = resolve(root, opt("--set", "../shared/eval"));
const mode = opt("--mode", "balanced");
const worst = opt("--worst", "0");
const outDir = join(root, ".eval", "out");
const summaryPath = join(root, ".eval", "summary.json");

if (!existsSync(join(evalDir, "dev", "manifest.jsonl"))) {
  console.log(`eval: ${evalDir}/dev not found; nothing to measure`);
  process.exit(0);
}
const casesDir = join(evalDir, "dev", "cases");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const bin = join(root, "bin", "winnow.js");
const started = process.hrtime.bigint();
let bytes = 0;
let via;
if (existsSync(bin) && !args.includes("--library")) {
  via = "cli";
  execFileSync(process.execPath, [bin, "clean", casesDir, "-o", outDir, "--mode", mode, "-q"], { stdio: ["ignore", "ignore", "inherit"] });
} else {
  via = "library";
  const lib = join(root, "dist", "index.js");
  if (!existsSync(lib)) { console.error("eval: dist/index.js missing: run `npm run build` first"); process.exit(2); }
  const { cleanText } = await import(pathToFileURL(lib).href);
  for (const source of readdirSync(casesDir).sort()) {
    mkdirSync(join(outDir, source), { recursive: true });
    for (const name of readdirSync(join(casesDir, source)).sort()) {
      const text = readFileSync(join(casesDir, source, name), "utf8");
      bytes += Buffer.byteLength(text);
      writeFileSync(join(outDir, source, name), cleanText(text, { mode }));
    }
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const scorer = join(evalDir, "score-set.mjs");
const set = join(evalDir, "dev");
const run = (...extra) => execFileSync(process.execPath, [scorer, set, outDir, ...extra], { encoding: "utf8" });
console.log(run("--worst", worst));
console.log(run("--by", "lang"));
const bySource = JSON.parse(run("--json"));
const byLang = JSON.parse(run("--json", "--by", "lang"));
const all = bySource.table.find((t) => t.group === "ALL");
const summary = {
  mode, via, seconds: Number(seconds.toFixed(2)),
  mbPerSecond: bytes ? Number((bytes / 1e6 / seconds).toFixed(1)) : undefined,
  all, bySource: bySource.table, byLang: byLang.table,
};
mkdirSync(dirname(summaryPath), { recursive: true });
writeFileSync(summaryPath, JSON.stringify(summary, null, 2) + "\n");
console.log(`ALL: F1 ${all.f1.toFixed(1)} lost ${all.lost} | with ${all.withKept.toFixed(1)} w/out ${all.withoutRemoved.toFixed(1)} comm ${all.commentsRemoved.toFixed(1)} | ${via} ${seconds.toFixed(1)}s${summary.mbPerSecond ? ` ${summary.mbPerSecond} MB/s` : ""}`);
console.log(`summary written to ${summaryPath}`);
