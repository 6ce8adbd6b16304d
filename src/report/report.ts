import type { CleanedDocument, Removal } from "../pipeline/types.js";

/** Lines and UTF-8 bytes (line terminators not counted). */
export interface Tally {
  lines: number;
  bytes: number;
}

/** What one document came to, as listed in the report. */
export interface DocumentSummary {
  readonly id: string;
  readonly path: string;
  readonly line?: number;
  readonly site?: string;
  readonly lang: string;
  readonly lines: number;
  readonly removedLines: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Removed lines by `detector/reason`. */
  readonly removed: Record<string, number>;
  /** Corpus runs: kept lines whose removal corpus evidence overruled, by that removal's `detector/reason`. */
  readonly overruled?: Record<string, number>;
  /** How the input bytes were read (text files; JSONL with --encoding): e.g. `koi8-r (detected 56%)`. */
  readonly encoding?: string;
  /** Characters replaced by U+FFFD because the bytes were not valid in that encoding. */
  readonly replacedChars?: number;
}

/** How a document's bytes were decoded (see src/io/decode.ts). */
export interface EncodingInfo {
  readonly encoding: string;
  readonly how: string;
  readonly confidence?: number;
  readonly replaced: number;
}

/** `utf-8`, `utf-8 (bom)`, `koi8-r (detected 56%)`, `windows-1252 (fallback)`, `gb18030 (forced)`. */
export function describeEncoding(e: EncodingInfo): string {
  if (e.how === "utf-8") return e.encoding;
  if (e.how === "detected") return `${e.encoding} (detected ${e.confidence ?? 0}%)`;
  return `${e.encoding} (${e.how})`;
}

export interface ReportError {
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

interface GroupTotals {
  documents: number;
  lines: number;
  removedLines: number;
  bytesIn: number;
  bytesOut: number;
}

/** The report without its per-document list (which is streamed, see src/io/report-file.ts). */
export interface ReportSummary {
  readonly tool: { readonly name: string; readonly version: string };
  readonly command: string;
  readonly options: Record<string, unknown>;
  readonly totals: GroupTotals & { readonly errors: number; readonly skippedDocuments: number; readonly replacedChars: number };
  /** Documents by input encoding (WHATWG name), for text files and JSONL read with --encoding. */
  readonly encodings: Record<string, number>;
  /** Set when --resume skipped inputs whose output was complete: they are not counted here. */
  readonly resumedInputs?: number;
  /** Set when a signal stopped the run: the report covers only what was done before it. */
  readonly interrupted?: string;
  /** Keyed `detector/reason`, sorted. */
  readonly removedByReason: Record<string, Tally>;
  /**
   * Corpus runs: lines kept although a per-document guess would have removed them, because the line
   * is on at most one other page of its site; keyed by the overruled `detector/reason`. Absent when none.
   */
  readonly overruledByReason?: Record<string, Tally>;
  readonly removedByDetector: Record<string, Tally>;
  readonly byLanguage: Record<string, GroupTotals>;
  readonly bySite: Record<string, GroupTotals>;
  readonly errors: readonly ReportError[];
  /** What spans documents: site profile and duplicate pages (see docs/corpus.md). */
  readonly corpus?: unknown;
}

/** Errors listed in the report at the most; the totals still count them all. */
const MAX_LISTED_ERRORS = 10_000;

/** Sites listed by name at the most; the rest are summed under "(other sites)" (bounded memory). */
const MAX_LISTED_SITES = 100_000;

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");

function newGroup(): GroupTotals {
  return { documents: 0, lines: 0, removedLines: 0, bytesIn: 0, bytesOut: 0 };
}

function sorted<T>(map: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}

export const reasonKey = (r: Removal) => `${r.detector}/${r.reason}`;

/** Lines and UTF-8 bytes of one reason: `[detector/reason, detector, lines, bytes]`. */
export type ReasonTally = [key: string, detector: string, lines: number, bytes: number];

/**
 * What the report needs of one cleaned document: a few numbers instead of every line, so that a
 * worker thread can count where it cleaned and send back little (see src/parallel/).
 */
export interface LineCounts {
  readonly lang: string;
  /** Non-blank lines. */
  readonly lines: number;
  readonly removedLines: number;
  /** Removed lines by reason, in the order first met: `[detector/reason, detector, lines, UTF-8 bytes]`. */
  readonly removed: readonly Readonly<ReasonTally>[];
  /** Kept lines whose removal was overruled (`LineDecision.overruled`), the same way; absent when none. */
  readonly overruled?: readonly Readonly<ReasonTally>[];
}

/**
 * Tallies by detector, then reason, listed in the order first met. Keyed in two levels so that no
 * `detector/reason` string is built per line (most lines of a news dump are removed).
 */
class ReasonTallies {
  readonly list: ReasonTally[] = [];
  private readonly byDetector = new Map<string, Map<string, ReasonTally>>();

