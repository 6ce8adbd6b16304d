import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { cleanTask, type CleanResult, type TaskOptions } from "./task.js";

/** Cleans documents, in-process or on worker threads; every call's result comes back on its own. */
export interface Cleaner {
  clean(text: string): Promise<CleanResult>;
  /** Stops the workers; results still outstanding are rejected. Safe to call twice. */
  close(): Promise<void>;
}

/** `--jobs 1`: cleans on the calling thread, no worker. */
export class InlineCleaner implements Cleaner {
  constructor(private readonly options: TaskOptions) {}

  clean(text: string): Promise<CleanResult> {
    try {
      return Promise.resolve(cleanTask(text, this.options));
    } catch (err) {
      return handled(Promise.reject(err));
    }
  }

  async close(): Promise<void> {}
}

/** Sent to a worker: the texts of one batch. */
export interface BatchRequest {
  readonly id: number;
  readonly texts: readonly string[];
}

/** Sent back: one result (or the cleaner's error) per text, in order. */
export interface BatchReply {
  readonly id: number;
  readonly results: readonly (CleanResult | { error: string })[];
}

/**
 * A batch is sent when it holds this many documents or characters, or as soon as a worker runs short
 * of work (so batches are small when the workers keep up). 16 pages of the bench corpus (11 kB each)
 * take a worker about 50 ms: a few dozen messages a second, a copy of ~200 kB each way.
 */
const BATCH_DOCS = 16;
const BATCH_CHARS = 1 << 18;
/** A worker is sent more work while it has fewer batches than this queued, so it never waits for the next. */
const QUEUED_PER_WORKER = 2;
/**
 * Each worker is a V8 heap of its own that grows with garbage before it collects; a smaller young
 * generation keeps that in check. Measured on 30 MB of bench JSONL, --jobs 2: with the placeholder
 * cleaner, peak RSS 286 MB with V8's default and 235 MB with 8 MB; with the real cleaner (and the
 * read-ahead at 128 documents / 2 Mi chars), 268 MB with 8 MB and 241 MB with 4 MB, user CPU
 * 18.3 s and 17.4 s (within the noise of a busy machine).
 * Re-measured once the cleaner ran 2-3x faster (line cache): with 4 MB the workers spent 18-20% of
 * their time in the garbage collector (--cpu-prof; 8% for the same work with --jobs 1), with 16 MB
 * 8-9%. 30 MB, --jobs 2, alternating runs, user CPU / peak RSS: 4 MB 12.1-14.6 s / 272-300 MB;
 * 8 MB 11.9-12.3 s / 275-288 MB; 16 MB 11.0-11.7 s / 278-294 MB.
 */
const YOUNG_GENERATION_MB = 16;
/**
 * V8 lets a heap grow to four times what survives a full collection when its limit is 2 GiB or more
 * (V8's default here is 4 GiB), and to 1.3-2 times below that (heap-controller.cc, MaxGrowingFactor).
 * A worker holds ~14 MB live, so 1 GiB keeps its heap near 45 MB instead of 60-75 MB, with room for
 * any document under --max-doc-bytes (64 MiB by default). A document that still needs more is not
 * lost: the worker is replaced and its batches are cleaned on the calling thread (see outOfMemory).
 * Measured on the 100 MB bench JSONL, --jobs 2, peak RSS: default 274-283 MB, 1024 MB 251-252 MB,
 * 512 MB 243-267 MB, 2000 MB 252-255 MB; user CPU within noise (26.4-28.8 s all).
 */
const OLD_GENERATION_MB = 1024;

/** Replaced workers in a row that run out of memory before answering anything: the limit is too small to start. */
const MAX_STILLBORN = 3;

/** Heap limits of each worker thread (`resourceLimits` of node:worker_threads), in MB. */
export interface WorkerHeap {
  readonly youngGenerationMb: number;
  readonly oldGenerationMb: number;
}

