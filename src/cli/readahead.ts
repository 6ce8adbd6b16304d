import type { Format, Input, InputProblem } from "../io/inputs.js";
import { isProblem, type ReadItem, type SourceDocument } from "../io/read.js";
import type { CleanResult } from "../parallel/task.js";

/** An item of an input as the run loop takes it: a document already handed to the cleaner, or a problem. */
export interface Prepared {
  readonly item: ReadItem;
  /** Set for documents: the result, in flight or done. */
  readonly cleaned?: Promise<CleanResult>;
}

/** What the run loop takes in order: an input that could not be expanded, or an input and its items. */
export type Ahead = { readonly problem: InputProblem } | { readonly input: Input; readonly items: InputItems };

/**
 * How far reading may run ahead of writing. Documents read but not yet taken by the run loop are
 * held in memory (twice for JSONL: the raw line and the text), so this bounds memory whatever the
 * input size; it must also be large enough to keep every worker busy with a batch queued behind it.
 */
export interface AheadLimits {
  readonly documents: number;
  /** UTF-16 code units of document text. */
  readonly chars: number;
}

/**
 * 128 documents or 2 Mi chars of text ahead: a batch queued behind the one in progress for each of
 * two workers, and a few MB of strings (the JSONL line and its text). Measured on 30 MB of bench
 * JSONL with --jobs 2 (placeholder cleaner): 1024 documents / 16 Mi chars ahead peaked at 396 MB
 * RSS (main heap 150 MB), 256 / 4 Mi at 286 MB; with the real cleaner, 256 / 4 Mi at 270 MB and
 * 128 / 2 Mi at 246 MB, no loss of speed measurable on a busy machine.
 */
export const DEFAULT_LIMITS: AheadLimits = { documents: 128, chars: 2 << 20 };

/** What the run loop may ask of the reader besides the inputs. */
export interface AheadHooks {
  /** Inputs for which this resolves true are not read at all (`--resume`); their items are empty and `skipped`. */
  readonly skip?: (input: Input) => Promise<boolean>;
  /** Called by `close` when reading `input` may be blocked on a pipe that nobody will drain (stdin). */
  readonly interrupt?: (input: Input) => void;
}

