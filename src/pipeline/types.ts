/**
 * The shapes that flow through the pipeline. Everything here is plain data so that documents can be
 * cleaned from the library API, the CLI and worker threads alike.
 */

/** Why a line was removed: the detector that decided and its reason id (what the report sums). */
export interface Removal {
  /** Detector id, e.g. `exact-duplicate`, `comment-widget`, `chrome`, `site-boilerplate`. */
  readonly detector: string;
  /** Reason id within the detector, e.g. `repeated-paragraph`, `comment-form`. */
  readonly reason: string;
  /** The detector's score or similarity in [0, 1], when it has one. */
  readonly score?: number;
  /** Where the kept original is, for duplicates: a 1-based line number, or a document id. */
  readonly ref?: number | string;
}

/** One line of a document as it came in. */
export interface Line {
  /** 1-based line number in the document. */
  readonly number: number;
  /** The line without its terminator, exactly as it came. */
  readonly text: string;
  /** True when the line holds only white space (or nothing). Blank lines are layout, never removed. */
  readonly blank: boolean;
}

/** The decision for one line. */
export interface LineDecision extends Line {
  readonly keep: boolean;
  /** Set when `keep` is false. */
  readonly removal?: Removal;
  /** How much the line looks like article text, in [0, 1], when the classifier scored it. */
  readonly score?: number;
  /**
   * Set on a kept line that a per-document guess would have removed, overruled by corpus evidence:
   * the line is on this page only among its site's pages (see `CorpusContext.siteRare`). The report
   * counts these by the removal they overruled, and `--explain` shows them, so the doubt stays visible.
   */
  readonly overruled?: Removal;
}

/** How eager the cleaner is: one knob, one meaning (precision against recall). */
export type Mode = "precise" | "balanced" | "recall";

/** Knowledge that spans documents, offered to the per-document pipeline (see src/corpus). */
export interface CorpusContext {
  /** The site the document belongs to (URL host, `--site-field`, or parent directory), when known. */
  readonly site?: string;
  /** A removal when the line is one the document's site repeats on many pages, else undefined. */
  siteBoilerplate?(line: string): Removal | undefined;
  /**
   * True when the site has pages enough to show its template and the line is on almost none of them
   * (this page and at most a copy): text of this page, not of its site. Site chrome repeats; article
   * text does not.
   */
  siteRare?(line: string): boolean;
}

export interface CleanOptions {
  /** Default `balanced`. */
  readonly mode?: Mode;
  /** Force the document language (ISO 639-3 as franc reports it, or ISO 639-1); skips detection. */
  readonly lang?: string;
  readonly corpus?: CorpusContext;
}

export interface CleanedDocument {
  /** ISO 639-3 code as franc reports it, `und` when undetermined. */
  readonly lang: string;
  readonly lines: readonly LineDecision[];
}