export const DEFAULT_WORKER_HEAP: WorkerHeap = { youngGenerationMb: YOUNG_GENERATION_MB, oldGenerationMb: OLD_GENERATION_MB };

interface Waiting {
  resolve(result: CleanResult): void;
  reject(err: Error): void;
}

interface Slot {
  readonly worker: Worker;
  /** Batches sent and not yet answered, oldest first. */
  readonly queued: number[];
  /** Documents in those batches. */
  docs: number;
  /** Set once the worker ran out of memory and was replaced: its exit is expected. */
  retired: boolean;
  /** Whether it ever answered a batch. */
  answered: boolean;
}

/** A batch sent to a worker and not yet answered: its texts, kept to clean them here if the worker dies. */
interface Pending {
  readonly texts: readonly string[];
  readonly waiting: Waiting[];
}

/**
 * The calling thread cleans a document itself once every worker has this many queued (counting the
 * batch being gathered): workers are fed first, and the calling thread, between reading and writing,
 * takes the rest. Well under the read-ahead (128 documents, src/cli/readahead.ts), which must leave
 * the calling thread documents of its own.
 */
const FEED_DOCS = 32;

/**
 * `--jobs N`: N threads clean, the calling thread and N - 1 workers, each importing the cleaner once.
 * The calling thread was mostly idle with N workers (reading and writing JSONL took 15% of one core
 * on 30 MB with --jobs 2), while every worker is a V8 heap of its own (~70 MB of peak RSS each).
 * Documents are gathered into batches to amortise message passing; each batch goes to the worker with
 * the least queued (ties: the first), and when every worker has FEED_DOCS queued the calling thread
 * cleans the document itself. That only changes where a document is cleaned, never the result.
 * Back-pressure is the caller's: it bounds how many documents it has submitted and not yet taken back
 * (see src/cli/readahead.ts).
 */
