import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { applyPlan, cleanWithContext, indexLines } from "../corpus/apply.js";
import { type Cluster, type DedupPlan, type DedupStats, PageIndex } from "../corpus/dedup.js";
import { fileKey } from "../corpus/order.js";
import { ProfileError, SiteProfile, type SiteProfileStats } from "../corpus/site-profile.js";
import { describeFsError, expandInputs } from "../io/inputs.js";
import { isProblem, readInput, type ReadOptions, type SourceDocument } from "../io/read.js";
import type { CleanOptions, CleanedDocument, CorpusContext, Removal } from "../pipeline/types.js";
import type { Config, LearnConfig } from "./config.js";
import { ExitCode } from "./exit.js";
import type { Streams } from "./terminal.js";

/** The corpus section of the report: what spans documents, and what it cost. */
export interface CorpusSummary {
  readonly siteProfile?: SiteProfileStats;
  readonly dedup?: DedupStats;
  /** Each kept page with the pages dropped as its copies, in key order. */
  readonly clusters?: readonly Cluster[];
}

/** A profile that could not be read: the run stops before any output (exit 2). */
export class CorpusSetupError extends Error {
  override readonly name = "CorpusSetupError";
}

/** The site of a document: its URL host (JSONL), else the directory a plain file sits in. */
export function siteOfDocument(doc: SourceDocument): string | undefined {
  if (doc.site !== undefined || doc.record !== undefined || doc.path === "<stdin>") return doc.site;
  // A file named on the command line has no directory below its argument: its parent's name is the site.
  return basename(dirname(resolve(doc.path)));
}

/** What orders the copies of a duplicate: the id for JSONL, the file name then path for plain files. */
function keyOf(doc: SourceDocument): string {
  return doc.record === undefined && doc.path !== "<stdin>" ? fileKey(doc.id) : doc.id;
}

/** The read options of a run: every pass must read exactly the documents the others read. */
function readOptions(c: Pick<Config, "textField" | "idField" | "siteField" | "maxDocBytes" | "encoding">, signal?: AbortSignal): ReadOptions {
  return {
    textField: c.textField, idField: c.idField, siteField: c.siteField, maxDocBytes: c.maxDocBytes,
    ...(c.encoding && { encoding: c.encoding }), ...(signal && { signal }),
  };
}

/** Where a document was read from: how the writing pass finds its decision (robust to --resume skipping inputs). */
const placeOf = (doc: SourceDocument) => `${doc.path}\u0000${doc.line ?? ""}`;

/** Every readable document of the inputs, in input order; problems are left to the final pass to report. */
async function* documents(
  inputs: readonly string[],
  format: Config["format"],
  exclude: string | undefined,
  options: ReadOptions,
  stdin: () => Readable,
): AsyncGenerator<SourceDocument> {
  for await (const input of expandInputs(inputs, { ...(format && { format }), ...(exclude && { exclude }) })) {
    if (!("rel" in input)) continue;
    for await (const item of readInput(input, options, stdin())) if (!isProblem(item)) yield item;
  }
}

/**
 * The corpus passes of `clean`/`check`, before the pass that writes: (1) learn the site profile
 * unless --profile gives one, (2) clean each page and index it for duplicates. Standard input,
 * which cannot be read twice, is first copied to a temporary file (only when a pass needs it).
 */
export class CorpusRun {
  private profile?: SiteProfile;
  private plan?: DedupPlan;
  /** Input place → ordinal in the page index. One short string per document (not per line). */
  private readonly ordinals = new Map<string, number>();
  private spoolDir?: string;
  private spool?: string;

  private constructor(private readonly cleanOptions: CleanOptions) {}

  static async prepare(config: Config, streams: Streams, cleanOptions: CleanOptions): Promise<CorpusRun> {
    const run = new CorpusRun(cleanOptions);
    const c = config.corpus;
    if (c.profile !== undefined) {
      let bytes: Buffer;
      try {
        bytes = await readFile(c.profile);
      } catch (err) {
        throw new CorpusSetupError(`--profile ${c.profile}: ${describeFsError(err, "cannot read the site profile")}`, { cause: err });
      }
      try {
        run.profile = SiteProfile.decode(bytes);
      } catch (err) {
        if (err instanceof ProfileError) throw new CorpusSetupError(`--profile ${c.profile}: ${err.message}`, { cause: err });
        throw err;
      }
    }
    const learn = c.siteBoilerplate && !run.profile;
    const index = c.dedupPages || c.crossDocParagraphs;
    if (!learn && !index) return run;
    const usesStdin = config.inputs.length === 0 || config.inputs.includes("-");
    if (usesStdin) await run.spoolStdin(streams.stdin, streams.signal);
    const options = readOptions(config, streams.signal);
    const docs = () => documents(config.inputs, config.format, config.output, options, () => run.stdin(streams.stdin));
    if (learn) {
      const profile = new SiteProfile();
      for await (const doc of docs()) {
        const site = siteOfDocument(doc);
        if (site !== undefined) profile.addDocument(site, doc.text);
      }
      run.profile = profile;
    }
    if (index) {
      const pages = new PageIndex({
        threshold: c.nearDup, containment: c.containment, crossDocParagraphs: c.crossDocParagraphs,
        dedupPages: c.dedupPages, preferDate: c.dateField !== undefined,
      });
      for await (const doc of docs()) {
        const date = c.dateField !== undefined ? dateOf(doc, c.dateField) : undefined;
        const ordinal = pages.add({ id: doc.id, key: keyOf(doc), ...(date !== undefined && { date }) }, indexLines(doc.text, run.siteContext(doc)));
        run.ordinals.set(placeOf(doc), ordinal);
      }
      run.plan = pages.resolve();
    }
    return run;
  }

