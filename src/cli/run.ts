import { realpath } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { expandInputs, isWithin, type Format, type Input } from "../io/inputs.js";
import { withText } from "../io/jsonl.js";
import { isProblem, readInput, type ReadProblem, type SourceDocument } from "../io/read.js";
import { ReportFile } from "../io/report-file.js";
import { inputMtime, upToDate } from "../io/resume.js";
import { atomicFileSink, BrokenPipe, safeOutputPath, stdoutSink, sweepStaleTemps, WriteError, type Sink } from "../io/write.js";
import { createCleaner, type Cleaner } from "../parallel/pool.js";
import { H, hash64 } from "../corpus/hash.js";
import { U64Table } from "../corpus/u64-table.js";
import { toResult, type CleanResult } from "../parallel/task.js";
import { CorpusRun, CorpusSetupError, renderCorpus } from "./corpus.js";
import type { CleanOptions } from "../pipeline/types.js";
import { InputItems, ReadAhead } from "./readahead.js";
import { reasonKey, ReportBuilder } from "../report/report.js";
import { reportedOptions, type Config } from "./config.js";
import { ExitCode } from "./exit.js";
import { colours, Progress, renderExplain, renderSummary, type Streams } from "./terminal.js";

/** Outputs whose input is remembered by name, for the message when a later input would overwrite one. */
const OUTPUT_NAMES_KEPT = 10_000;

/**
 * Runs `clean` or `check`: inputs are read one document at a time, cleaned, written, and counted.
 * A failing input is reported and skipped; the exit code is decided at the end, here only.
 */
export async function run(config: Config, streams: Streams, version: string): Promise<ExitCode> {
  const run = new Run(config, streams, version);
  try {
    return await run.execute();
  } catch (err) {
    if (err instanceof BrokenPipe) {
      await run.abandon();
      return ExitCode.Ok; // `| head` closed the pipe: not an error.
    }
    if (err instanceof WriteError) {
      // The report or --removed file could not be written: one line saying which and why.
      await run.abandon();
      streams.stderr.write(`winnow: ${err.message}\n`);
      return ExitCode.Error;
    }
    await run.abandon();
    throw err;
  }
}

class Run {
  private readonly report: ReportBuilder;
  private readonly errColour;
  private readonly outColour;
  private readonly progress: Progress;
  private reportFile?: ReportFile;
  private removedSink?: Sink;
  private stdout?: Sink;
  private findings = 0;
  private docs = 0;
  private files = 0;
  private bytes = 0;
  private corpus?: CorpusRun;
  /** Inputs skipped by --resume because their output was complete and current. */
  private resumed = 0;
  /** Directories below -o already swept of a killed run's temporary files. */
  private readonly swept = new Set<string>();
  private sweptFiles = 0;
  /**
   * Outputs written in this run, so two inputs never share one: 64-bit hashes of their paths in a
   * typed table (16–32 bytes an output, for directories of millions of files). The first
   * OUTPUT_NAMES_KEPT also keep the input they came from, to name it in the message.
   */
  private readonly outputs = new U64Table();
  private readonly outputNames = new Map<string, string>();
  /** Why the run stopped before the end (a full disk), if it did. */
  private stopped?: string;
  private cleaner?: Cleaner;
  private ahead?: ReadAhead;

  constructor(private readonly config: Config, private readonly streams: Streams, version: string) {
    this.report = new ReportBuilder({ version, command: config.command, options: reportedOptions(config) });
    this.errColour = colours(streams.stderr, streams.env);
    this.outColour = colours(streams.stdout, streams.env);
    this.progress = new Progress(streams.stderr, !config.quiet && streams.stderr.isTTY === true);
  }