/** An unbounded FIFO between the reading task and the run loop; the Window bounds it. */
class Channel<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  private wake?: () => void;
  private ended = false;
  private error?: { err: unknown };

  push(value: T): void {
    this.items.push(value);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(err: unknown): void {
    this.error ??= { err };
    this.notify();
  }

  /** Drops what is queued, handing each item to `drop`. */
  clear(drop: (value: T) => void): void {
    for (let i = this.head; i < this.items.length; i++) drop(this.items[i]!);
    this.items = [];
    this.head = 0;
  }

  async take(): Promise<T | undefined> {
    for (;;) {
      if (this.head < this.items.length) {
        const value = this.items[this.head]!;
        this.items[this.head++] = undefined;
        if (this.head > 1024 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
        return value;
      }
      if (this.error) throw this.error.err;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Counts what has been read and not yet taken; the reader waits while it is over the limits. */
class Window {
  private documents = 0;
  private chars = 0;
  private wake?: () => void;
  stopped = false;

  constructor(private readonly limits: AheadLimits) {}

  add(chars: number): void {
    this.documents++;
    this.chars += chars;
  }

  release(chars: number): void {
    this.documents--;
    this.chars -= chars;
    this.notify();
  }

  async room(): Promise<void> {
    while (!this.stopped && (this.documents >= this.limits.documents || this.chars >= this.limits.chars)) {
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

type Event = { readonly format: Format } | Prepared;

const weight = (p: Prepared): number => (p.cleaned ? (p.item as { text: string }).text.length : 0);

/** The items of one input, in order; taken once by the run loop. */
export class InputItems {
  private readonly channel = new Channel<Event>();
  /** Set when the run loop stopped taking this input's items: the reader stops reading it. */
  abandoned = false;
  /** Set when the input was not read because `AheadHooks.skip` said so. */
  skipped = false;

  constructor(private readonly window: Window) {}

  /** @internal the reader's side */
  push(event: Event): void {
    if (this.abandoned) {
      if ("item" in event) this.window.release(weight(event));
      return;
    }
    this.channel.push(event);
  }

  /** @internal */ end(): void { this.channel.end(); }
  /** @internal */ fail(err: unknown): void { this.channel.fail(err); }

  /**
   * The items, in input order. `onFormat` is called once the reader knows the format (as with
   * readInput). Leaving the loop early abandons the rest of the input.
   */
  async *take(onFormat: (format: Format) => void = () => undefined): AsyncGenerator<Prepared> {
    try {
      for (;;) {
        const event = await this.channel.take();
        if (event === undefined) return;
        if ("format" in event) { onFormat(event.format); continue; }
        this.window.release(weight(event));
        yield event;
      }
    } finally {
      this.abandon();
    }
  }

  /** Stops taking: what is queued is dropped, and the reader stops reading this input. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.channel.clear((event) => { if ("item" in event) this.window.release(weight(event)); });
  }
}

/**
 * Reads inputs ahead of the run loop and hands each document to the cleaner as soon as it is read, so
 * that the workers are busy while the run loop writes earlier results, across input boundaries (a
 * directory of small files is as parallel as one large JSONL file). The run loop still takes every
 * problem, document and result in input order, so the output is the same bytes for any cleaner.
 * Memory is bounded by `limits`: the reader waits when the run loop falls behind.
 */
export class ReadAhead implements AsyncIterable<Ahead> {
  private readonly top = new Channel<Ahead>();
  private readonly window: Window;
  private stopped = false;
  private finished = false;
  private reading?: Input;

  constructor(
    inputs: AsyncIterable<Input | InputProblem>,
    private readonly read: (input: Input, onFormat: (format: Format) => void) => AsyncIterable<ReadItem>,
    /** Starts cleaning a document (on a worker, or in-process); called in input order. */
    private readonly clean: (doc: SourceDocument) => Promise<CleanResult>,
    private readonly hooks: AheadHooks = {},
    limits: AheadLimits = DEFAULT_LIMITS,
  ) {
    this.window = new Window(limits);
    void this.produce(inputs);
  }

  private async produce(inputs: AsyncIterable<Input | InputProblem>): Promise<void> {
    let items: InputItems | undefined;
    try {
      for await (const next of inputs) {
        if (this.stopped) break;
        // Each input and problem counts as a document in the window too, so that a million empty or
        // skipped inputs cannot pile up ahead of a slow one.
        this.window.add(0);
        if (!("rel" in next)) { this.top.push({ problem: next }); await this.window.room(); continue; }
        items = new InputItems(this.window);
        const current = items;
        // Decided before the run loop can see the input: it must never take a skipped input for an empty one.
        if (this.hooks.skip && (await this.hooks.skip(next))) {
          current.skipped = true;
          current.end();
          items = undefined;
          this.top.push({ input: next, items: current });
          await this.window.room();
          continue;
        }
        this.top.push({ input: next, items });
        this.reading = next;
        for await (const item of this.read(next, (format) => current.push({ format }))) {
          if (this.stopped || current.abandoned) break;
          if (isProblem(item)) { current.push({ item }); continue; }
          const prepared: Prepared = { item, cleaned: this.clean(item) };
          this.window.add(weight(prepared));
          current.push(prepared);
          await this.window.room();
        }
        this.reading = undefined;
        current.end();
        items = undefined;
        if (this.stopped) break;
      }
      this.top.end();
    } catch (err) {
      // Not a problem with an input (those are items) but a bug: the run loop rethrows it in order.
      items?.fail(err);
      this.top.fail(err);
    } finally {
      this.finished = true;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Ahead> {
    for (;;) {
      const next = await this.top.take();
      if (next === undefined) return;
      this.window.release(0);
      yield next;
    }
  }

  /** Stops reading ahead (the run is over or gave up); an input being read is interrupted. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.window.stopped = true;
    this.window.notify();
    if (!this.finished && this.reading) this.hooks.interrupt?.(this.reading);
  }
}
