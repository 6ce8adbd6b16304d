import type { CorpusContext, Removal } from "../pipeline/types.js";
import { H, hash64 } from "./hash.js";
import { normalizeLine } from "./normalize.js";
import { U64Table } from "./u64-table.js";

/**
 * A line is site chrome when it is on at least this many of the site's pages…
 * Source: bench/make-corpus at 100 MB (seed 7) — a syndicated story can land on the same site 2–3
 * times (original + exact copies), so 4 keeps every article line; a template line is on ~95% of pages.
 */
export const SITE_MIN_PAGES = 4;
/**
 * …and on at least this share of them. Source: the same run; comment-widget lines sit on ~30% × their
 * pick rate of pages (≥ 5%), while a quote two articles share is on 2 of a site's pages.
 */
export const SITE_MIN_SHARE = 0.05;

/**
 * A line on at most this many of its site's pages is text of the page, not of the site: the page and
 * one copy of it (an exact duplicate page, a re-post). Below SITE_MIN_PAGES, so no line is both rare
 * and boilerplate. Article text is almost never repeated across a site's pages (bench at 100 MB, seed
 * 7: 0 of 122,765 article lines also occur as keep lines on another page).
 */
export const RARE_MAX_PAGES = 2;

/** Bumped whenever the file layout, the hash or the line normalisation changes. */
export const PROFILE_VERSION = 1;
const MAGIC = "WNWSPROF"; // 8 bytes
const HEADER_BYTES = 8 + 4 + 4 + 4; // magic, version, site count, entry count
/** Per-document scratch tables larger than this are dropped after use rather than cleared. */
const SCRATCH_KEEP = 1 << 12;
const LINE_BREAK = /\r\n|\n|\r/;
const SITE_SEED = 0x5173; // any constant: it separates site hashes from line hashes

export interface SiteThresholds {
  /** Default {@link SITE_MIN_PAGES}. */
  readonly minPages?: number;
  /** Default {@link SITE_MIN_SHARE}. */
  readonly minShare?: number;
}

export interface SiteProfileStats {
  readonly sites: number;
  readonly pages: number;
  /** Distinct (site, normalised line) pairs tracked. */
  readonly lines: number;
  /** Bytes of the typed arrays holding the line counts. */
  readonly stateBytes: number;
  /** `stateBytes / lines`. */
  readonly bytesPerLine: number;
}

/** A profile file that cannot be read: says what is wrong with it. */
export class ProfileError extends Error {
  override readonly name = "ProfileError";
}

interface SiteEntry {
  pages: number;
  readonly hi: number;
  readonly lo: number;
}

/**
 * Per-site line statistics: for each site, how many pages it has and, for each normalised line, on
 * how many of them the line occurs (a page counts once however often it repeats the line).
 *
 * Counts are additive, so profiles learned from disjoint shards merge into exactly the profile of
 * the whole (feeding the same page twice counts it twice). The decision depends only on the final
 * counts, never on the order pages were seen in.
 *
 * Lines are kept only as 64-bit fingerprints: key = hash(normalised line) XOR hash(site).
 */
export class SiteProfile {
  private readonly counts: U64Table;
  private readonly sites = new Map<string, SiteEntry>();
  private scratch = new U64Table();

  constructor(expectedLines = 0) {
    this.counts = new U64Table(expectedLines);
  }

  /** Counts the lines of one page of `site`. `text` is the page, or its lines. */
  addDocument(site: string, text: string | readonly string[]): void {
    const entry = this.site(site);
    entry.pages++;
    const lines = typeof text === "string" ? text.split(LINE_BREAK) : text;
    const seen = this.scratch;
    for (const line of lines) {
      if (line.trim() === "") continue;
      hash64(normalizeLine(line));
      const hi = H[0]! ^ entry.hi;
      const lo = H[1]! ^ entry.lo;
      if (seen.set(hi, lo, 1)) this.counts.add(hi, lo, 1);
    }
    if (seen.size > SCRATCH_KEEP) this.scratch = new U64Table();
    else seen.clear();
  }

  /** Pages seen for `site` (0 when unknown). */
  pages(site: string): number {
    return this.sites.get(site)?.pages ?? 0;
  }

  /** On how many of the site's pages the (normalised) line occurs. */
  count(site: string, line: string): number {
    const entry = this.sites.get(site);
    if (!entry) return 0;
    hash64(normalizeLine(line));
    return this.counts.get(H[0]! ^ entry.hi, H[1]! ^ entry.lo);
  }

  /** The removal for a line the site repeats on many pages, else undefined. */
  boilerplate(site: string, line: string, thresholds: SiteThresholds = {}): Removal | undefined {
    const entry = this.sites.get(site);
    if (!entry || line.trim() === "") return undefined;
    hash64(normalizeLine(line));
    const n = this.counts.get(H[0]! ^ entry.hi, H[1]! ^ entry.lo);
    return judge(n, entry.pages, thresholds);
  }

