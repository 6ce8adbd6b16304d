import { availableParallelism } from "node:os";
import { encodingName } from "../io/decode.js";
import type { Format } from "../io/inputs.js";
import { CONTAINMENT_THRESHOLD, NEAR_DUP_THRESHOLD } from "../corpus/dedup.js";
import type { Mode } from "../pipeline/types.js";

/** A mistake in how winnow was called: reported in one line with what to do, exit 2, no stack. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type OnError = "skip" | "pass";

/** Everything a run needs, validated; built from the raw command-line options in one place. */
export interface Config {
  readonly command: "clean" | "check";
  readonly inputs: readonly string[];
  readonly output?: string;
  readonly format?: Format;
  readonly textField: string;
  readonly idField: string;
  readonly siteField: string;
  readonly mode: Mode;
  readonly lang?: string;
  readonly explain: boolean;
  readonly report?: string;
  readonly removed?: string;
  readonly quiet: boolean;
  readonly onError: OnError;
  /** check only: share of a document's lines that may be removable before it is a finding. */
  readonly maxRemovedRatio: number;
  /** Threads that clean documents: 1 cleans in-process; the output is the same for any number. */
  readonly jobs: number;
  /** A text file or JSONL line larger than this is skipped and reported (see DEFAULT_MAX_DOC_BYTES). */
  readonly maxDocBytes: number;
  /** WHATWG name of a forced input encoding; else detected (text) or UTF-8 (JSONL). */
  readonly encoding?: string;
  /** With -o: skip inputs whose output is complete and up to date (see src/io/resume.ts). */
  readonly resume: boolean;
  readonly corpus: CorpusConfig;
}

/** Corpus-level cleaning (docs/corpus.md): what spans documents. */
export interface CorpusConfig {
  /** Learned site statistics to use instead of a learning pass over the inputs. */
  readonly profile?: string;
  readonly siteBoilerplate: boolean;
  readonly dedupPages: boolean;
  /** Jaccard threshold for near-duplicate pages. */
  readonly nearDup: number;
  /** Containment threshold (0 = off). */
  readonly containment: number;
  readonly crossDocParagraphs: boolean;
  /** JSONL field with a publication date: the earliest copy of a duplicate is kept. */
  readonly dateField?: string;
}

/** `winnow learn`: site statistics from inputs, or the merge of profiles. */
export interface LearnConfig {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly merge: boolean;
  readonly format?: Format;
  readonly textField: string;
  readonly idField: string;
  readonly siteField: string;
  readonly maxDocBytes: number;
  readonly encoding?: string;
  readonly quiet: boolean;
}

/**
 * 64 MiB. A news article is well under 1 MiB; a "document" of 64 MiB is a dump mistake (a whole
 * crawl in one file or one JSONL line). V8 caps a string at 2^29 - 24 UTF-16 units (~512 MiB), and
 * the pipeline holds a few copies of a document at once (text, lines, decisions, output, JSON
 * escaping up to 6x for control characters), so 64 MiB keeps the worst case near 1 GiB of heap.
 * Measured: one 60 MB JSONL record of 105,000 paragraphs cleans in 14 s at 825 MB peak RSS; over the
 * limit (--max-doc-bytes 16M) the same file is skipped in 0.3 s at 92 MB.
 */
export const DEFAULT_MAX_DOC_BYTES = 64 * 2 ** 20;

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 2 ** 10, kb: 1e3, kib: 2 ** 10, m: 2 ** 20, mb: 1e6, mib: 2 ** 20, g: 2 ** 30, gb: 1e9, gib: 2 ** 30 };

/** `64M`, `64MiB`, `64MB`, `1000000`: bytes, or undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The options commander hands over, before validation. */
export interface RawOptions {
  output?: string;
  format?: string;
  textField?: string;
  idField?: string;
  siteField?: string;
  mode?: string;
  lang?: string;
  explain?: boolean;
  report?: string;
  removed?: string;
  quiet?: boolean;
  onError?: string;
  maxRemovedRatio?: string;
  jobs?: string;
  maxDocBytes?: string;
  encoding?: string;
  resume?: boolean;
  corpus?: boolean;
  profile?: string;
  siteBoilerplate?: boolean;
  dedupPages?: boolean;
  nearDup?: string;
  containment?: string;
  crossDocParagraphs?: boolean;
  preferDate?: string;
  merge?: boolean;
}

