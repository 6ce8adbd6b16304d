import type { Removal } from "../pipeline/types.js";
import { GrowU32 } from "./grow.js";
import { H, hash64 } from "./hash.js";
import { BANDS, NUM_HASHES, ROWS, signature } from "./minhash.js";
import { compareNatural } from "./order.js";
import { U64Table } from "./u64-table.js";

/** Jaccard similarity at or above which two pages are one (the default; datatrove uses 0.8 too). */
export const NEAR_DUP_THRESHOLD = 0.8;
/**
 * A page whose shingles are at least this share inside a kept page is a copy of it (a syndicated
 * story with paragraphs cut). Source: bench at 100 MB — copies with 1–2 of 3–25 paragraphs dropped
 * have J 0.5–0.9 but containment ≥ 0.95; 0.9 leaves room for the estimate's noise (σ ≈ 0.05).
 */
export const CONTAINMENT_THRESHOLD = 0.9;
/**
 * Pages with fewer shingles than this are matched only exactly: on a couple of sentences the MinHash
 * estimate is too coarse to call two different texts "near". (5 shingles = 9 words.)
 */
export const MIN_SHINGLES = 5;
/**
 * Paragraphs at least this long (characters, after trimming) take part in --cross-doc-paragraphs.
 * Source: bench at 100 MB — article lines have median 206 characters; shorter lines (headings,
 * bylines, one-sentence quotes) recur legitimately across stories.
 */
export const MIN_PARAGRAPH_CHARS = 120;
/** Kept pages looked at per LSH bucket: a bucket holding more is degenerate (boilerplate-only pages). */
const MAX_BUCKET_SCAN = 200;

export type DuplicateReason = "exact-duplicate-page" | "near-duplicate-page" | "contained-page";
export const DUPLICATE_PAGE = "duplicate-page";
export const CROSS_DOC_PARAGRAPH = "cross-doc-paragraph";

export interface DedupOptions {
  /** Jaccard threshold, default {@link NEAR_DUP_THRESHOLD}. 1 = exact duplicates only. */
  readonly threshold?: number;
  /** Containment threshold, default {@link CONTAINMENT_THRESHOLD}; 0 turns containment off. */
  readonly containment?: number;
  /** Drop duplicate pages. Default true; false with crossDocParagraphs keeps every page. */
  readonly dedupPages?: boolean;
  /** Also index long paragraphs for {@link DedupPlan.paragraph}. Default false. */
  readonly crossDocParagraphs?: boolean;
  /** Default {@link MIN_PARAGRAPH_CHARS}. */
  readonly minParagraphChars?: number;
  /** Keep the copy with the earliest `date` (ISO 8601 compares as text), then the smallest key. */
  readonly preferDate?: boolean;
}

export interface PageInfo {
  /** The document id shown in the report and in `ref`. */
  readonly id: string;
  /** What orders copies; default `id`. The CLI passes {@link fileKey} for plain files. */
  readonly key?: string;
  /** A publication date, used with `preferDate`; pages without one come after pages with one. */
  readonly date?: string;
}

export interface ClusterMember {
  readonly id: string;
  readonly reason: DuplicateReason;
  /** Estimated Jaccard similarity to the kept page (1 for exact duplicates). */
  readonly similarity: number;
}

export interface Cluster {
  readonly kept: string;
  readonly dropped: readonly ClusterMember[];
}

export interface DedupStats {
  readonly pages: number;
  readonly exactDuplicates: number;
  readonly nearDuplicates: number;
  readonly containedPages: number;
  readonly clusters: number;
  /** Candidate pairs verified on the full signature. */
  readonly candidatesChecked: number;
  readonly paragraphsIndexed: number;
  /** Bytes of the typed arrays of the page index (signatures, fingerprints, tables). */
  readonly stateBytes: number;
}

const REASONS: readonly DuplicateReason[] = ["exact-duplicate-page", "near-duplicate-page", "contained-page"];

