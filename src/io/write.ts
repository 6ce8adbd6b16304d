import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { createGzip, type Gzip } from "node:zlib";

/** Where cleaned text goes: a file written atomically, or standard output. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Flushes and, for files, moves the finished file into place. */
  close(): Promise<void>;
  /** Gives up: for files, removes the temporary file so no half-written output is left. */
  abort(): Promise<void>;
}

/** Raised when the reader of standard output went away (`| head`): the run ends quietly. */
export class BrokenPipe extends Error {
  override readonly name = "BrokenPipe";
}

/** Writes are gathered up to this size before they reach the stream (fewer syscalls, same bytes). */
const BATCH_BYTES = 64 * 1024;

async function writeTo(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Standard output, with back-pressure; a closed pipe turns into BrokenPipe. */
export function stdoutSink(stream: Writable): Sink {
  let buffer = "";
  let broken: Error | undefined;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    broken = err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED" ? new BrokenPipe("output closed") : err;
  });
  const flush = async () => {
    if (broken) throw broken;
    if (!buffer) return;
    const text = buffer;
    buffer = "";
    await Promise.race([writeTo(stream, text), once(stream, "error").then(() => undefined)]);
    if (broken) throw broken;
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= BATCH_BYTES) await flush();
    },
    close: flush,
    async abort() { buffer = ""; },
  };
}

/**
 * A file written to a temporary name beside its destination and renamed into place on close, so an
 * interrupted run never leaves a partial output under the real name. Gzip when `gzip` is set.
 */
export async function atomicFileSink(path: string, gzip: boolean): Promise<Sink> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.winnow-${process.pid}.tmp`);
  const file: WriteStream = createWriteStream(tmp);
  let failure: Error | undefined;
  file.on("error", (err) => { failure = err; });
  await Promise.race([once(file, "open"), once(file, "error")]);
  if (failure) throw failure;
  const zip: Gzip | undefined = gzip ? createGzip() : undefined;
  if (zip) {
    zip.on("error", (err) => { failure = err; });
    zip.pipe(file);
  }
  const head: Writable = zip ?? file;
  let buffer = "";
  const flush = async () => {
    if (failure) throw failure;
    if (buffer) {
      const text = buffer;
      buffer = "";
      await writeTo(head, text);
    }
    if (failure) throw failure;
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= BATCH_BYTES) await flush();
    },
    async close() {
      await flush();
      head.end();
      if (!file.closed) await Promise.race([once(file, "close"), once(file, "error")]);
      if (failure) { await unlink(tmp).catch(() => undefined); throw failure; }
      await rename(tmp, path);
    },
    async abort() {
      buffer = "";
      file.destroy();
      zip?.destroy();
      await unlink(tmp).catch(() => undefined);
    },
  };
}
