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
  readonly quiet: boolean;
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
  profile?: string;
  siteBoilerplate?: boolean;
  dedupPages?: boolean;
  nearDup?: string;
  containment?: string;
  crossDocParagraphs?: boolean;
  preferDate?: string;
  merge?: boolean;
}

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
    corpus: toCorpusConfig(raw),
  };
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
  return {
    ...(raw.profile !== undefined && { profile: raw.profile }),
    siteBoilerplate: raw.siteBoilerplate ?? true,
    dedupPages: raw.dedupPages ?? true,
    nearDup,
    containment: unitInterval("--containment", raw.containment, CONTAINMENT_THRESHOLD),
    crossDocParagraphs: raw.crossDocParagraphs ?? false,
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