  async execute(): Promise<ExitCode> {
    const { config } = this;
    try {
      // The corpus passes (site profile, duplicate pages) read everything before the first output.
      this.corpus = await CorpusRun.prepare(config, this.streams, this.cleanOptions());
    } catch (err) {
      if (!(err instanceof CorpusSetupError)) throw err;
      this.streams.stderr.write(`winnow: ${err.message}\n`);
      return ExitCode.Error;
    }
    for (const file of [config.report, config.removed]) {
      if (file) this.sweptFiles += await sweepStaleTemps(dirname(resolve(file)));
    }
    if (config.report) this.reportFile = await ReportFile.open(config.report);
    if (config.removed) this.removedSink = await atomicFileSink(config.removed, false);
    // Standard output carries cleaned text (no -o), `check` findings or `--explain`: never a mix.
    this.stdout = stdoutSink(this.streams.stdout);

    const signal = this.streams.signal;
    // Inputs are read and cleaned ahead (on --jobs worker threads) and taken back here in order.
    const lines = config.explain ? "all" : config.removed || config.command === "check" ? "removed" : "none";
    const c = config.corpus;
    const corpus = this.corpus;
    let clean: (doc: SourceDocument) => Promise<CleanResult>;
    if (c.siteBoilerplate || c.dedupPages || c.crossDocParagraphs || c.profile !== undefined) {
      // Corpus-level cleaning holds the site profile and the duplicate plan in this thread: in-process.
      // (Workers would need the profile sent to them; see the speed report.)
      clean = (doc) => {
        try {
          const r = corpus.clean(doc);
          const result = toResult(r.cleaned, lines);
          return Promise.resolve({ ...result, ...(r.page && { page: r.page, text: "" }), ...(r.unindexed && { unindexed: true as const }) });
        } catch (err) {
          const failed = Promise.reject(err);
          failed.catch(() => undefined);
          return failed;
        }
      };
    } else {
      const cleaner = (this.cleaner = createCleaner(config.jobs, { mode: config.mode, ...(config.lang && { lang: config.lang }), lines }));
      clean = (doc) => cleaner.clean(doc.text);
    }
    const options = {
      textField: config.textField, idField: config.idField, siteField: config.siteField, maxDocBytes: config.maxDocBytes,
      ...(config.encoding && { encoding: config.encoding }), ...(signal && { signal }),
    };
    this.ahead = new ReadAhead(
      expandInputs(config.inputs, { ...(config.format && { format: config.format }), ...(config.output && { exclude: config.output }) }),
      (input, onFormat) => readInput(input, options, corpus.stdin(this.streams.stdin), onFormat),
      clean,
      {
        // --resume decides before reading, or the read-ahead would clean what is then skipped.
        skip: (input) => this.alreadyDone(input),
        // Else a pipe nobody drains would keep the process waiting.
        interrupt: (input) => { if (input.stdin) this.streams.stdin.destroy(); },
      },
    );
    for await (const next of this.ahead) {
      if (signal?.aborted || this.stopped) break;
      if ("problem" in next) {
        this.problem({ problem: true, path: next.problem.path, message: next.problem.message, fatal: true });
        continue;
      }
      this.files++;
      try {
        await this.cleanInput(next.input, next.items);
      } finally {
        next.items.abandon();
      }
    }
    this.ahead.close();
    await this.cleaner?.close();

    await this.stdout?.close();
    this.progress.clear();
    await this.corpus.dispose();
    this.report.setCorpus(this.corpus.summary());
    if (this.resumed) this.report.setResumed(this.resumed);
    const interrupted = signal?.aborted ? signalName(signal.reason) : undefined;
    if (interrupted) this.report.setInterrupted(interrupted);
    const summary = this.report.summary();
    await this.removedSink?.close();
    await this.reportFile?.close(summary);
    if (!config.quiet) {
      const verb = config.command === "check" ? "checked" : "cleaned";
      this.streams.stderr.write(renderSummary(summary, this.errColour, verb));
      this.streams.stderr.write(renderCorpus(this.corpus.summary()));
      if (this.resumed) this.streams.stderr.write(`winnow: --resume: ${this.resumed} input${this.resumed === 1 ? "" : "s"} already done, skipped\n`);
      if (this.sweptFiles) this.streams.stderr.write(`winnow: removed ${this.sweptFiles} temporary file${this.sweptFiles === 1 ? "" : "s"} left by an interrupted run\n`);
    }
    if (interrupted) {
      // Always said, even with --quiet: the output is incomplete and the user must know.
      const report = config.report ? `; the report (${config.report}) covers what was done` : "";
      const again = config.output ? "; run again with --resume to finish" : "";
      this.streams.stderr.write(`winnow: interrupted by ${interrupted} after ${this.docs} document${this.docs === 1 ? "" : "s"}; finished outputs are complete, the one in progress was discarded${report}${again}\n`);
      return interrupted === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted;
    }
    if (this.stopped) this.streams.stderr.write(`winnow: stopped: ${this.stopped}\n`);
    if (this.report.errorCount > 0) return ExitCode.Error;
    if (config.command === "check" && this.findings > 0) return ExitCode.Found;
    return ExitCode.Ok;
  }

  async abandon(): Promise<void> {
    this.ahead?.close();
    await this.cleaner?.close();
    this.progress.clear();
    await this.corpus?.dispose();
    await this.stdout?.abort();
    await this.removedSink?.abort();
    await this.reportFile?.abort();
  }