/**
 * Collects what decides duplicate pages: one call to {@link add} per document, with the lines the
 * per-document cleaner (and the site profile) kept, in any order. {@link resolve} then decides in
 * the order of the documents' keys, so the result does not depend on the order they were added in.
 *
 * Rule: going through pages from the smallest key, a page is dropped when its text equals that of a
 * kept page, or its Jaccard similarity to a kept page reaches the threshold, or it lies (almost)
 * inside a kept page; otherwise it is kept. Each dropped page names the kept page it copies (the most
 * similar; ties to the smaller key), so a chain A ≈ B ≈ C never drops C for resembling B alone.
 */
export class PageIndex {
  private readonly infos: PageInfo[] = [];
  private readonly sigs = new GrowU32(1 << 14);
  private readonly shingles = new GrowU32(1 << 10);
  private readonly fps = new GrowU32(1 << 11);
  private readonly paraHashes = new GrowU32(1 << 12);
  private readonly paraStart = new GrowU32(1 << 10);
  private readonly options: DedupOptions;

  constructor(options: DedupOptions = {}) {
    this.options = options;
    this.paraStart.push(0);
  }

  get size(): number {
    return this.infos.length;
  }

  /** Adds a page with the lines that survive per-document cleaning; returns its ordinal (0, 1, …). */
  add(info: PageInfo, keptLines: readonly string[]): number {
    const ordinal = this.infos.length;
    this.infos.push(info);
    const text = keptLines.map(pageLine).filter((l) => l !== "").join("\n");
    hash64(text);
    this.fps.push(H[0]!);
    this.fps.push(H[1]!);
    const { sig, shingles } = signature(text);
    this.sigs.reserve(this.sigs.length + NUM_HASHES);
    this.sigs.data.set(sig, this.sigs.length);
    this.sigs.length += NUM_HASHES;
    this.shingles.push(text === "" ? 0 : Math.max(1, shingles));
    if (this.options.crossDocParagraphs) {
      const min = this.options.minParagraphChars ?? MIN_PARAGRAPH_CHARS;
      for (const line of keptLines) {
        if (!paragraphKey(line, min)) continue;
        this.paraHashes.push(H[0]!);
        this.paraHashes.push(H[1]!);
      }
    }
    this.paraStart.push(this.paraHashes.length);
    return ordinal;
  }

