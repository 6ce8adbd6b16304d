import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { describeFsError, type Format, type Input } from "./inputs.js";
import { JsonlError, parseRecord, type JsonlRecord } from "./jsonl.js";

/** A document read from an input. */
export interface SourceDocument {
  /** From the JSONL id field, else `path:line` (JSONL) or the path (text). */
  readonly id: string;
  readonly text: string;
  /** The input's path as shown in messages. */
  readonly path: string;
  /** 1-based line of the record in a JSONL input. */
  readonly line?: number;
  /** The site the document belongs to (URL host for JSONL, parent directory for plain files). */
  readonly site?: string;
  /** Set for JSONL inputs: the record to write back with the cleaned text spliced in. */
  readonly record?: JsonlRecord;
  /** Size of the text in UTF-8 bytes. */
  readonly bytes: number;
}

/** A part of an input that could not be read; reported as `path:line: message`, the rest goes on. */
export interface ReadProblem {
  readonly problem: true;
  readonly path: string;
  readonly line?: number;
  readonly message: string;
  /** The raw JSONL line, for `--on-error=pass`. */
  readonly raw?: string;
  /** True when the whole input was given up (nothing was or will be read from it). */
  readonly fatal?: boolean;
}

export interface ReadOptions {
  readonly textField: string;
  readonly idField: string;
  readonly siteField: string;
}

/** What a reader produces, in input order. The first item for stdin tells the sniffed format. */
export type ReadItem = SourceDocument | ReadProblem;

export function isProblem(item: ReadItem): item is ReadProblem {
  return (item as ReadProblem).problem === true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes of an input, gunzipped when it is gzip. */
function byteStream(input: Input, stdin: Readable): Readable {
  const raw = input.stdin ? stdin : createReadStream(input.path, { highWaterMark: 1 << 20 });
  if (!input.gzip) return raw;
  const gunzip = createGunzip();
  // pipe() does not forward the source's errors (ENOENT, EACCES): hand them to the reader.
  raw.on("error", (err: Error) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/**
 * Reads the documents of one input. For stdin with no `--format`, the format is sniffed: JSONL when
 * the first non-blank byte is `{`. Calls `onFormat` once the format is known (the writer needs it).
 */
export async function* readInput(
  input: Input,
  options: ReadOptions,
  stdin: Readable,
  onFormat: (format: Format) => void = () => undefined,
): AsyncGenerator<ReadItem> {
  try {
    let chunks: AsyncIterable<Buffer> = byteStream(input, stdin) as AsyncIterable<Buffer>;
    let format = input.format;
    if (!format) ({ format, rest: chunks } = await sniff(chunks));
    onFormat(format);
    if (format === "jsonl") yield* readJsonl(input, chunks, options);
    else yield* readText(input, chunks);
  } catch (err) {
    yield { problem: true, path: input.path, message: describeReadError(err), fatal: true };
  }
}

function describeReadError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "Z_DATA_ERROR" || e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) {
    return `gzip data is corrupt or truncated (${e.message})`;
  }
  return describeFsError(err, "cannot read");
}

/** Looks at the first bytes to tell JSONL from text, and hands back a stream that still has them. */
async function sniff(chunks: AsyncIterable<Buffer>): Promise<{ format: Format; rest: AsyncIterable<Buffer> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let format: Format = "text";
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    seen.push(next.value);
    const first = firstNonBlank(next.value);
    if (first !== -1) { format = first === 0x7b ? "jsonl" : "text"; break; }
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* seen;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, rest: rest() };
}

function firstNonBlank(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) { i += 2; continue; } // UTF-8 BOM
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

/** A plain text input is one document. */
async function* readText(input: Input, chunks: AsyncIterable<Buffer>): AsyncGenerator<ReadItem> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  const bad = binaryReason(bytes);
  if (bad) { yield { problem: true, path: input.path, message: `${bad}; skipped`, fatal: true }; return; }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    yield { problem: true, path: input.path, message: `not valid UTF-8 at byte ${firstInvalidUtf8(bytes)}; skipped`, fatal: true };
    return;
  }
  yield { id: input.stdin ? "stdin" : input.rel, text, path: input.path, site: input.dir || undefined, bytes: bytes.length };
}

/** NUL bytes do not occur in text in any encoding we read; a file with them is binary. */
function binaryReason(bytes: Buffer): string | undefined {
  const nul = bytes.indexOf(0);
  return nul === -1 ? undefined : `binary data (NUL byte at offset ${nul})`;
}

/** Offset of the first byte that makes `bytes` invalid UTF-8. */
export function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix, allowing for a cut multi-byte sequence at the end.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (validPrefix(bytes.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function validPrefix(b: Buffer): boolean {
  for (let cut = 0; cut <= 3 && cut <= b.length; cut++) {
    try { utf8.decode(b.subarray(0, b.length - cut)); return true; } catch { /* try a shorter cut */ }
  }
  return false;
}

/** Splits a byte stream at LF; a line may span chunks. The final line needs no terminator. */
export async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (pending.length) { pending.push(piece); yield Buffer.concat(pending); pending = []; }
      else yield piece;
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length) yield Buffer.concat(pending);
}

async function* readJsonl(input: Input, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadItem> {
  let lineNo = 0;
  for await (const bytes of splitLines(chunks)) {
    lineNo++;
    let raw: string;
    try {
      raw = utf8.decode(bytes);
    } catch {
      yield { problem: true, path: input.path, line: lineNo, message: `not valid UTF-8 at byte ${firstInvalidUtf8(bytes)} of the line; line skipped`, raw: bytes.toString("utf8") };
      continue;
    }
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    if (raw.trim() === "") continue;
    let record: JsonlRecord;
    try {
      record = parseRecord(raw, options.textField);
    } catch (err) {
      if (!(err instanceof JsonlError)) throw err;
      yield { problem: true, path: input.path, line: lineNo, message: err.message, raw };
      continue;
    }
    const text = record.value[options.textField] as string;
    const idValue = record.value[options.idField];
    const id = typeof idValue === "string" || typeof idValue === "number" ? String(idValue) : `${input.path}:${lineNo}`;
    yield { id, text, path: input.path, line: lineNo, site: siteOf(record.value[options.siteField]), record, bytes: Buffer.byteLength(text) };
  }
}

/** The host of a URL field, or the field itself when it is not a URL; undefined when absent. */
export function siteOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  try {
    return new URL(value).hostname.replace(/^www\./, "");
  } catch {
    return value;
  }
}
