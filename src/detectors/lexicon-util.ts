/**
 * Helpers to build the multilingual lexicons once, at module load. Phrases are matched case-insensitively
 * on the trimmed line; apostrophes are normalised first so "S'abonner" and "S’abonner" are one phrase.
 */

/** One character of leading decoration: bullets, arrows, pipes, brackets. */
const LEAD_CLASS = String.raw`[\s•*·▪◦●■►▸‣|>»›<«‹\-–—#:()\[\]]`;
/** Leading decoration a dump leaves before a menu item. */
export const LEAD = `^${LEAD_CLASS}*`;
/** Trailing decoration: punctuation, arrows, counts in brackets. */
export const TAIL = String.raw`[\s:：.!?…»›>|()\[\]\-–—*\d]*$`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Phrases may contain a space, matched as any run of white space; regex syntax is not interpreted. */
export function alternation(phrases: readonly string[]): string {
  return phrases.map((p) => escape(p).replace(/ /g, String.raw`\s+`)).join("|");
}

/**
 * The literal start of a regex fragment, up to its first special character: "istock(?:photo)?" →
 * "istock", "getty\\s?images" → "getty", "ap photo" → "ap photo". A quantifier takes the character before
 * it too ("colou?r" → "colo"). Throws if nothing literal is left.
 */
