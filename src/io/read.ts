import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { addAbortSignal } from "node:stream";
import { createGunzip, type Gunzip } from "node:zlib";
import { decodeDocument, utf8ErrorOffset, type Decoded } from "./decode.js";
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
  /** Size of the input bytes of the document (text files) or of its text in UTF-8 (JSONL). */
  readonly bytes: number;
  /** How the bytes were decoded (text files always; JSONL only with --encoding). `text` is unset. */
  readonly encoding?: Omit<Decoded, "text">;
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
  /** A document (text file) or JSONL line larger than this is skipped and reported. */
  readonly maxDocBytes: number;
  /** Forces a decoder (WHATWG name); else text files are detected and JSONL must be UTF-8. */
  readonly encoding?: string;
  /** Stops reading when aborted (Ctrl-C). */
  readonly signal?: AbortSignal;
}

/** What a reader produces, in input order. The first item for stdin tells the sniffed format. */
export type ReadItem = SourceDocument | ReadProblem;

export function isProblem(item: ReadItem): item is ReadProblem {
  return (item as ReadProblem).problem === true;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** `64 MiB` style, for messages. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}

/** Bytes read at a time from a large input. */
const READ_CHUNK_BYTES = 1 << 20;

/** The bytes of an input, gunzipped when it is gzip; `gunzip` is kept to tell where a fault was. */
function byteStream(input: Input, stdin: Readable, signal: AbortSignal | undefined): { stream: AsyncIterable<Buffer>; gunzip?: Gunzip } {
  if (!input.stdin && !input.gzip) return { stream: fileChunks(input.path, signal) };
  const raw = input.stdin ? stdin : createReadStream(input.path, { highWaterMark: READ_CHUNK_BYTES });
  if (signal) addAbortSignal(signal, raw);
  if (!input.gzip) return { stream: raw as AsyncIterable<Buffer> };
  const gunzip = createGunzip();
  return { stream: drainGunzip(raw, gunzip), gunzip };
}

/**
 * The bytes of a file through one handle. The first read is sized by the file, so a small document
 * costs one read into a buffer of its own size. A file stream would allocate a 1 MiB buffer per read
 * whatever the file's size, and a directory of small files then spent a third of its time collecting
 * them (3,000 files of one line: 3.2 s of 10.4 s in the garbage collector).
 */
async function* fileChunks(path: string, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    let want = Math.min(size + 1, READ_CHUNK_BYTES);
    for (;;) {
      if (signal?.aborted) return;
      // Under 4 KiB, allocUnsafe slices a shared pool: the probe for the end of a small file is cheap.
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      // A short read means the end was reached, unless the file is still growing: probe with a small read.
      want = bytesRead === buffer.length ? READ_CHUNK_BYTES : 1024;
    }
  } finally {
    await handle.close();
  }
}

/** Decompressed bytes held at most before the compressed input is paused (a few chunks of 1 MiB). */
const GUNZIP_AHEAD_BYTES = 4 << 20;

/**
 * The output of `gunzip` fed from `raw`, every byte it produced before a fault included. With
 * raw.pipe(gunzip) read as an async iterator, a fault (a truncated or corrupt file) destroys the
 * stream and drops whatever was decompressed but not yet read, so how much of a faulty input was
 * kept depended on how fast the documents were consumed (it differed between --jobs 1 and 2).
 * Here the output is taken as soon as it is produced, and memory is bounded by pausing the
 * compressed input instead.
 */
async function* drainGunzip(raw: Readable, gunzip: Gunzip): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let queued = 0;
  let ended = false;
  let failure: { err: Error } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { const w = wake; wake = undefined; w?.(); };
  const resumeIfRoom = () => { if (queued < GUNZIP_AHEAD_BYTES && !gunzip.writableNeedDrain && raw.isPaused()) raw.resume(); };
  gunzip.on("data", (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued >= GUNZIP_AHEAD_BYTES) raw.pause();
    notify();
  });
  gunzip.on("end", () => { ended = true; notify(); });
  gunzip.on("error", (err: Error) => { failure ??= { err }; notify(); });
  gunzip.on("drain", resumeIfRoom);
  raw.on("data", (chunk: Buffer) => { if (!gunzip.write(chunk)) raw.pause(); });
  raw.on("end", () => gunzip.end());
  // The source's errors (ENOENT, EACCES) go to the reader too.
  raw.on("error", (err: Error) => { failure ??= { err }; gunzip.destroy(err); notify(); });
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        queued -= chunk.length;
        resumeIfRoom();
        yield chunk;
        continue;
      }
      if (failure) throw failure.err;
      if (ended) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/**
 * Reads the documents of one input. For stdin with no `--format`, the format is sniffed: JSONL when
 * the first non-blank byte is `{`. Calls `onFormat` once the format is known (the writer needs it).
 * When `options.signal` aborts, reading stops and the generator ends without a problem.
 */