  /** Reports a problem as `path:line: message` on stderr and counts it. */
  private problem(p: ReadProblem): void {
    this.progress.clear();
    const where = p.line !== undefined ? `${p.path}:${p.line}` : p.path;
    this.streams.stderr.write(`${this.errColour.red("error")}: ${where}: ${p.message}\n`);
    this.report.addError({ path: p.path, ...(p.line !== undefined && { line: p.line }), message: p.message }, true);
  }

  /** A notice that is not an error (the document was still cleaned); not shown with --quiet. */
  private warn(message: string): void {
    if (this.config.quiet) return;
    this.progress.clear();
    this.streams.stderr.write(`${this.errColour.yellow("warning")}: ${message}\n`);
  }

  /** Where the cleaned copy of `input` goes under -o, or a reason it cannot go there. */
  private async destination(input: Input, format: Format): Promise<string | { refused: string }> {
    const out = this.config.output!;
    let rel = input.rel;
    if (input.stdin) rel = format === "jsonl" ? "stdin.jsonl" : "stdin.txt";
    const dest = await safeOutputPath(out, rel);
    if (typeof dest !== "string") return dest;
    if (!isWithin(out, dest)) return { refused: `output path ${dest} would fall outside ${out}` };
    if (!input.stdin) {
      const real = await realpath(input.path).catch(() => resolve(input.path));
      if (real === resolve(dest) || (await realpath(dest).catch(() => undefined)) === real) {
        return { refused: "refusing to write over the input; choose another -o directory" };
      }
    }
    return dest;
  }

  /** --resume: the input's output under -o is complete and current, so the input is not read at all. */
  private async alreadyDone(input: Input): Promise<boolean> {
    const { config } = this;
    if (!config.resume || !config.output || config.command !== "clean" || input.stdin) return false;
    const dest = await this.destination(input, input.format ?? "text");
    return typeof dest === "string" && (await upToDate(input.path, dest));
  }

  private async cleanInput(input: Input, items: InputItems): Promise<void> {
    const { config } = this;
    const signal = this.streams.signal;
    let format: Format = input.format ?? "text";
    let sink: Sink | undefined;
    let refused = false;
    let wrote = false;
    let mtime: Date | undefined;
    if (config.output && config.command === "clean" && !input.stdin) {
      mtime = await inputMtime(input.path);
      if (items.skipped) { this.resumed++; return; } // see alreadyDone
    }
    const openSink = async (): Promise<Sink | undefined> => {
      if (sink || refused) return sink;
      if (config.command === "check") return undefined;
      if (!config.output) return this.stdout;
      const dest = await this.destination(input, format);
      if (typeof dest !== "string") {
        refused = true;
        this.problem({ problem: true, path: input.path, message: dest.refused, fatal: true });
        return undefined;
      }
      hash64(dest);
      const hi = H[0]!, lo = H[1]!;
      if (this.outputs.has(hi, lo)) {
        const earlier = this.outputNames.get(dest) ?? "another input";
        // Two inputs with the same name from different arguments (a/x.txt b/x.txt): writing the
        // second would silently replace the first's output.
        refused = true;
        this.problem({ problem: true, path: input.path, message: `its output ${dest} was already written for ${earlier} in this run; skipped (give the parent directories instead, or use separate -o directories)`, fatal: true });
        return undefined;
      }
      this.outputs.set(hi, lo, 1);
      if (this.outputNames.size < OUTPUT_NAMES_KEPT) this.outputNames.set(dest, input.path);
      const dir = dirname(dest);
      if (!this.swept.has(dir)) { this.swept.add(dir); this.sweptFiles += await sweepStaleTemps(dir); }
      sink = await atomicFileSink(dest, input.gzip && extname(dest).toLowerCase() === ".gz", mtime ? { mtime } : {});
      return sink;
    };
    let fatal = false;
    try {
      for await (const { item, cleaned } of items.take((f) => { format = f; })) {
        if (signal?.aborted) break;
        if (isProblem(item)) {
          this.problem(item);
          if (item.fatal) fatal = true;
          if (item.raw !== undefined && config.onError === "pass") {
            const s = await openSink();
            await s?.write(item.raw + "\n");
            wrote = true;
          }
          continue;
        }
        await this.cleanDocument(item, await cleaned!, format, openSink);
        if (refused) return;
        wrote = true;
      }
      if (signal?.aborted) {
        // Interrupted: this input is not finished, so its output never gets its final name.
        if (sink) await sink.abort();
        return;
      }
      if (!wrote && !fatal && config.command === "clean" && config.output) await openSink(); // an empty input gives an empty output
      if (sink && config.output) {
        // A text input given up entirely writes nothing; a JSONL input keeps what was read before a fault.
        if (fatal && !wrote) await sink.abort();
        else await sink.close();
      }
    } catch (err) {
      await sink?.abort();
      if (!(err instanceof WriteError)) throw err;
      // This input's output could not be written: say so, go on with the others, unless no write
      // can succeed any more (full disk, read-only file system).
      this.problem({ problem: true, path: input.path, message: err.message, fatal: true });
      if (err.stopsRun) this.stopped = `${err.message}; the inputs after ${input.path} were not cleaned`;
    }
  }