  add(r: Removal, text: string): void {
    const bytes = utf8Length(text);
    let reasons = this.byDetector.get(r.detector);
    if (!reasons) this.byDetector.set(r.detector, reasons = new Map());
    const entry = reasons.get(r.reason);
    if (entry) { entry[2]++; entry[3] += bytes; return; }
    const added: ReasonTally = [reasonKey(r), r.detector, 1, bytes];
    reasons.set(r.reason, added);
    this.list.push(added);
  }
}

/** Counts a cleaned document's lines for the report. Pure. */
export function countLines(cleaned: CleanedDocument): LineCounts {
  let lines = 0;
  let removedLines = 0;
  const removed = new ReasonTallies();
  let overruled: ReasonTallies | undefined;
  for (const line of cleaned.lines) {
    if (line.blank) continue;
    lines++;
    if (line.keep && line.overruled) (overruled ??= new ReasonTallies()).add(line.overruled, line.text);
    if (line.keep || !line.removal) continue;
    removedLines++;
    removed.add(line.removal, line.text);
  }
  return { lang: cleaned.lang, lines, removedLines, removed: removed.list, ...(overruled && { overruled: overruled.list }) };
}

/** Counts what a run removed, by reason, detector, language and site. Pure: no I/O. */
export class ReportBuilder {
  private readonly totals = { ...newGroup(), errors: 0, skippedDocuments: 0, replacedChars: 0 };
  private readonly encodings = new Map<string, number>();
  private resumed?: number;
  private interrupted?: string;
  private readonly byReason = new Map<string, Tally>();
  private readonly overruledByReason = new Map<string, Tally>();
  private readonly byDetector = new Map<string, Tally>();
  private readonly byLanguage = new Map<string, GroupTotals>();
  private readonly bySite = new Map<string, GroupTotals>();
  private readonly errors: ReportError[] = [];
  private corpus?: unknown;

  constructor(
    private readonly meta: { version: string; command: string; options: Record<string, unknown> },
  ) {}

  /**
   * Counts one cleaned document and returns its summary row. Takes the document itself or its
   * `countLines` (what a worker thread sends back instead of every line).
   */
  addDocument(
    doc: { id: string; path: string; line?: number; site?: string; bytes: number; encoding?: EncodingInfo },
    cleaned: CleanedDocument | LineCounts,
    bytesOut: number,
  ): DocumentSummary {
    const counts = "removedLines" in cleaned ? cleaned : countLines(cleaned);
    const { lines, removedLines } = counts;
    const removed = new Map<string, number>();
    for (const [key, detector, n, bytes] of counts.removed) {
      removed.set(key, n);
      bump(this.byReason, key, n, bytes);
      bump(this.byDetector, detector, n, bytes);
    }
    let overruled: Map<string, number> | undefined;
    for (const [key, , n, bytes] of counts.overruled ?? []) {
      (overruled ??= new Map()).set(key, n);
      bump(this.overruledByReason, key, n, bytes);
    }
    const add = (g: GroupTotals) => {
      g.documents++; g.lines += lines; g.removedLines += removedLines; g.bytesIn += doc.bytes; g.bytesOut += bytesOut;
    };
    add(this.totals);
    if (doc.encoding) {
      this.encodings.set(doc.encoding.encoding, (this.encodings.get(doc.encoding.encoding) ?? 0) + 1);
      this.totals.replacedChars += doc.encoding.replaced;
    }
    add(group(this.byLanguage, counts.lang));
    const site = doc.site ?? "(none)";
    add(group(this.bySite, this.bySite.has(site) || this.bySite.size < MAX_LISTED_SITES ? site : "(other sites)"));
    return {
      id: doc.id, path: doc.path, ...(doc.line !== undefined && { line: doc.line }), ...(doc.site !== undefined && { site: doc.site }),
      lang: counts.lang, lines, removedLines, bytesIn: doc.bytes, bytesOut, removed: sorted(removed),
      ...(overruled && { overruled: sorted(overruled) }),
      ...(doc.encoding && { encoding: describeEncoding(doc.encoding) }),
      ...(doc.encoding && doc.encoding.replaced > 0 && { replacedChars: doc.encoding.replaced }),
    };
  }

  /** Counts a problem; `skippedDocument` when a document (or a whole text file) was not cleaned. */
  addError(error: ReportError, skippedDocument: boolean): void {
    this.totals.errors++;
    if (skippedDocument) this.totals.skippedDocuments++;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  /** Sets the report's corpus section. */
  setCorpus(corpus: unknown): void {
    this.corpus = corpus;
  }

  setResumed(inputs: number): void {
    this.resumed = inputs;
  }

  setInterrupted(signal: string): void {
    this.interrupted = signal;
  }

  get errorCount(): number {
    return this.totals.errors;
  }

  summary(): ReportSummary {
    return {
      tool: { name: "winnow", version: this.meta.version },
      command: this.meta.command,
      options: this.meta.options,
      ...(this.interrupted !== undefined && { interrupted: this.interrupted }),
      ...(this.resumed !== undefined && { resumedInputs: this.resumed }),
      totals: { ...this.totals },
      encodings: sorted(this.encodings),
      removedByReason: sorted(this.byReason),
      ...(this.overruledByReason.size > 0 && { overruledByReason: sorted(this.overruledByReason) }),
      removedByDetector: sorted(this.byDetector),
      byLanguage: sorted(this.byLanguage),
      bySite: sorted(this.bySite),
      errors: this.errors,
      ...(this.corpus !== undefined && { corpus: this.corpus }),
    };
  }
}

function bump(map: Map<string, Tally>, key: string, lines: number, bytes: number): void {
  const t = map.get(key);
  if (t) { t.lines += lines; t.bytes += bytes; } else map.set(key, { lines, bytes });
}

function group(map: Map<string, GroupTotals>, key: string): GroupTotals {
  let g = map.get(key);
  if (!g) { g = newGroup(); map.set(key, g); }
  return g;
}
