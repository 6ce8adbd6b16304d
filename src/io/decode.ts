import { isUtf8 } from "node:buffer";
import { analyse } from "chardet";

/**
 * Bytes to text. Output is always a JS string (written as UTF-8); what the bytes were is recorded so
 * the report can say, per file, which encoding was read and how sure we were.
 *
 * Order of decisions (first that applies):
 *   1. `--encoding` forces a decoder.
 *   2. A byte-order mark: UTF-8, UTF-16LE, UTF-16BE (the mark is dropped).
 *   3. NUL bytes near the start or in bulk: binary, skipped (see BINARY_*).
 *   4. Valid UTF-8: UTF-8.
 *   5. Mostly UTF-8 (more valid multi-byte sequences than invalid bytes): UTF-8, bad bytes replaced.
 *   6. chardet's best guess that TextDecoder can decode, if its confidence is at least MIN_CONFIDENCE.
 *   7. windows-1252, the WHATWG default for legacy Western pages and the commonest legacy encoding
 *      in news scrapes, marked as a fallback.
 * Bytes a decoder cannot map become U+FFFD and are counted in `replaced`, never dropped.
 */
export interface Decoded {
  readonly text: string;
  /** WHATWG name of the decoder used, e.g. `utf-8`, `windows-1252`, `koi8-r`, `gb18030`. */
  readonly encoding: string;
  /** How the encoding was chosen. */
  readonly how: "forced" | "bom" | "utf-8" | "mostly-utf-8" | "detected" | "fallback";
  /** chardet's confidence (0–100) when `how` is `detected`. */
  readonly confidence?: number;
  /** Characters replaced by U+FFFD because the bytes were not valid in the encoding. */
  readonly replaced: number;
}

export interface Binary {
  readonly binary: string;
}

/** A NUL within the first 8,000 bytes means binary: git's rule (buffer_is_binary, FIRST_FEW_BYTES). */
const BINARY_PREFIX_BYTES = 8000;
/** Beyond the prefix, more than 1 NUL per 1,000 bytes is binary data, not a stray byte in text. */
const BINARY_NUL_RATIO = 0.001;
/**
 * chardet reports 0–100. On paragraph-length test texts the right answer scored 54–100; 300 random
 * bytes scored 8 at best. Below 10 a guess is noise, and windows-1252 is the better fallback.
 */
export const MIN_CONFIDENCE = 10;
/** chardet reads this much around the first invalid UTF-8 byte: enough for its statistics, bounded time. */
const DETECT_SAMPLE_BYTES = 64 * 1024;

export const FALLBACK_ENCODING = "windows-1252";

/** The WHATWG name for an encoding label TextDecoder accepts, or undefined. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

function decodeWith(encoding: string, bytes: Uint8Array, how: Decoded["how"], confidence?: number): Decoded {
  // The decoder drops a leading BOM of its own encoding (TextDecoder's default), so a forced
  // --encoding=utf-8 or utf-16le reads BOM files too; for detected legacy encodings there is none.
  const decoder = new TextDecoder(encoding);
  const text = decoder.decode(bytes);
  return { text, encoding: decoder.encoding, how, ...(confidence !== undefined && { confidence }), replaced: countReplacements(text) };
}

/** The reason `bytes` look binary, or undefined. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const first = bytes.indexOf(0);
  if (first === -1) return undefined;
  if (first < BINARY_PREFIX_BYTES) return `binary data (NUL byte at offset ${first})`;
  let nuls = 0;
  for (let i = first; i !== -1; i = bytes.indexOf(0, i + 1)) nuls++;
  if (nuls > bytes.length * BINARY_NUL_RATIO) return `binary data (${nuls} NUL bytes, the first at offset ${first})`;
  return undefined;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all are valid. */
export function utf8ErrorOffset(bytes: Uint8Array): number {
  const scan = scanUtf8(bytes, true);
  return scan.firstError;
}

/** Valid multi-byte sequences and invalid bytes in `bytes` (stops at the first error when `stopEarly`). */
function scanUtf8(b: Uint8Array, stopEarly: boolean): { multibyte: number; invalid: number; firstError: number } {
  let multibyte = 0;
  let invalid = 0;
  let firstError = -1;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f; }
    let ok = need > 0;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const d = b[i + k];
        if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) { ok = false; break; }
      }
    }
    if (ok) { multibyte++; i += need + 1; continue; }
    invalid++;
    if (firstError === -1) firstError = i;
    if (stopEarly) break;
    i++;
  }
  return { multibyte, invalid, firstError };
}

/**
 * Decodes a whole document. Returns `{ binary }` for data that is not text in any encoding we read.
 * `forced` is a WHATWG encoding name (validated by the caller, see encodingName).
 */
export function decodeDocument(bytes: Uint8Array, forced?: string): Decoded | Binary {
  if (forced) {
    return decodeWith(forced, bytes, "forced");
  }
  // UTF-32's marks first: FF FE 00 00 also starts with UTF-16LE's. TextDecoder has no UTF-32.
  if (hasPrefix(bytes, [0xff, 0xfe, 0x00, 0x00]) || hasPrefix(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { binary: "UTF-32 text (byte-order mark), which winnow does not read; convert it first: iconv -f UTF-32 -t UTF-8" };
  }
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return decodeWith("utf-8", bytes, "bom");
  if (hasPrefix(bytes, [0xff, 0xfe])) return decodeWith("utf-16le", bytes, "bom");
  if (hasPrefix(bytes, [0xfe, 0xff])) return decodeWith("utf-16be", bytes, "bom");
  const binary = binaryReason(bytes);
  if (binary) return { binary };
  if (isUtf8(bytes)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", how: "utf-8", replaced: 0 };
  const scan = scanUtf8(bytes, false);
  if (scan.multibyte > scan.invalid) return decodeWith("utf-8", bytes, "mostly-utf-8");
  const start = Math.max(0, scan.firstError - 1024);
  const sample = bytes.subarray(start, start + DETECT_SAMPLE_BYTES);
  for (const match of analyse(sample)) {
    if (match.confidence < MIN_CONFIDENCE) break;
    if (/^(utf-8|ascii)$/i.test(match.name)) continue; // we know it is not UTF-8
    const name = encodingName(match.name);
    if (name) return decodeWith(name, bytes, "detected", match.confidence);
  }
  return decodeWith(FALLBACK_ENCODING, bytes, "fallback");
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