  /** Decides every page. The index can be dropped afterwards; the plan keeps what it needs. */
  resolve(): DedupPlan {
    const n = this.infos.length;
    const fps = this.fps.data;
    const sigs = this.sigs.data;
    const opts = this.options;
    const threshold = opts.threshold ?? NEAR_DUP_THRESHOLD;
    const containment = opts.containment ?? CONTAINMENT_THRESHOLD;

    // The order of decision: by date when asked, then key, then id, then content (identical pages
    // with identical ids are interchangeable, so what is left of the tie cannot show in the output).
    const order = Array.from({ length: n }, (_, i) => i);
    const keys = this.infos.map((p) => p.key ?? p.id);
    order.sort((a, b) => {
      if (opts.preferDate) {
        const da = this.infos[a]!.date;
        const db = this.infos[b]!.date;
        if (da !== db) {
          if (da === undefined) return 1;
          if (db === undefined) return -1;
          return da < db ? -1 : 1;
        }
      }
      return compareNatural(keys[a]!, keys[b]!) || byCodeUnit(this.infos[a]!.id, this.infos[b]!.id)
        || fps[2 * a]! - fps[2 * b]! || fps[2 * a + 1]! - fps[2 * b + 1]! || a - b;
    });

    const rank = new Int32Array(n);
    order.forEach((d, i) => { rank[d] = i; });
    const rankBefore = (a: number, b: number) => rank[a]! < rank[b]!;

    const ref = new Int32Array(n).fill(-1); // ordinal of the kept page a dropped page copies
    const reason = new Uint8Array(n); // index into REASONS + 1; 0 = kept
    const sim = new Float32Array(n);
    const exact = new U64Table(n); // fingerprint → kept ordinal + 1
    const buckets = new U64Table(n * BANDS); // (band, band hash) → newest kept ordinal + 1
    const next = new Int32Array(n * BANDS).fill(-1); // chain of kept pages in the same bucket
    const stamp = new Int32Array(n).fill(-1); // candidate already checked for this page
    const bandKeys = new Uint32Array(BANDS * 2);
    let candidatesChecked = 0;

    for (const d of order) {
      const size = this.shingles.data[d]!;
      if (size === 0 || opts.dedupPages === false) continue; // nothing left of the page: nothing to compare
      const fhi = fps[2 * d]!;
      const flo = fps[2 * d + 1]!;
      const same = exact.get(fhi, flo);
      if (same !== 0) {
        ref[d] = same - 1;
        reason[d] = 1;
        sim[d] = 1;
        continue;
      }
      let best = -1;
      let bestSim = 0;
      let bestReason = 0;
      for (let b = 0; b < BANDS; b++) {
        bandHash(sigs, d * NUM_HASHES + b * ROWS, b);
        bandKeys[2 * b] = H[0]!;
        bandKeys[2 * b + 1] = H[1]!;
        if (size < MIN_SHINGLES || threshold >= 1) continue;
        let c = buckets.get(H[0]!, H[1]!) - 1;
        for (let scanned = 0; c >= 0 && scanned < MAX_BUCKET_SCAN; scanned++, c = next[c * BANDS + b]!) {
          if (stamp[c] === d) continue;
          stamp[c] = d;
          candidatesChecked++;
          const j = similarityAt(sigs, d, c);
          let r = 0;
          if (j >= threshold) r = 2;
          else if (containment > 0) {
            // |A∩B| = J(|A|+|B|)/(1+J); the share of this page that lies inside candidate c.
            const inside = (j * (size + this.shingles.data[c]!)) / (1 + j) / size;
            if (inside >= containment) r = 3;
          }
          // Most similar wins; equal similarity goes to the page decided first (smaller key).
          if (r !== 0 && (j > bestSim || (j === bestSim && best >= 0 && rankBefore(c, best)))) {
            best = c;
            bestSim = j;
            bestReason = r;
          }
        }
      }
      if (best >= 0) {
        ref[d] = best;
        reason[d] = bestReason;
        sim[d] = bestSim;
        exact.set(fhi, flo, best + 1);
        continue;
      }
      exact.set(fhi, flo, d + 1);
      if (size < MIN_SHINGLES) continue;
      for (let b = 0; b < BANDS; b++) {
        const hi = bandKeys[2 * b]!;
        const lo = bandKeys[2 * b + 1]!;
        next[d * BANDS + b] = buckets.get(hi, lo) - 1;
        buckets.set(hi, lo, d + 1);
      }
    }

    let owners: U64Table | undefined;
    let paragraphsIndexed = 0;
    if (opts.crossDocParagraphs) {
      // The first kept page in key order that holds a paragraph owns it.
      owners = new U64Table(this.paraHashes.length / 2);
      const ph = this.paraHashes.data;
      const ps = this.paraStart.data;
      for (const d of order) {
        if (reason[d] !== 0) continue;
        for (let k = ps[d]!; k < ps[d + 1]!; k += 2) {
          if (!owners.has(ph[k]!, ph[k + 1]!)) { owners.set(ph[k]!, ph[k + 1]!, d + 1); paragraphsIndexed++; }
        }
      }
    }

    const stateBytes = this.sigs.byteLength + this.shingles.byteLength + this.fps.byteLength
      + this.paraHashes.byteLength + this.paraStart.byteLength + exact.byteLength + buckets.byteLength
      + next.byteLength + (owners?.byteLength ?? 0);
    return new DedupPlan(this.infos, order, ref, reason, sim, owners, opts.minParagraphChars ?? MIN_PARAGRAPH_CHARS, {
      candidatesChecked, paragraphsIndexed, stateBytes,
    });
  }
}

/** What {@link PageIndex.resolve} decided. */
export class DedupPlan {
  constructor(
    private readonly infos: readonly PageInfo[],
    private readonly order: readonly number[],
    private readonly ref: Int32Array,
    private readonly reason: Uint8Array,
    private readonly sim: Float32Array,
    private readonly owners: U64Table | undefined,
    private readonly minParagraphChars: number,
    private readonly counts: { candidatesChecked: number; paragraphsIndexed: number; stateBytes: number },
  ) {}

