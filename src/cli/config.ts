import { availableParallelism } from "node:os";
import type { Format } from "../io/inputs.js";
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
  };
}
