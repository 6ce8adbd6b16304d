/**
 * JSONL records, read and written so that every field but the text stays byte for byte as it came:
 * we locate the text field's value in the raw line and splice the cleaned text in, rather than
 * re-serialising the object (which would reformat numbers, escapes and key order).
 */

export interface JsonlRecord {
  /** The raw line, without its terminator. */
  readonly raw: string;
  /** The parsed object. */
  readonly value: Record<string, unknown>;
  /** Start and end offsets in `raw` of the top-level text field's JSON value. */
  readonly textSpan: readonly [number, number];
}

/** A problem with one JSONL line, phrased for `path:line: message`. */
export class JsonlError extends Error {
  override readonly name = "JsonlError";
}

/** Parses one JSONL line and finds the text field. Throws JsonlError saying what is wrong. */
export function parseRecord(raw: string, textField: string): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new JsonlError(`malformed JSON (${(err as Error).message})`, { cause: err });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new JsonlError("expected a JSON object on each line");
  }
  const obj = value as Record<string, unknown>;
  if (!(textField in obj)) {
    const keys = Object.keys(obj).slice(0, 8).map((k) => JSON.stringify(k)).join(", ");
    throw new JsonlError(`no "${textField}" field (fields: ${keys || "none"}); choose one with --text-field`);
  }
  if (typeof obj[textField] !== "string") {
    throw new JsonlError(`field "${textField}" is ${typeOf(obj[textField])}, expected a string`);
  }
  const span = findTopLevelValue(raw, textField);
  if (!span) throw new JsonlError(`could not locate field "${textField}"`);
  return { raw, value: obj, textSpan: span };
}

/** The record with its text field replaced by `text`; every other byte unchanged. */
export function withText(record: JsonlRecord, text: string): string {
  const [start, end] = record.textSpan;
  return record.raw.slice(0, start) + JSON.stringify(text) + record.raw.slice(end);
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/**
 * Offsets of the value of top-level `key` in a JSON object text known to be valid. When a key occurs
 * twice, JSON.parse keeps the last one, and so do we.
 */
function findTopLevelValue(src: string, key: string): [number, number] | undefined {
  let depth = 0;
  let found: [number, number] | undefined;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = skipString(src, i);
      if (depth === 1) {
        // A string at depth 1 is a key when a colon follows it.
        let j = end;
        while (j < n && isSpace(src.charCodeAt(j))) j++;
        if (src.charCodeAt(j) === 0x3a /* : */) {
          const name = JSON.parse(src.slice(i, end)) as string;
          j++;
          while (j < n && isSpace(src.charCodeAt(j))) j++;
          const valueEnd = skipValue(src, j);
          if (name === key) found = [j, valueEnd];
          i = valueEnd;
          continue;
        }
      }
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    i++;
  }
  return found;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Index just past the string starting at `i` (which holds a quote), in valid JSON. With indexOf, not a
 * loop over the characters: the text field is nearly the whole record, and this ran over every one
 * of its characters on the thread that reads and writes (1% of a -j1 run).
 */
function skipString(src: string, i: number): number {
  let j = i + 1;
  let quote = src.indexOf('"', j);
  let escape = src.indexOf("\\", j);
  for (;;) {
    if (quote < 0) return src.length;
    if (escape < 0 || escape > quote) return quote + 1;
    // An escaped character (\" among them) cannot end the string.
    j = escape + 2;
    if (quote < j) quote = src.indexOf('"', j);
    escape = src.indexOf("\\", j);
  }
}

/** Index just past the JSON value starting at `i`. */
function skipValue(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 0x22) return skipString(src, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    let j = i;
    while (j < src.length) {
      const d = src.charCodeAt(j);
      if (d === 0x22) { j = skipString(src, j); continue; }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) { depth--; if (depth === 0) return j + 1; }
      j++;
    }
    return j;
  }
  let j = i;
  while (j < src.length) {
    const d = src.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
    j++;
  }
  return j;
}
