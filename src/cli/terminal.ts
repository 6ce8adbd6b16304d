import { Chalk, type ChalkInstance } from "chalk";
import type { Writable } from "node:stream";
import type { LineDecision } from "../pipeline/types.js";
import { reasonKey, type ReportSummary } from "../report/report.js";

/** The streams and environment a run talks to; the real process's in bin/, pipes in tests. */
export interface Streams {
  readonly stdin: NodeJS.ReadableStream & import("node:stream").Readable;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Aborted on SIGINT/SIGTERM (bin/winnow.js), with the signal's name as the reason: the run stops
   * between documents, discards the output in progress, writes the report and says so.
   */
  readonly signal?: AbortSignal;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colours(stream: { isTTY?: boolean }, env: Streams["env"]): ChalkInstance {
  const off = !stream.isTTY || (env.NO_COLOR !== undefined && env.NO_COLOR !== "") || env.TERM === "dumb";
  return new Chalk({ level: off ? 0 : 1 });
}

const PROGRESS_EVERY_MS = 250;

/** A one-line progress meter on stderr, redrawn in place; only when stderr is a terminal. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();
  constructor(private readonly stderr: Streams["stderr"], private readonly enabled: boolean) {}

  update(files: number, documents: number, bytes: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const mb = bytes / 1e6;
    const rate = mb / Math.max((now - this.started) / 1000, 1e-3);
    this.stderr.write(`\r\x1b[2Kwinnow: ${files.toLocaleString("en")} inputs, ${documents.toLocaleString("en")} documents, ${mb.toFixed(1)} MB (${rate.toFixed(1)} MB/s)`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stderr.write("\r\x1b[2K");
    this.shown = false;
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "0.0");
const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);

/** The short summary printed to stderr at the end of a run. */
export function renderSummary(s: ReportSummary, c: ChalkInstance, verb: string): string {
  const t = s.totals;
  const langs = Object.entries(s.byLanguage).sort((a, b) => b[1].documents - a[1].documents || (a[0] < b[0] ? -1 : 1));
  const langText = langs.slice(0, 6).map(([l, g]) => `${l} ${g.documents}`).join(", ") + (langs.length > 6 ? ", …" : "");
  let out = `${c.bold("winnow")}: ${verb} ${t.documents} document${t.documents === 1 ? "" : "s"}${langText ? ` (${langText})` : ""}; `;
  out += `${verb === "checked" ? "removable" : "removed"} ${c.bold(String(t.removedLines))} of ${t.lines} lines (${pct(t.removedLines, t.lines)}%), ${kb(t.bytesIn)} → ${kb(t.bytesOut)}\n`;
  const reasons = Object.entries(s.removedByReason).sort((a, b) => b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(0, ...reasons.map(([k]) => k.length));
  for (const [key, tally] of reasons.slice(0, 12)) out += `  ${c.yellow(key.padEnd(width))}  ${String(tally.lines).padStart(7)} lines  ${kb(tally.bytes)}\n`;
  if (reasons.length > 12) out += `  … ${reasons.length - 12} more reasons in the report\n`;
  if (s.overruledByReason) {
    let kept = 0;
    for (const tally of Object.values(s.overruledByReason)) kept += tally.lines;
    out += `  kept ${kept} line${kept === 1 ? "" : "s"} a per-document guess would remove: rare on their site (overruledByReason in the report)\n`;
  }
  if (t.errors) out += c.red(`  ${t.errors} error${t.errors === 1 ? "" : "s"} (listed above)`) + "\n";
  return out;
}

/** `--explain`: every line with its decision, detector, reason and score. */
export function renderExplain(header: string, lines: readonly LineDecision[], c: ChalkInstance): string {
  let out = c.bold(`== ${header}`) + "\n";
  for (const line of lines) {
    if (line.blank) continue;
    const score = line.score === undefined ? "    " : line.score.toFixed(2);
    const n = String(line.number).padStart(5);
    if (line.keep) {
      // A removal corpus evidence overruled stays visible: the line is kept on rarity alone.
      const doubt = line.overruled ? `rare on site, not ${reasonKey(line.overruled)}` : "";
      out += `${n} ${c.green("keep")} ${score} ${c.cyan(doubt.padEnd(36))} ${line.text}\n`;
    } else {
      const why = line.removal ? reasonKey(line.removal) : "";
      out += `${n} ${c.red("DROP")} ${score} ${c.yellow(why.padEnd(36))} ${c.dim(line.text)}\n`;
    }
  }
  return out;
}