/** More threads than this is a typo (each holds its own copy of the cleaner's lexicons). */
const MAX_JOBS = 256;

const MODES: readonly Mode[] = ["precise", "balanced", "recall"];
const FORMATS: readonly Format[] = ["text", "jsonl"];
const ON_ERROR: readonly OnError[] = ["skip", "pass"];

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function nonEmpty(flag: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.trim() === "") throw new UsageError(`${flag} needs a field name`);
  return value;
}

export function toConfig(command: "clean" | "check", inputs: readonly string[], raw: RawOptions): Config {
  let ratio = 0;
  if (raw.maxRemovedRatio !== undefined) {
    ratio = Number(raw.maxRemovedRatio);
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
      throw new UsageError(`--max-removed-ratio takes a number from 0 to 1 (got "${raw.maxRemovedRatio}")`);
    }
  }
  if (raw.lang !== undefined && !/^[a-z]{2,3}$/.test(raw.lang)) {
    throw new UsageError(`--lang takes an ISO 639 code such as fr, fra, ar or arb (got "${raw.lang}")`);
  }
  if (raw.output !== undefined && raw.output.trim() === "") throw new UsageError("-o/--output needs a directory");
  let jobs = availableParallelism();
  if (raw.jobs !== undefined) {
    jobs = Number(raw.jobs);
    if (!/^\s*\d+\s*$/.test(raw.jobs) || !Number.isSafeInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
      throw new UsageError(`-j/--jobs takes a whole number of threads from 1 to ${MAX_JOBS} (got "${raw.jobs}")`);
    }
  }
  const { maxDocBytes, encoding } = readLimits(raw);
  if (raw.resume && raw.output === undefined) throw new UsageError("--resume needs -o DIR: it skips inputs whose output there is already complete");
  return {
    command,
    inputs,
    ...(raw.output !== undefined && { output: raw.output }),
    ...(raw.format !== undefined && { format: oneOf("--format", raw.format, FORMATS) }),
    textField: nonEmpty("--text-field", raw.textField, "text"),
    idField: nonEmpty("--id-field", raw.idField, "id"),
    siteField: nonEmpty("--site-field", raw.siteField, "url"),
    mode: oneOf("--mode", raw.mode, MODES, "balanced")!,
    ...(raw.lang !== undefined && { lang: raw.lang }),
    explain: raw.explain ?? false,
    ...(raw.report !== undefined && { report: raw.report }),
    ...(raw.removed !== undefined && { removed: raw.removed }),
    quiet: raw.quiet ?? false,
    onError: oneOf("--on-error", raw.onError, ON_ERROR, "skip")!,
    maxRemovedRatio: ratio,
    jobs,
    maxDocBytes,
    ...(encoding !== undefined && { encoding }),
    resume: raw.resume ?? false,
    corpus: toCorpusConfig(raw),
  };
}

/** --max-doc-bytes and --encoding, shared by clean/check and learn (which must read the same documents). */
function readLimits(raw: RawOptions): { maxDocBytes: number; encoding?: string } {
  let maxDocBytes = DEFAULT_MAX_DOC_BYTES;
  if (raw.maxDocBytes !== undefined) {
    const n = parseSize(raw.maxDocBytes);
    if (n === undefined) throw new UsageError(`--max-doc-bytes takes a size such as 64M, 512KiB or 1000000 (got "${raw.maxDocBytes}")`);
    maxDocBytes = n;
  }
  let encoding: string | undefined;
  if (raw.encoding !== undefined) {
    encoding = encodingName(raw.encoding.trim());
    if (!encoding || encoding === "replacement") {
      throw new UsageError(`--encoding: unknown encoding "${raw.encoding}"; use a WHATWG label such as utf-8, windows-1252, iso-8859-15, koi8-r, windows-1256, gb18030, big5, shift_jis`);
    }
  }
  return { maxDocBytes, ...(encoding !== undefined && { encoding }) };
}

