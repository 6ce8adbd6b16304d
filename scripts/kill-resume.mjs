#!/usr/bin/env node
// Kills `winnow clean -o` with SIGKILL at a random moment, checks that no output under its final name
// is partial, finishes with --resume, and compares the result with an uninterrupted run byte for byte.
//
//   node scripts/kill-resume.mjs [files=10000] [trials=3] [seed]
//
// Needs `npx tsc -p .` first (runs bin/winnow.js). Prints one line per trial and a summary; exits 1
// when any trial fails.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../bin/winnow.js");
const FILES = Number(process.argv[2] ?? 10_000);
const TRIALS = Number(process.argv[3] ?? 3);
let seed = Number(process.argv[4] ?? 20261124);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31); // reproducible

const WORDS = ["le", "conseil", "municipal", "budget", "école", "мэр", "бюджет", "المدينة", "ميزانية", "市议会", "预算", "news", "report"];
const sentence = () => Array.from({ length: 5 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ") + ".";

function makeCorpus(dir) {
  for (let i = 0; i < FILES; i++) {
    const site = `site${i % 50}`;
    mkdirSync(join(dir, site), { recursive: true });
    const chrome = ["Accueil | Monde | Sport", "Partager sur Facebook", "© 2026 Le Journal"];
    const lines = [];
    for (let p = 0; p < 3 + Math.floor(random() * 12); p++) {
      if (random() < 0.3) lines.push(chrome[Math.floor(random() * chrome.length)]);
      lines.push(sentence(), "");
    }
    const text = lines.join("\n");
    const name = join(dir, site, `doc${String(i).padStart(5, "0")}`);
    if (i % 10 === 9) writeFileSync(`${name}.jsonl`, lines.filter(Boolean).map((t, k) => JSON.stringify({ id: `${i}-${k}`, text: `${t}\n${t}\n` })).join("\n") + "\n");
    else writeFileSync(`${name}.txt`, text);
    const t = new Date(Date.UTC(2026, 0, 1) + i * 1000);
    utimesSync(`${name}.${i % 10 === 9 ? "jsonl" : "txt"}`, t, t);
  }
}

function winnow(args) {
  const child = spawn(process.execPath, [BIN, "clean", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b) => (stderr += b));
  const done = new Promise((ok) => child.on("close", (code, signal) => ok({ code, signal, stderr })));
  return { child, done };
}

/** Every file below `dir` (hidden ones too): relative path → bytes; none when `dir` is not there. */
function tree(dir) {
  const files = new Map();
  // A kill before the first output leaves no -o directory at all: a valid trial, not a crash.
  if (!existsSync(dir)) return files;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

const work = mkdtempSync(join(tmpdir(), "winnow-kill-resume-"));
let failures = 0;
try {
  const input = join(work, "in");
  makeCorpus(input);
  const t0 = Date.now();
  const ref = await winnow([input, "-o", join(work, "ref"), "-q"]).done;
  const fullMs = Date.now() - t0;
  if (ref.code !== 0) throw new Error(`reference run failed (${ref.code}): ${ref.stderr}`);
  const expected = tree(join(work, "ref"));
  console.log(`corpus: ${FILES} files; uninterrupted run: ${fullMs} ms, ${expected.size} outputs`);

  for (let trial = 1; trial <= TRIALS; trial++) {
    const out = join(work, `out${trial}`);
    let killAt = Math.floor(fullMs * (0.1 + 0.8 * random()));
    let killed;
    for (;;) {
      // A run can be faster than the reference one (warm caches): if it finished before the kill,
      // start over with half the delay, so that every trial really kills a run half-way.
      rmSync(out, { recursive: true, force: true });
      const first = winnow([input, "-o", out, "-q"]);
      await new Promise((r) => setTimeout(r, killAt));
      first.child.kill("SIGKILL");
      killed = await first.done;
      if (killed.signal === "SIGKILL") break;
      killAt = Math.floor(killAt / 2);
    }
    const after = tree(out);
    const finals = [...after.keys()].filter((p) => !/(^|\/)\.[^/]+\.winnow-\d+\.tmp$/.test(p));
    const temps = after.size - finals.length;
    const partial = finals.filter((p) => !expected.has(p) || !expected.get(p).equals(after.get(p)));
    const resumed = await winnow([input, "-o", out, "--resume"]).done;
    const final = tree(out);
    const skipped = Number(/--resume: (\d+) input/.exec(resumed.stderr)?.[1] ?? 0);
    const same = final.size === expected.size && [...expected].every(([p, b]) => final.get(p)?.equals(b));
    const mtimeOk = [...expected.keys()].every((p) => statSync(join(out, p)).mtimeMs === statSync(join(work, "ref", p)).mtimeMs);
    const ok = killed.signal === "SIGKILL" && partial.length === 0 && resumed.code === 0 && same && mtimeOk;
    if (!ok) failures++;
    console.log(`trial ${trial}: SIGKILL at ${killAt} ms: ${finals.length} complete outputs, ${partial.length} partial, ${temps} temp file(s) left; ` +
      `--resume skipped ${skipped}, exit ${resumed.code}; result ${same ? "identical" : "DIFFERENT"} to the uninterrupted run${mtimeOk ? "" : " (mtimes differ)"}: ${ok ? "ok" : "FAIL"}`);
    if (!ok && resumed.stderr) console.log(resumed.stderr.slice(0, 2000));
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `${failures} of ${TRIALS} trials FAILED` : `all ${TRIALS} trials ok`);
process.exitCode = failures ? 1 : 0;