export async function* readInput(
  input: Input,
  options: ReadOptions,
  stdin: Readable,
  onFormat: (format: Format) => void = () => undefined,
): AsyncGenerator<ReadItem> {
  let gunzip: Gunzip | undefined;
  let format = input.format;
  try {
    const opened = byteStream(input, stdin, options.signal);
    gunzip = opened.gunzip;
    let chunks: AsyncIterable<Buffer> = opened.stream as AsyncIterable<Buffer>;
    if (!format) ({ format, rest: chunks } = await sniff(chunks));
    onFormat(format);
    if (format === "jsonl") yield* readJsonl(input, chunks, options);
    else yield* readText(input, chunks, options);
  } catch (err) {
    if (options.signal?.aborted) return;
    const kept = format === "jsonl" ? "; the lines before it were kept" : "; skipped";
    yield { problem: true, path: input.path, message: describeReadError(err, gunzip) + kept, fatal: true };
  }
}

function describeReadError(err: unknown, gunzip: Gunzip | undefined): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "Z_DATA_ERROR" || e?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(e?.message ?? "")) {
    const at = gunzip ? ` at compressed byte ${gunzip.bytesWritten}` : "";
    return `gzip data is corrupt or truncated${at} (${e.message})`;
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

/**
 * A plain text input is one document. Reading stops as soon as it passes `maxDocBytes`: the whole
 * document would have to be held in memory (and in one V8 string, at most ~512 MiB), so it is
 * skipped and reported rather than allowed to exhaust memory.
 */
async function* readText(input: Input, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadItem> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > options.maxDocBytes) {
      yield { problem: true, path: input.path, message: `document is larger than --max-doc-bytes (${formatBytes(options.maxDocBytes)}); skipped (raise the limit to clean it)`, fatal: true };
      return;
    }
    parts.push(chunk);
  }
  const bytes = Buffer.concat(parts);
  const decoded = decodeDocument(bytes, options.encoding);
  if ("binary" in decoded) {
    const hint = decoded.binary.startsWith("binary data") ? " (not a text file)" : "";
    yield { problem: true, path: input.path, message: `${decoded.binary}; skipped${hint}`, fatal: true };
    return;
  }
  const { text, ...encoding } = decoded;
  yield { id: input.stdin ? "stdin" : input.rel, text, path: input.path, site: input.dir || undefined, bytes: bytes.length, encoding };
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (its length when all are valid). */
export function firstInvalidUtf8(bytes: Buffer): number {
  const at = utf8ErrorOffset(bytes);
  return at === -1 ? bytes.length : at;
}

/** A line longer than the limit: only its length was counted, its bytes were not kept. */
export interface LongLine {
  readonly tooLong: number;
}

/**
 * Splits a byte stream at LF; a line may span chunks. The final line needs no terminator. A line
 * longer than `maxBytes` is not buffered: the rest of it is skipped up to the next LF, counting bytes.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes = Infinity): AsyncGenerator<Buffer | LongLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = -1; // bytes of an over-long line so far, or -1
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (skipping >= 0) skipping += piece.length;
      else if (pendingBytes + piece.length > maxBytes) { skipping = pendingBytes + piece.length; pending = []; pendingBytes = 0; }
      if (nl === -1) {
        if (skipping < 0 && piece.length) { pending.push(piece); pendingBytes += piece.length; }
        break;
      }
      if (skipping >= 0) { yield { tooLong: skipping }; skipping = -1; }
      else if (pending.length) { pending.push(piece); yield Buffer.concat(pending); pending = []; pendingBytes = 0; }
      else yield piece;
      start = nl + 1;
    }
  }
  if (skipping >= 0) yield { tooLong: skipping };
  else if (pending.length) yield Buffer.concat(pending);
}

async function* readJsonl(input: Input, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadItem> {
  let lineNo = 0;
  const forced = options.encoding ? new TextDecoder(options.encoding) : undefined;
  for await (const bytes of splitLines(chunks, options.maxDocBytes)) {
    lineNo++;
    if (!Buffer.isBuffer(bytes)) {
      yield { problem: true, path: input.path, line: lineNo, message: `line is ${bytes.tooLong} bytes, over --max-doc-bytes (${formatBytes(options.maxDocBytes)}); line skipped (raise the limit to clean it)` };
      continue;
    }
    let raw: string;
    let encoding: Omit<Decoded, "text"> | undefined;
    if (forced) {
      raw = forced.decode(bytes);
      encoding = { encoding: forced.encoding, how: "forced", replaced: countReplacements(raw) };
    } else {
      try {
        raw = utf8.decode(bytes);
      } catch {
        yield {
          problem: true, path: input.path, line: lineNo,
          message: `not valid UTF-8 at byte ${firstInvalidUtf8(bytes)} of the line; line skipped (JSONL is UTF-8; for a legacy encoding use --encoding)`,
          raw: bytes.toString("utf8"),
        };
        continue;
      }
    }
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    if (raw.trim() === "") continue;
    let record: JsonlRecord;
    try {
      record = parseRecord(raw, options.textField);
    } catch (err) {
      if (!(err instanceof JsonlError)) throw err;
      yield { problem: true, path: input.path, line: lineNo, message: `${err.message}; line skipped`, raw };
      continue;
    }
    const text = record.value[options.textField] as string;
    const idValue = record.value[options.idField];
    const id = typeof idValue === "string" || typeof idValue === "number" ? String(idValue) : `${input.path}:${lineNo}`;
    yield {
      id, text, path: input.path, line: lineNo, site: siteOf(record.value[options.siteField]), record, bytes: Buffer.byteLength(text),
      ...(encoding && { encoding }),
    };
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
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