export function literalStart(fragment: string): string {
  const special = fragment.search(/[\\[\](){}.*+?^$|]/);
  if (special === -1) return fragment;
  const start = fragment.slice(0, /[*+?{]/.test(fragment[special]!) ? special - 1 : special);
  if (start === "") throw new Error(`no literal start in ${JSON.stringify(fragment)}`);
  return start.trimEnd();
}

const APOSTROPHES = /[’‘ʼ`´]/g;
export function normalizeForLexicon(text: string): string {
  return text.trim().replace(APOSTROPHES, "'");
}

/**
 * Case folding for the gate, one UTF-16 unit at a time: white space to " ", any other unit to
 * lower(upper(unit)) (or lower(unit) where the upper case is longer, as for "ß"). Two units the regexes'
 * /iu flag takes for one letter ("K", "k" and the Kelvin sign; "s", "S" and "ſ"; "µ", "μ" and "Μ")
 * fold alike: test/detectors/lexicon-util.test.ts checks it for every code point against every
 * character of the lexicons. Folds are computed on first sight, like the classes in features.ts.
 */
const FOLD = new Uint16Array(0x10000);
const SPACE = 0x20;
const WHITE = /\s/u;
export function foldUnit(code: number): number {
  const known = FOLD[code]!;
  return known !== 0 || code === 0 ? known : foldFirst(code);
}
function foldFirst(code: number): number {
  const ch = String.fromCharCode(code);
  let folded = code;
  if (WHITE.test(ch)) folded = SPACE;
  else {
    const upper = ch.toUpperCase();
    const lower = (upper.length === 1 ? upper : ch).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  FOLD[code] = folded;
  return folded;
}

/** Whether a UTF-16 unit is leading decoration (1) or not (2); 0 not known yet. */
const LEAD_UNIT = new Uint8Array(0x10000);
const LEAD_CHAR = new RegExp(`^${LEAD_CLASS}$`, "iu");
function isLead(code: number): boolean {
  let known = LEAD_UNIT[code]!;
  if (known === 0) {
    known = LEAD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    LEAD_UNIT[code] = known;
  }
  return known === 1;
}

/** A phrase's gate key: its first units (at most KEY_UNITS), folded, each run of white space as one. */
const KEY_UNITS = 3;
function keyOf(s: string, from: number): number[] {
  const key: number[] = [];
  for (let i = from; i < s.length && key.length < KEY_UNITS; i++) {
    const f = foldUnit(s.charCodeAt(i));
    if (f !== SPACE || key[key.length - 1] !== SPACE) key.push(f);
  }
  return key;
}

/**
 * A family of phrases (one reason's vocabulary) and the regular expression that judges a line. `test`
 * answers exactly what `regex.test` answers; it only skips the regex when the lexicon's gate shows that
 * no phrase of the family can occur where the regex looks for one.
 */
export class Phrases {
  constructor(
    readonly regex: RegExp,
    readonly phrases: readonly string[],
    /** The phrase must follow the leading decoration at the start of the line (else: anywhere). */
    readonly anchored: boolean,
    private readonly lexicon: Lexicon,
    private readonly bit: number,
  ) {}

  /** The gate: false only when `regex` cannot match t. Knows only the line last prepared; any other: true. */
  mayMatch(t: string): boolean {
    return this.lexicon.mayMatch(t, this.anchored, this.bit);
  }

  test(t: string): boolean {
    return this.lexicon.mayMatch(t, this.anchored, this.bit) && this.regex.test(t);
  }
}

/**
 * Families of phrases that share one gate. V8 runs a big alternation by trying every phrase at every
 * place it may start, case-insensitively, and the chrome detector asks some forty of them about most
 * lines (the lexicon detectors took a tenth of the cleaner's CPU time). The gate
 * indexes every phrase by its first three folded units (up to three: "x", "ad"), once, at module load.
 * For a line, the units after its leading decoration tell which anchored families (wholeLine,
 * lineStart) can match at all; one pass over the line, made when the first anywhere family is asked
 * about it, tells which anywhere families can. A family whose bit is off cannot match; one whose bit is
 * on runs its regex, which stays the judge.
 *
 * Sound because a regex match spells the phrase in the line, unit for unit, up to case (the /iu flag:
 * folded alike, see foldUnit) and white space (`\s+` for a space: one " " after folding). Families
 * whose phrases may begin inside the leading decoration (a phrase starting with "-" or "(") are never
 * skipped. A line other than the prepared one runs the regex.
 */
export class Lexicon {
  readonly families: Phrases[] = [];
  /**
   * Whether anywhere families are gated. The pass over the line costs about what two or three anywhere
   * regexes cost, so it pays only for a lexicon that asks many of them about most lines.
   */
  private readonly scanAnywhere: boolean;
  constructor(options: { scanAnywhere?: boolean } = {}) {
    this.scanAnywhere = options.scanAnywhere ?? true;
  }

  private anchoredCount = 0;
  private anywhereCount = 0;
  /** Anchored families never skipped: a phrase of theirs begins with leading decoration. */
  private anchoredAlways = 0;
  /** Key (folded units as a string) → [anchored bits, anywhere bits]. */
  private readonly keys = new Map<string, [number, number]>();
  private table: GramTable | undefined;

  private line: string | undefined;
  private anchoredBits = 0;
  private anchoredKnown = false;
  private anywhereBits = 0;
  private anywhereKnown = false;

  /** The whole line is one of the phrases, give or take decoration. */
  wholeLine(phrases: readonly string[]): Phrases {
    return this.lineStart(phrases, TAIL);
  }

  /** The line starts with one of the phrases (the rest may be glued on, as dumps do with link text), then `after`. */
  lineStart(phrases: readonly string[], after = ""): Phrases {
    return this.add(new RegExp(`${LEAD}(?:${alternation(phrases)})${after}`, "iu"), phrases, true);
  }

  /** One of the phrases occurs anywhere in the line. */
  anywhere(phrases: readonly string[]): Phrases {
    return this.add(new RegExp(`(?:${alternation(phrases)})`, "iu"), phrases, false);
  }

  /**
   * A regex written by hand, behind the gate. `phrases` must be literal starts of its alternatives:
   * every match of `regex` spells one of them (up to case; a space in a phrase stands for white space),
   * anywhere in the line, or, when anchored, right after `^` and leading decoration (characters of
   * LEAD). Use literalStart to take them from the regex's own fragments. A global regex is only for
   * mayMatch (its `test` keeps state).
   */
  custom(regex: RegExp, phrases: readonly string[], anchored: boolean): Phrases {
    return this.add(regex, phrases, anchored);
  }

  /** Sets the line the families will be asked about; returns it. */
  prepare(t: string): string {
    this.line = t;
    this.anchoredKnown = false;
    this.anywhereKnown = false;
    return t;
  }

  /** False only when no phrase of the family can match `t`, the prepared line. */
  mayMatch(t: string, anchored: boolean, bit: number): boolean {
    if (t !== this.line) return true;
    if (anchored) {
      if (!this.anchoredKnown) {
        this.anchoredBits = this.anchoredAlways | this.startBits(t);
        this.anchoredKnown = true;
      }
      return (this.anchoredBits & bit) !== 0;
    }
    if (!this.scanAnywhere) return true;
    if (!this.anywhereKnown) {
      this.anywhereBits = (this.table ?? this.build()).scan(t);
      this.anywhereKnown = true;
    }
    return (this.anywhereBits & bit) !== 0;
  }

  /** Bits of the anchored families with a key at the start of t, after its leading decoration. */
  private startBits(t: string): number {
    const table = this.table ?? this.build();
    let i = 0;
    while (i < t.length && isLead(t.charCodeAt(i))) i++;
    // The first KEY_UNITS folded units from there, a run of white space as one (as keyOf, unallocated).
    const units = [NONE, NONE, NONE];
    let n = 0;
    for (; i < t.length && n < KEY_UNITS; i++) {
      const f = foldUnit(t.charCodeAt(i));
      if (f !== SPACE || n === 0 || units[n - 1] !== SPACE) units[n++] = f;
    }
    return table.startBits(units[0]!, units[1]!, units[2]!);
  }

  private add(regex: RegExp, phrases: readonly string[], anchored: boolean): Phrases {
    const index = anchored ? this.anchoredCount++ : this.anywhereCount++;
    // 32 bits per kind; a lexicon with more families would be split in two.
    if (index >= 32) throw new Error("a Lexicon holds at most 32 families of each kind");
    const bit = 1 << index;
    for (const p of phrases) {
      if (p === "" || p.trim() !== p) throw new Error(`lexicon phrase with outer white space: ${JSON.stringify(p)}`);
      if (anchored && LEAD_CHAR.test(String.fromCodePoint(p.codePointAt(0)!))) this.anchoredAlways |= bit;
      const key = String.fromCharCode(...keyOf(p, 0));
      const entry = this.keys.get(key) ?? [0, 0];
      entry[anchored ? 0 : 1] |= bit;
      this.keys.set(key, entry);
    }
    const family = new Phrases(regex, phrases, anchored, this, bit);
    this.families.push(family);
    this.table = undefined;
    this.line = undefined;
    return family;
  }

  private build(): GramTable {
    this.table = new GramTable(this.keys);
    return this.table;
  }
}

/** A key of fewer than three units is hashed with this in the missing places (a unit is at most 0xffff). */
const NONE = 0x10000;
function hashOf(a: number, b: number, c: number): number {
  return Math.imul(a ^ Math.imul(b ^ Math.imul(c, 0x9e3779b1), 0x85ebca6b), 0xc2b2ae35);
}
/** Slots per table: 32,768 × 4 bytes, indexed by the hash's high bits. */
const TABLE_BITS = 15;
/** Bits per filter: 65,536 (8 kB, stays in the L1 cache), indexed by the hash's low 16 bits. */
const FILTER_WORDS = 1 << (16 - 5);

/**
 * The family bits of keys of one to three units, by hash slot, one table per kind (anchored,
 * anywhere). Keys that share a slot share their bits: a line may then run a regex it need not, never
 * skip one it needs. In front of each table a one-bit filter: with a few hundred keys, 99 places of a
 * line in 100 stop at the filter, so the 128 kB table is rarely read (reading it at every place cost
 * cache misses in the cleaner, where other work evicts it).
 */
class GramTable {
  private readonly anchored = new Int32Array(1 << TABLE_BITS);
  private readonly anywhere = new Int32Array(1 << TABLE_BITS);
  private readonly anchoredFilter = new Int32Array(FILTER_WORDS);
  private readonly anywhereFilter = new Int32Array(FILTER_WORDS);
  /** Some anywhere key has fewer than three units ("同意"): look up one- and two-unit keys too. */
  private readonly shortAnywhere: boolean;

  constructor(keys: ReadonlyMap<string, [number, number]>) {
    let short = false;
    for (const [key, [anchored, anywhere]] of keys) {
      const unit = (i: number) => (i < key.length ? key.charCodeAt(i) : NONE);
      const h = hashOf(unit(0), unit(1), unit(2));
      const slot = h >>> (32 - TABLE_BITS);
      if (anchored !== 0) {
        this.anchored[slot]! |= anchored;
        this.anchoredFilter[(h & 0xffff) >>> 5]! |= 1 << (h & 31);
      }
      if (anywhere !== 0) {
        this.anywhere[slot]! |= anywhere;
        this.anywhereFilter[(h & 0xffff) >>> 5]! |= 1 << (h & 31);
        if (key.length < KEY_UNITS) short = true;
      }
    }
    this.shortAnywhere = short;
  }

  /** The anchored bits of the keys that units a, b, c (NONE past the end of the line) start with. */
  startBits(a: number, b: number, c: number): number {
    if (a === NONE) return 0;
    let bits = this.find(this.anchored, this.anchoredFilter, hashOf(a, NONE, NONE));
    if (b !== NONE) bits |= this.find(this.anchored, this.anchoredFilter, hashOf(a, b, NONE));
    if (c !== NONE) bits |= this.find(this.anchored, this.anchoredFilter, hashOf(a, b, c));
    return bits;
  }

  private find(table: Int32Array, filter: Int32Array, h: number): number {
    return (filter[(h & 0xffff) >>> 5]! & (1 << (h & 31))) === 0 ? 0 : table[h >>> (32 - TABLE_BITS)]!;
  }

  /** The anywhere bits of every key that occurs in t (folded, white space runs as one " "). */
  scan(t: string): number {
    const table = this.anywhere;
    const filter = this.anywhereFilter;
    const short = this.shortAnywhere;
    let bits = 0;
    let a = NONE;
    let b = NONE;
    for (let i = 0; i < t.length; i++) {
      const c = foldUnit(t.charCodeAt(i));
      if (c === SPACE && b === SPACE) continue;
      // The keys that end at c: three units from a; if short keys exist, two from b and one (c).
      bits |= this.find(table, filter, hashOf(a, b, c));
      if (short) bits |= this.find(table, filter, hashOf(b, c, NONE)) | this.find(table, filter, hashOf(c, NONE, NONE));
      a = b;
      b = c;
    }
    return bits;
  }
}
