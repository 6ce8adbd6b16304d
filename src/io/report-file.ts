import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { atomicFileSink, writeError } from "./write.js";

/**
 * The JSON report, written so that memory does not grow with the number of documents: per-document
 * rows go to a scratch file as they come, and on close the report is put together (summary first,
 * then the rows) under a temporary name and renamed into place.
 */
export class ReportFile {
  private readonly scratch: string;
  private readonly rows;
  private count = 0;

  constructor(private readonly path: string) {
    this.scratch = join(dirname(path), `.${basename(path)}.rows-${process.pid}.tmp`);
    this.rows = createWriteStream(this.scratch);
  }

  static async open(path: string): Promise<ReportFile> {
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = new ReportFile(path);
      await Promise.race([once(file.rows, "open"), once(file.rows, "error").then(([e]) => { throw e; })]);
      return file;
    } catch (err) {
      throw writeError(err, path);
    }
  }

  async addRow(row: unknown): Promise<void> {
    const text = (this.count++ ? ",\n    " : "\n    ") + JSON.stringify(row);
    try {
      if (!this.rows.write(text)) await once(this.rows, "drain");
    } catch (err) {
      throw writeError(err, this.path);
    }
  }

  /** Writes `summary` with a `documents` array of every row added, then removes the scratch file. */
  async close(summary: object): Promise<void> {
    this.rows.end();
    await once(this.rows, "close");
    const head = JSON.stringify(summary, null, 2);
    const sink = await atomicFileSink(this.path, false);
    try {
      await sink.write(head.slice(0, -2) + ',\n  "documents": [');
      for await (const chunk of createReadStream(this.scratch, { encoding: "utf8" })) await sink.write(chunk as string);
      await sink.write(this.count ? "\n  ]\n}\n" : "]\n}\n");
      await sink.close();
    } catch (err) {
      await sink.abort();
      throw err;
    } finally {
      await unlink(this.scratch).catch(() => undefined);
    }
  }

  async abort(): Promise<void> {
    this.rows.destroy();
    await unlink(this.scratch).catch(() => undefined);
  }
}