  private cleanOptions(): CleanOptions {
    return { mode: this.config.mode, ...(this.config.lang && { lang: this.config.lang }) };
  }

  /** Cleans one document; `openSink` is called only when there is something to write. */
  private async cleanDocument(doc: SourceDocument, cleaned: CleanResult, format: Format, openSink: () => Promise<Sink | undefined>): Promise<void> {
    const { config } = this;
    if (doc.encoding && doc.encoding.replaced > 0) {
      this.warn(`${doc.path}${doc.line !== undefined ? `:${doc.line}` : ""}: ${doc.encoding.replaced} character${doc.encoding.replaced === 1 ? "" : "s"} not valid in ${doc.encoding.encoding} replaced by U+FFFD`);
    }
    // A JSONL output exists even when all its records are duplicates; a dropped text page has no file.
    const early = format === "jsonl" ? await openSink() : undefined;
    const { page, unindexed } = cleaned;
    if (unindexed) {
      // Counted as an error (exit 2), but the document is still cleaned, without page decisions.
      this.problem({ problem: true, path: doc.path, ...(doc.line !== undefined && { line: doc.line }), message: "the input changed while it was being read (this document was not there when the corpus was indexed); cleaned without duplicate-page decisions" });
    }
    let text = cleaned.text; // "" for a duplicate page
    // endsWith, not /\n$/: a regex anchored at the end still scans the whole text (7% of a run's time).
    if (format === "jsonl" && !doc.text.endsWith("\n") && text.endsWith("\n")) text = text.slice(0, -1);
    const bytesOut = Buffer.byteLength(text);
    const row = this.report.addDocument(doc, cleaned.counts, bytesOut);
    this.bytes += doc.bytes;
    this.docs++;
    this.progress.update(this.files, this.docs, this.bytes);
    await this.reportFile?.addRow(row);
    if (this.removedSink) await this.writeRemoved(doc, cleaned);
    if (config.command === "check") {
      await this.check(doc, cleaned);
      return;
    }
    if (config.explain) {
      const header = `${doc.path}${doc.line !== undefined ? `:${doc.line}` : ""} (id ${doc.id}, ${cleaned.counts.lang})`;
      await this.stdout!.write(renderExplain(header, cleaned.lines!, this.outColour));
      if (!config.output) return;
    }
    if (page) return; // a duplicate page is left out of the output
    const sink = early ?? (await openSink());
    if (!sink) return;
    await sink.write(format === "jsonl" && doc.record ? withText(doc.record, text) + "\n" : text);
  }

  private async writeRemoved(doc: SourceDocument, cleaned: CleanResult): Promise<void> {
    for (const line of cleaned.lines!) {
      if (line.keep || !line.removal) continue;
      const r = line.removal;
      await this.removedSink!.write(JSON.stringify({
        id: doc.id, path: doc.path, ...(doc.line !== undefined && { record: doc.line }), line: line.number,
        detector: r.detector, reason: r.reason, ...(r.score !== undefined && { score: r.score }), ...(r.ref !== undefined && { ref: r.ref }),
        text: line.text,
      }) + "\n");
    }
  }

  /** `check`: one finding per removable line, linter style, unless the document is under the ratio. */
  private async check(doc: SourceDocument, cleaned: CleanResult): Promise<void> {
    const { lines, removedLines: removed } = cleaned.counts;
    if (removed === 0 || removed / lines <= this.config.maxRemovedRatio) return;
    const c = this.outColour;
    let out = "";
    for (const line of cleaned.lines!) {
      if (line.keep || !line.removal) continue;
      const where = doc.line !== undefined ? `${doc.path}:${doc.line}:${line.number}` : `${doc.path}:${line.number}`;
      out += `${c.bold(where)}: ${c.yellow(reasonKey(line.removal))}: ${line.text}\n`;
      this.findings++;
    }
    await this.stdout!.write(out);
  }
}

/** The name of the signal an AbortController was aborted with (bin/winnow.js passes it). */
function signalName(reason: unknown): string {
  return typeof reason === "string" && /^SIG[A-Z]+$/.test(reason) ? reason : "SIGINT";
}