  /** The hooks the per-document pipeline calls for a page of `site`. */
  context(site: string, thresholds: SiteThresholds = {}): CorpusContext {
    const entry = this.sites.get(site);
    if (!entry) return { site };
    const rareMax = Math.min(RARE_MAX_PAGES, (thresholds.minPages ?? SITE_MIN_PAGES) - 1);
    return {
      site,
      siteBoilerplate: (line: string) => {
        if (line.trim() === "") return undefined;
        hash64(normalizeLine(line));
        return judge(this.counts.get(H[0]! ^ entry.hi, H[1]! ^ entry.lo), entry.pages, thresholds);
      },
      // Whether the site is large enough for its template to show is the pipeline's call: it sees
      // whether this page holds lines the site repeats (see TEMPLATE_MIN_LINES in clean.ts).
      siteRare: (line: string) => {
        if (line.trim() === "") return false;
        hash64(normalizeLine(line));
        return this.counts.get(H[0]! ^ entry.hi, H[1]! ^ entry.lo) <= rareMax;
      },
    };
  }

  /** Site names, sorted. */
  siteNames(): string[] {
    return [...this.sites.keys()].sort(byCodeUnit);
  }

  stats(): SiteProfileStats {
    let pages = 0;
    for (const s of this.sites.values()) pages += s.pages;
    const lines = this.counts.size;
    const stateBytes = this.counts.byteLength;
    return { sites: this.sites.size, pages, lines, stateBytes, bytesPerLine: lines ? Math.round((stateBytes / lines) * 10) / 10 : 0 };
  }

  /** Adds another profile's counts to this one (for shards of one corpus). */
  mergeFrom(other: SiteProfile): this {
    for (const [name, e] of other.sites) this.site(name).pages += e.pages;
    other.counts.forEach((hi, lo, n) => this.counts.add(hi, lo, n));
    return this;
  }

  static merge(profiles: readonly SiteProfile[]): SiteProfile {
    const out = new SiteProfile(Math.max(0, ...profiles.map((p) => p.counts.size)));
    for (const p of profiles) out.mergeFrom(p);
    return out;
  }

  /**
   * The profile as bytes, the same bytes for the same counts whatever the order pages came in:
   * `WNWSPROF`, u32 version, u32 site count, u32 entry count (all little-endian), then per site (sorted
   * by name) u32 pages, u32 name length, UTF-8 name, padded to 4 bytes; then the entries sorted by
   * key, 12 bytes each: u32 key high, u32 key low, u32 count.
   */
  encode(): Uint8Array {
    const names = this.siteNames();
    const enc = new TextEncoder();
    const encoded = names.map((n) => enc.encode(n));
    let size = HEADER_BYTES;
    for (const b of encoded) size += 8 + pad4(b.length);
    const entries = this.counts.sortedEntries();
    size += entries.length * 4;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
    view.setUint32(8, PROFILE_VERSION, true);
    view.setUint32(12, names.length, true);
    view.setUint32(16, entries.length / 3, true);
    let at = HEADER_BYTES;
    names.forEach((name, i) => {
      const b = encoded[i]!;
      view.setUint32(at, this.sites.get(name)!.pages, true);
      view.setUint32(at + 4, b.length, true);
      out.set(b, at + 8);
      at += 8 + pad4(b.length);
    });
    for (let i = 0; i < entries.length; i++, at += 4) view.setUint32(at, entries[i]!, true);
    return out;
  }

  static decode(bytes: Uint8Array): SiteProfile {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let magic = "";
    for (let i = 0; i < 8 && i < bytes.length; i++) magic += String.fromCharCode(bytes[i]!);
    if (bytes.length < HEADER_BYTES || magic !== MAGIC) {
      throw new ProfileError("not a winnow site profile (it does not start with WNWSPROF); make one with `winnow learn`");
    }
    const version = view.getUint32(8, true);
    if (version !== PROFILE_VERSION) {
      throw new ProfileError(`site profile version ${version}, this winnow reads version ${PROFILE_VERSION}; learn it again with this version`);
    }
    const siteCount = view.getUint32(12, true);
    const entryCount = view.getUint32(16, true);
    const dec = new TextDecoder("utf-8", { fatal: true });
    const profile = new SiteProfile(entryCount);
    let at = HEADER_BYTES;
    const truncated = () => new ProfileError("site profile is truncated or damaged (it is shorter than its header says)");
    for (let i = 0; i < siteCount; i++) {
      if (at + 8 > bytes.length) throw truncated();
      const pages = view.getUint32(at, true);
      const len = view.getUint32(at + 4, true);
      if (at + 8 + len > bytes.length) throw truncated();
      profile.site(dec.decode(bytes.subarray(at + 8, at + 8 + len))).pages += pages;
      at += 8 + pad4(len);
    }
    if (at + entryCount * 12 !== bytes.length) throw truncated();
    for (let i = 0; i < entryCount; i++, at += 12) {
      profile.counts.add(view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true));
    }
    return profile;
  }

  private site(name: string): SiteEntry {
    let e = this.sites.get(name);
    if (!e) {
      hash64(name, SITE_SEED);
      e = { pages: 0, hi: H[0]!, lo: H[1]! };
      this.sites.set(name, e);
    }
    return e;
  }
}

function judge(n: number, pages: number, t: SiteThresholds): Removal | undefined {
  const minPages = t.minPages ?? SITE_MIN_PAGES;
  const minShare = t.minShare ?? SITE_MIN_SHARE;
  if (n < minPages || n < minShare * pages) return undefined;
  return { detector: "site-boilerplate", reason: "repeated-on-site", score: Math.round((n / pages) * 1000) / 1000 };
}

const pad4 = (n: number) => (n + 3) & ~3;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
