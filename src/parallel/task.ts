import { assemble } from "../pipeline/assemble.js";
import { cleanDocument } from "../pipeline/clean.js";
import type { CleanedDocument, LineDecision, Mode, Removal } from "../pipeline/types.js";
import { countLines, type LineCounts } from "../report/report.js";

/**
 * Which lines a run needs back besides the text and the counts: none (plain `clean`), the removed
 * ones (`--removed`, `check`), or all of them (`--explain`). Sending every line back from a worker
 * would copy the whole input across threads a second time.
 */
export type LinesNeeded = "none" | "removed" | "all";

/** What every document of a run is cleaned with; plain data, so it can be handed to a worker. */
export interface TaskOptions {
  readonly mode: Mode;
  readonly lang?: string;
  readonly lines: LinesNeeded;
}

/** A cleaned document as the run loop needs it. */
export interface CleanResult {
  /** The kept text, as `assemble` writes it. */
  readonly text: string;
  readonly counts: LineCounts;
  /** The lines asked for by `TaskOptions.lines`, in document order; absent for "none". */
  readonly lines?: readonly LineDecision[];
  /** Corpus runs: set when the whole page is a duplicate (left out of the output; `text` is ""). */
  readonly page?: Removal;
  /** Corpus runs: the indexing pass did not see this document here (the input changed in between). */
  readonly unindexed?: true;
}

/**
 * Cleans one document and reduces it to what the run loop needs. Pure; the same function runs
 * in-process (`--jobs 1`) and in the worker threads, so the output cannot depend on the jobs.
 */
export function cleanTask(text: string, options: TaskOptions): CleanResult {
  const cleaned = cleanDocument(text, { mode: options.mode, ...(options.lang !== undefined && { lang: options.lang }) });
  return toResult(cleaned, options.lines);
}

/** Reduces a cleaned document to what the run loop needs (see cleanTask). */
export function toResult(cleaned: CleanedDocument, lines: LinesNeeded): CleanResult {
  const result = { text: assemble(cleaned.lines), counts: countLines(cleaned) };
  if (lines === "all") return { ...result, lines: cleaned.lines };
  if (lines === "removed") return { ...result, lines: cleaned.lines.filter((l) => !l.keep) };
  return result;
}