function unitInterval(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} takes a number from 0 to 1 (got "${value}")`);
  return n;
}

function toCorpusConfig(raw: RawOptions): CorpusConfig {
  if (raw.profile !== undefined && raw.profile.trim() === "") throw new UsageError("--profile needs a file made by `winnow learn`");
  if (raw.profile !== undefined && raw.siteBoilerplate === false) throw new UsageError("--profile and --no-site-boilerplate contradict each other; drop one");
  const nearDup = unitInterval("--near-dup", raw.nearDup, NEAR_DUP_THRESHOLD);
  if (nearDup === 0) throw new UsageError("--near-dup 0 would make every page a duplicate; use --no-dedup-pages to keep them all");
  // Off unless asked: with them, a page's output depends on every other input, which --resume, a
  // streamed stdin and "each input cleans as it would alone" cannot have. --corpus asks for both;
  // --profile implies site boilerplate (from the profile, no learning pass).
  const siteBoilerplate = raw.siteBoilerplate ?? (raw.corpus === true || raw.profile !== undefined);
  const dedupPages = raw.dedupPages ?? raw.corpus === true;
  const crossDocParagraphs = raw.crossDocParagraphs ?? false;
  if (raw.resume && ((siteBoilerplate && raw.profile === undefined) || dedupPages || crossDocParagraphs)) {
    throw new UsageError("--resume cannot be combined with corpus passes (--corpus, --site-boilerplate without --profile, --dedup-pages, --cross-doc-paragraphs): an output then depends on every input; use --profile FILE alone, or run without --resume");
  }
  return {
    ...(raw.profile !== undefined && { profile: raw.profile }),
    siteBoilerplate,
    dedupPages,
    nearDup,
    containment: unitInterval("--containment", raw.containment, CONTAINMENT_THRESHOLD),
    crossDocParagraphs,
    ...(raw.preferDate !== undefined && { dateField: nonEmpty("--prefer-date", raw.preferDate, "date") }),
  };
}

export function toLearnConfig(inputs: readonly string[], raw: RawOptions): LearnConfig {
  if (raw.output === undefined || raw.output.trim() === "") throw new UsageError("learn needs -o FILE: where to write the site profile");
  if (raw.merge && inputs.length === 0) throw new UsageError("learn --merge needs the profiles to merge (files made by `winnow learn`)");
  return {
    inputs,
    output: raw.output,
    merge: raw.merge ?? false,
    ...(raw.format !== undefined && { format: oneOf("--format", raw.format, FORMATS) }),
    textField: nonEmpty("--text-field", raw.textField, "text"),
    idField: nonEmpty("--id-field", raw.idField, "id"),
    siteField: nonEmpty("--site-field", raw.siteField, "url"),
    ...readLimits(raw),
    quiet: raw.quiet ?? false,
  };
}

/** The options as they go into the report: only what changes the result, in a stable order. */
export function reportedOptions(config: Config): Record<string, unknown> {
  return {
    format: config.format ?? "auto",
    textField: config.textField,
    idField: config.idField,
    siteField: config.siteField,
    mode: config.mode,
    lang: config.lang ?? "auto",
    onError: config.onError,
    encoding: config.encoding ?? "auto",
    maxDocBytes: config.maxDocBytes,
    ...(config.command === "check" && { maxRemovedRatio: config.maxRemovedRatio }),
    corpus: {
      // Learned here or read from --profile gives the same statistics (and the same report): the
      // profile's path is left out on purpose; the corpus section lists what the profile holds.
      siteBoilerplate: config.corpus.siteBoilerplate,
      dedupPages: config.corpus.dedupPages,
      nearDup: config.corpus.nearDup,
      containment: config.corpus.containment,
      crossDocParagraphs: config.corpus.crossDocParagraphs,
      preferDate: config.corpus.dateField ?? false,
    },
  };
}