export class WorkerPool implements Cleaner {
  private readonly slots: Slot[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private batch: string[] = [];
  private batchWaiting: Waiting[] = [];
  private batchChars = 0;
  private nextId = 0;
  private failure?: Error;
  private closed = false;

  /** Documents cleaned on the calling thread because the worker cleaning them ran out of memory. */
  recovered = 0;
  /** Workers in a row that ran out of memory before answering a batch. */
  private stillborn = 0;

  constructor(jobs: number, private readonly options: TaskOptions, private readonly heap: WorkerHeap = DEFAULT_WORKER_HEAP) {
    for (let i = 0; i < jobs - 1; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER, {
      workerData: { options: this.options },
      resourceLimits: { maxYoungGenerationSizeMb: this.heap.youngGenerationMb, maxOldGenerationSizeMb: this.heap.oldGenerationMb },
    });
    const slot: Slot = { worker, queued: [], docs: 0, retired: false, answered: false };
    worker.on("message", (reply: BatchReply) => this.receive(slot, reply));
    worker.on("error", (err) => {
      if ((err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") this.outOfMemory(slot);
      else this.fail(new Error(`a worker thread failed: ${err.message}`, { cause: err }));
    });
    worker.on("exit", (code) => {
      if (!this.closed && !slot.retired) this.fail(new Error(`a worker thread exited unexpectedly (code ${code})`));
    });
    return slot;
  }

  /**
   * A worker reached its heap limit (OLD_GENERATION_MB) and was stopped by Node: a fresh worker takes
   * its place and the documents it had been sent are cleaned here, on the calling thread, whose heap
   * has V8's default limit. The results are the same wherever a document is cleaned.
   */
  private outOfMemory(slot: Slot): void {
    if (slot.retired || this.failure) return;
    // A worker whose heap cannot even hold the cleaner would be replaced forever: give up after a few.
    this.stillborn = slot.answered ? 0 : this.stillborn + 1;
    if (this.stillborn >= MAX_STILLBORN) {
      this.fail(new Error(`worker threads ran out of memory before cleaning anything (heap limit ${this.heap.oldGenerationMb} MB)`));
      return;
    }
    slot.retired = true;
    this.slots[this.slots.indexOf(slot)] = this.spawn();
    for (const id of slot.queued) {
      const pending = this.inFlight.get(id);
      if (!pending) continue;
      this.inFlight.delete(id);
      pending.texts.forEach((text, i) => {
        this.recovered++;
        const w = pending.waiting[i]!;
        try {
          w.resolve(cleanTask(text, this.options));
        } catch (err) {
          w.reject(cleanerError(err));
        }
      });
    }
    this.dispatch(false);
  }

  clean(text: string): Promise<CleanResult> {
    if (this.failure) return handled(Promise.reject(this.failure));
    if (this.leastLoaded().docs + this.batch.length >= FEED_DOCS) {
      // Every worker has work queued: this thread cleans the document now.
      try {
        return Promise.resolve(cleanTask(text, this.options));
      } catch (err) {
        return handled(Promise.reject(cleanerError(err)));
      }
    }
    return handled(new Promise<CleanResult>((resolve, reject) => {
      this.batch.push(text);
      this.batchWaiting.push({ resolve, reject });
      this.batchChars += text.length;
      this.dispatch(this.batch.length >= BATCH_DOCS || this.batchChars >= BATCH_CHARS);
    }));
  }

  private leastLoaded(): Slot {
    let best = this.slots[0]!;
    for (const slot of this.slots) if (slot.docs < best.docs) best = slot;
    return best;
  }

  /** Sends the gathered batch when it is full (`force`) or some worker is short of work. */
  private dispatch(force: boolean): void {
    if (this.batch.length === 0 || this.failure) return;
    const best = this.leastLoaded();
    if (!force && best.queued.length >= QUEUED_PER_WORKER) return;
    const id = this.nextId++;
    const request: BatchRequest = { id, texts: this.batch };
    this.inFlight.set(id, { texts: this.batch, waiting: this.batchWaiting });
    best.queued.push(id);
    best.docs += this.batch.length;
    this.batch = [];
    this.batchWaiting = [];
    this.batchChars = 0;
    best.worker.postMessage(request);
  }

  private receive(slot: Slot, reply: BatchReply): void {
    const waiting = this.inFlight.get(reply.id)?.waiting;
    if (!waiting) return;
    this.inFlight.delete(reply.id);
    slot.queued.splice(slot.queued.indexOf(reply.id), 1);
    slot.answered = true;
    slot.docs -= waiting.length;
    reply.results.forEach((r, i) => {
      if ("error" in r) waiting[i]!.reject(new Error(`the cleaner failed:\n${r.error}`));
      else waiting[i]!.resolve(r);
    });
    this.dispatch(false);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const { waiting } of this.inFlight.values()) for (const w of waiting) w.reject(err);
    for (const w of this.batchWaiting) w.reject(err);
    this.inFlight.clear();
    this.batch = [];
    this.batchWaiting = [];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new Error("the worker pool was closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** A cleaner bug on the calling thread, worded as a worker's is (see receive): where a document is cleaned depends on timing. */
function cleanerError(err: unknown): Error {
  return new Error(`the cleaner failed:\n${err instanceof Error ? err.stack ?? err.message : String(err)}`, { cause: err });
}

/**
 * Marks a result as handled: a run that stops early (a closed pipe, an error) never awaits the
 * results still in flight, and their rejection must not end the process as "unhandled". Whoever
 * awaits the promise still gets the error.
 */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

const WORKER = new URL("./worker.js", import.meta.url);

/**
 * The cleaner for `jobs` threads: in-process for 1. Also in-process when there is no compiled
 * worker script beside this module, which happens only when running from the TypeScript sources
 * (the tests call main() in-process): the result is the same, only slower.
 */
export function createCleaner(jobs: number, options: TaskOptions): Cleaner {
  if (jobs <= 1 || !existsSync(fileURLToPath(WORKER))) return new InlineCleaner(options);
  return new WorkerPool(jobs, options);
}
