/**
 * Unicode properties of code points as bits, looked up in a table instead of matched by a regular
 * expression. A `u`-flag character class such as [\p{L}\p{N}] costs a range search per character;
 * the per-line passes built on them (tokenize, duplicateKey) were a tenth of all cleaning time. Each
 * property is still decided by the very same regular expression, once per code point on first sight,
 * so a lookup answers exactly what the expression would.
 */

/** Set on every entry that has been computed (so 0 means "not looked at yet"). */
const KNOWN = 1;
/** \p{L} */
export const LETTER = 2;
/** \p{N} */
export const NUMBER = 4;
/** \p{M} */
export const MARK = 8;
/** Scripts written without spaces between words (features.ts NO_SPACE_SCRIPT): Intl.Segmenter splits those. */
export const NO_SPACE = 16;
/** \s (JavaScript white space and line terminators: what String.prototype.trim removes). */
export const SPACE = 32;
/** Set on every code point above U+FFFF (astralProps): it spans two UTF-16 code units. */
export const PAIR = 64;

const RE_LETTER = /^\p{L}$/u;
const RE_NUMBER = /^\p{N}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_SPACE = /^\s$/u;
const RE_NO_SPACE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

function compute(ch: string): number {
  return KNOWN | (RE_LETTER.test(ch) ? LETTER : 0) | (RE_NUMBER.test(ch) ? NUMBER : 0) | (RE_MARK.test(ch) ? MARK : 0)
    | (RE_NO_SPACE.test(ch) ? NO_SPACE : 0) | (RE_SPACE.test(ch) ? SPACE : 0);
}

/** BMP code point → bits; ASCII filled up front so the hot loops read it without a check. */
export const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) BMP[c] = compute(String.fromCharCode(c));
const ASTRAL = new Map<number, number>();

/**
 * Bits of a BMP code unit. A surrogate half read alone is a lone surrogate (pairs go to astralProps),
 * which a `u` regular expression sees as a code point of category Cs: none of the bits.
 */
export function unitProps(c: number): number {
  let p = BMP[c]!;
  if (p === 0) {
    p = c >= 0xd800 && c <= 0xdfff ? KNOWN : compute(String.fromCharCode(c));
    BMP[c] = p;
  }
  return p;
}

/** Bits of a code point above U+FFFF (emoji, mathematical letters, rare Han). */
export function astralProps(cp: number): number {
  let p = ASTRAL.get(cp);
  if (p === undefined) {
    p = compute(String.fromCodePoint(cp)) | PAIR;
    ASTRAL.set(cp, p);
  }
  return p;
}

/** Whether the code unit `c` is white space (\s): no white space lies outside the BMP. */
export function isSpace(c: number): boolean {
  return (unitProps(c) & SPACE) !== 0;
}

/** Whether the unit at `i` of `s` (of length `n`) starts a surrogate pair: the code point then spans two units. */
export function pairAt(s: string, i: number, n: number, c: number): boolean {
  return (c & 0xfc00) === 0xd800 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** The code point of the surrogate pair `hi`, `lo`. */
export function codePoint(hi: number, lo: number): number {
  return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
}

/**
 * Bits of the code point that starts at `at` of `s` (of length `n`), whose first unit is `c`: the one
 * decode the per-line scans share. With PAIR set, the code point spans two units.
 */
export function propsAt(s: string, at: number, n: number, c: number): number {
  if (c < 0x80) return BMP[c]!;
  return pairAt(s, at, n, c) ? astralProps(codePoint(c, s.charCodeAt(at + 1))) : unitProps(c);
}
