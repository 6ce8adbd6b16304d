import { once } from "node:events";
import { lstat, mkdir, open, readdir, realpath, rename, unlink, utimes, type FileHandle } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve, sep } from "node:path";
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

/** A file could not be written; the message names it and says what to check, `cause` is the system error. */
export class WriteError extends Error {
  override readonly name = "WriteError";
  constructor(message: string, readonly path: string, options: { cause: unknown }) {
    super(message, options);
  }
  /** The system error code (ENOSPC, EACCES, …), when there is one. */
  get code(): string | undefined {
    return (this.cause as NodeJS.ErrnoException | undefined)?.code;
  }
  /** True when every further write will fail too (a full or read-only file system). */
  get stopsRun(): boolean {
    return this.code === "ENOSPC" || this.code === "EDQUOT" || this.code === "EROFS";
  }
}

/** `err` from writing `path` as a WriteError that says which file and what to check. */
export function writeError(err: unknown, path: string): WriteError {
  if (err instanceof WriteError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const hint = code === "ENOSPC" || code === "EDQUOT" ? " (free some space or choose another -o directory)"
    : code === "EACCES" || code === "EPERM" || code === "EROFS" ? " (check the permissions of the output directory)" : "";
  return new WriteError(`${describeWriteError(err, `cannot write ${path}`)}${hint}`, path, { cause: err });
}

function describeWriteError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOSPC": return `${what}: no space left on device`;
    case "EDQUOT": return `${what}: disk quota exceeded`;
    case "EROFS": return `${what}: read-only file system`;
    case "EACCES":
    case "EPERM": return `${what}: permission denied`;
    case "EISDIR": return `${what}: a directory is in the way`;
    case "ENOTDIR":
    case "EEXIST": return `${what}: a part of the path is a file, not a directory`; // EEXIST: from mkdir
    default: return `${what}: ${(err as Error)?.message ?? String(err)}`;
  }
}