  /** The stream to read standard input from: the spooled copy when there is one. */
  stdin(real: Readable): Readable {
    return this.spool ? createReadStream(this.spool, { highWaterMark: 1 << 20 }) : real;
  }

  private siteContext(doc: SourceDocument): CorpusContext | undefined {
    const site = this.profile ? siteOfDocument(doc) : undefined;
    return site !== undefined ? this.profile!.context(site) : undefined;
  }

  /** Per-document cleaning with the site profile. */
  private cleanPage(doc: SourceDocument): CleanedDocument {
    return cleanWithContext(doc.text, this.cleanOptions, this.siteContext(doc));
  }

  /**
   * Cleans a document of the writing pass. `page` is set when the whole page is a duplicate (it is
   * then left out of the output); `unindexed` when the indexing pass did not see this document at this
   * place (the input changed in between).
   */
  clean(doc: SourceDocument): { cleaned: CleanedDocument; page?: Removal; unindexed?: true } {
    const cleaned = this.cleanPage(doc);
    if (!this.plan) return { cleaned };
    const ordinal = this.ordinals.get(placeOf(doc));
    if (ordinal === undefined || this.plan.idOf(ordinal) !== doc.id) return { cleaned, unindexed: true };
    const r = applyPlan(cleaned, this.plan, ordinal);
    return { cleaned: r.document, ...(r.page && { page: r.page }) };
  }

  summary(): CorpusSummary {
    // How many passes were made is left out: a run with --profile (one pass fewer) must give the
    // same report as the run that learned the profile.
    return {
      ...(this.profile && { siteProfile: this.profile.stats() }),
      ...(this.plan && { dedup: this.plan.stats(), clusters: this.plan.clusters() }),
    };
  }

  private async spoolStdin(stdin: Readable, signal: AbortSignal | undefined): Promise<void> {
    this.spoolDir = await mkdtemp(join(tmpdir(), "winnow-stdin-"));
    this.spool = join(this.spoolDir, "stdin");
    try {
      await pipeline(stdin, createWriteStream(this.spool), ...(signal ? [{ signal }] : []));
    } catch (err) {
      // Interrupted while reading stdin: the writing pass sees the signal and stops before output.
      if (!signal?.aborted) throw err;
    }
  }

  async dispose(): Promise<void> {
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true });
  }
}

/** Writes `bytes` under a temporary name next to `path`, then renames it into place. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

function dateOf(doc: SourceDocument, field: string): string | undefined {
  const v = doc.record?.value[field];
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

/** `winnow learn`: writes the site profile of the inputs, or the merge of profiles. */
export async function learn(config: LearnConfig, streams: Streams): Promise<ExitCode> {
  let errors = 0;
  const fail = (where: string, message: string) => {
    errors++;
    streams.stderr.write(`error: ${where}: ${message}\n`);
  };
  let profile: SiteProfile;
  if (config.merge) {
    const parts: SiteProfile[] = [];
    for (const path of config.inputs) {
      try {
        parts.push(SiteProfile.decode(await readFile(path)));
      } catch (err) {
        fail(path, err instanceof ProfileError ? err.message : describeFsError(err, "cannot read the site profile"));
      }
    }
    // A merge with a shard missing would silently differ from the whole: write nothing.
    if (errors) return ExitCode.Error;
    profile = SiteProfile.merge(parts);
  } else {
    profile = new SiteProfile();
    const options = readOptions(config, streams.signal);
    let unsited = 0;
    for await (const input of expandInputs(config.inputs, { ...(config.format && { format: config.format }) })) {
      if (!("rel" in input)) { fail(input.path, input.message); continue; }
      for await (const item of readInput(input, options, streams.stdin)) {
        if (isProblem(item)) { fail(item.line !== undefined ? `${item.path}:${item.line}` : item.path, item.message); continue; }
        const site = siteOfDocument(item);
        if (site === undefined) unsited++;
        else profile.addDocument(site, item.text);
      }
    }
    if (unsited && !config.quiet) {
      streams.stderr.write(`winnow: ${unsited} document${unsited === 1 ? "" : "s"} without a site (no "${config.siteField}" field) not profiled\n`);
    }
  }
  const bytes = profile.encode();
  await writeAtomically(config.output, bytes);
  if (!config.quiet) {
    const s = profile.stats();
    streams.stderr.write(`winnow: ${config.merge ? "merged" : "learned"} ${s.pages} pages of ${s.sites} sites: ${s.lines} distinct lines, ${(s.stateBytes / 1e6).toFixed(1)} MB in memory (${s.bytesPerLine} B/line) → ${config.output} (${(bytes.byteLength / 1e6).toFixed(1)} MB)\n`);
  }
  return errors ? ExitCode.Error : ExitCode.Ok;
}

/** Lines added to the summary on stderr: what the corpus passes did. */
export function renderCorpus(s: CorpusSummary): string {
  let out = "";
  const p = s.siteProfile;
  if (p) out += `  site profile: ${p.pages} pages of ${p.sites} sites, ${p.lines} distinct lines in ${(p.stateBytes / 1e6).toFixed(1)} MB (${p.bytesPerLine} B/line)\n`;
  const d = s.dedup;
  if (d) {
    const dropped = d.exactDuplicates + d.nearDuplicates + d.containedPages;
    out += `  duplicate pages: ${dropped} dropped in ${d.clusters} clusters (${d.exactDuplicates} exact, ${d.nearDuplicates} near, ${d.containedPages} contained); index ${(d.stateBytes / 1e6).toFixed(1)} MB\n`;
  }
  return out;
}