  /** The id page `ordinal` was added with. */
  idOf(ordinal: number): string | undefined {
    return this.infos[ordinal]?.id;
  }

  /** Undefined when page `ordinal` is kept, else why it is dropped and which page it copies. */
  page(ordinal: number): Removal | undefined {
    const r = this.reason[ordinal]!;
    if (r === 0) return undefined;
    return { detector: DUPLICATE_PAGE, reason: REASONS[r - 1]!, score: round3(this.sim[ordinal]!), ref: this.infos[this.ref[ordinal]!]!.id };
  }

  /**
   * With crossDocParagraphs: a removal when `line` (a kept line of page `ordinal`) is a long paragraph
   * that a page earlier in key order keeps, naming that page.
   */
  paragraph(ordinal: number, line: string): Removal | undefined {
    if (!this.owners || !paragraphKey(line, this.minParagraphChars)) return undefined;
    const owner = this.owners.get(H[0]!, H[1]!) - 1;
    if (owner < 0 || owner === ordinal) return undefined;
    return { detector: CROSS_DOC_PARAGRAPH, reason: "kept-on-other-page", ref: this.infos[owner]!.id };
  }

  /** Kept page → the pages dropped as its copies, in key order; only pages with copies. */
  clusters(): Cluster[] {
    const members = new Map<number, ClusterMember[]>();
    for (const d of this.order) {
      const r = this.reason[d]!;
      if (r === 0) continue;
      const k = this.ref[d]!;
      let list = members.get(k);
      if (!list) members.set(k, (list = []));
      list.push({ id: this.infos[d]!.id, reason: REASONS[r - 1]!, similarity: round3(this.sim[d]!) });
    }
    const out: Cluster[] = [];
    for (const d of this.order) {
      const list = members.get(d);
      if (list) out.push({ kept: this.infos[d]!.id, dropped: list });
    }
    return out;
  }

  stats(): DedupStats {
    let exactDuplicates = 0;
    let nearDuplicates = 0;
    let containedPages = 0;
    const kept = new Set<number>();
    for (let d = 0; d < this.reason.length; d++) {
      const r = this.reason[d]!;
      if (r === 1) exactDuplicates++;
      else if (r === 2) nearDuplicates++;
      else if (r === 3) containedPages++;
      if (r !== 0) kept.add(this.ref[d]!);
    }
    return {
      pages: this.reason.length, exactDuplicates, nearDuplicates, containedPages, clusters: kept.size,
      candidatesChecked: this.counts.candidatesChecked, paragraphsIndexed: this.counts.paragraphsIndexed,
      stateBytes: this.counts.stateBytes,
    };
  }
}

/** A line as it takes part in page fingerprints: case and spacing folded. */
function pageLine(line: string): string {
  return line.toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Hashes a long paragraph into H and returns true; false (H untouched) for a short one. */
function paragraphKey(line: string, min: number): boolean {
  const t = pageLine(line);
  if (t.length < min) return false;
  hash64(t, 0x9a7a);
  return true;
}

function bandHash(sigs: Uint32Array, at: number, band: number): void {
  let h1 = 0x3c6ef372 ^ band;
  let h2 = Math.imul(band + 1, 0x9e3779b9);
  for (let i = 0; i < ROWS; i++) {
    const v = sigs[at + i]!;
    h1 = Math.imul(h1 ^ v, 2654435761);
    h2 = Math.imul(h2 ^ v, 1597334677);
    h1 = (h1 << 13) | (h1 >>> 19);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H[0] = h2 >>> 0;
  H[1] = h1 >>> 0;
}

function similarityAt(sigs: Uint32Array, a: number, b: number): number {
  let same = 0;
  const x = a * NUM_HASHES;
  const y = b * NUM_HASHES;
  for (let i = 0; i < NUM_HASHES; i++) if (sigs[x + i] === sigs[y + i]) same++;
  return same / NUM_HASHES;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