/** The temporary name beside `path` for this process: `.NAME.winnow-PID.tmp`. */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.winnow-${process.pid}.tmp`);
}

const TEMP = /^\..+\.(?:winnow|rows)-(\d+)\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, but not ours
  }
}

/**
 * Removes temporary files left in `dir` by a winnow that was killed (SIGKILL, power loss): those of
 * processes that no longer run. Returns how many were removed. They never carry a final name, so
 * nothing complete is touched. This process's own PID is never swept, even if a killed run had it
 * before (PIDs are reused, in containers often): worker threads share the PID and each would see
 * the others' files in progress as strangers. A leftover under our own PID is replaced when we
 * write that same output (see openAtomic); one for another output stays, hidden and harmless.
 */
export async function sweepStaleTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      if ((await lstat(path)).isFile()) { await unlink(path); removed++; }
    } catch { /* gone already, or not ours to remove */ }
  }
  return removed;
}

/**
 * `rel` joined below `outDir`, or a reason it may not be written: `..` segments, absolute paths and
 * drive letters are refused, and so is a path whose existing part leads (by a symbolic link) outside
 * `outDir`. Guards against hostile or mistaken names, not against a concurrent attacker (TOCTOU).
 */
export async function safeOutputPath(outDir: string, rel: string): Promise<string | { refused: string }> {
  const parts = rel.split(/[\\/]/);
  if (rel === "" || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || rel.includes("\0") || parts.some((p) => p === ".." || p === "")) {
    return { refused: `output name ${JSON.stringify(rel)} is not a plain relative path; it would not stay inside ${outDir}` };
  }
  const dest = join(outDir, ...parts);
  // Where the destination's directory really is (symbolic links resolved in the part that exists)
  // must lie inside where -o really is.
  const root = await resolvedPath(outDir);
  const real = await resolvedPath(dirname(dest));
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { refused: `${dirname(dest)} leads outside ${outDir} (through a symbolic link); refusing to write there` };
  }
  return dest;
}

/** `path` with symbolic links resolved in its longest existing prefix; the rest appended as is. */
async function resolvedPath(path: string): Promise<string> {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    const real = await realpath(head).catch(() => undefined);
    if (real !== undefined) return tail.length ? join(real, ...tail.reverse()) : real;
    const up = dirname(head);
    if (up === head) return resolve(path);
    tail.push(basename(head));
    head = up;
  }
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
  // One promise for the stream's failure, raced with each write (a listener per write would leak).
  const failed = new Promise<void>((done) => stream.once("error", () => done()));
  const flush = async () => {
    if (broken) throw broken;
    if (!buffer) return;
    const text = buffer;
    buffer = "";
    await Promise.race([writeTo(stream, text), failed]);
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
export async function atomicFileSink(path: string, gzip: boolean, options: { mtime?: Date } = {}): Promise<Sink> {
  try {
    return await openAtomic(path, gzip, options);
  } catch (err) {
    throw writeError(err, path);
  }
}

async function openAtomic(path: string, gzip: boolean, options: { mtime?: Date }): Promise<Sink> {
  await makeDirectory(dirname(path));
  const tmp = tempName(path);
  const handle = await createExclusive(tmp);
  const finish = async () => {
    // The output carries its input's modification time: how --resume tells it is up to date.
    if (options.mtime) await utimes(tmp, new Date(), options.mtime);
    await rename(tmp, path);
  };
  const discard = async () => {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
  };
  return batchedSink(path, gzip ? gzipWriter(handle, discard) : plainWriter(handle, discard), finish);
}

/**
 * Opens `tmp` for writing, refusing to follow a symbolic link planted at the name (O_EXCL, "wx"). A
 * file already there is our own leftover (a killed run whose PID we reuse): it is removed once.
 */
async function createExclusive(tmp: string): Promise<FileHandle> {
  try {
    return await open(tmp, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    await unlink(tmp);
    return await open(tmp, "wx");
  }
}

/**
 * Directories this run has made or found, so a directory of a million small files does not ask for
 * each file's directory again. Bounded: forgotten all at once when full, then asked again.
 */
const madeDirectories = new Set<string>();
const MADE_DIRECTORIES_MAX = 4096;

async function makeDirectory(dir: string): Promise<void> {
  if (madeDirectories.has(dir)) return;
  await mkdir(dir, { recursive: true });
  if (madeDirectories.size >= MADE_DIRECTORIES_MAX) madeDirectories.clear();
  madeDirectories.add(dir);
}

/** Where a file sink's batches go: `send` one, `end` the file, or `stop` and remove it. */
interface FileWriter {
  send(text: string): Promise<void>;
  end(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Text gathered up to BATCH_BYTES before it reaches `writer`; `finish` moves the ended file into
 * place. Any failure removes the temporary file and is raised as a WriteError naming `path`.
 */
function batchedSink(path: string, writer: FileWriter, finish: () => Promise<void>): Sink {
  let buffer = "";
  const flush = async () => {
    if (!buffer) return;
    const text = buffer;
    buffer = "";
    await writer.send(text);
  };
  const fail = async (err: unknown) => {
    buffer = "";
    await writer.stop();
    return writeError(err, path);
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length < BATCH_BYTES) return;
      try { await flush(); } catch (err) { throw await fail(err); }
    },
    async close() {
      try {
        await flush();
        await writer.end();
        await finish();
      } catch (err) {
        throw await fail(err);
      }
    },
    async abort() {
      buffer = "";
      await writer.stop();
    },
  };
}

/** Plain output, written through the handle itself (no stream). */
function plainWriter(handle: FileHandle, discard: () => Promise<void>): FileWriter {
  return { send: (text) => handle.writeFile(text), end: () => handle.close(), stop: discard };
}

/** Gzip output: a gzip stream into the handle's stream, which closes the handle when it ends. */
function gzipWriter(handle: FileHandle, discard: () => Promise<void>): FileWriter {
  const file = handle.createWriteStream();
  const zip: Gzip = createGzip();
  let failure: Error | undefined;
  zip.on("error", (err) => { failure = err; });
  file.on("error", (err) => { failure = err; });
  const failed = new Promise<void>((done) => { zip.once("error", () => done()); file.once("error", () => done()); });
  zip.pipe(file);
  const check = () => { if (failure) throw failure; };
  return {
    async send(text) {
      check();
      await Promise.race([writeTo(zip, text), failed]);
      check();
    },
    async end() {
      check();
      zip.end();
      if (!file.closed) await Promise.race([once(file, "close"), failed]);
      check();
    },
    async stop() {
      zip.destroy();
      file.destroy();
      if (!file.closed) await once(file, "close").catch(() => undefined);
      await discard();
    },
  };
}
