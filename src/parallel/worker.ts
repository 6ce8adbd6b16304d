/**
 * A worker thread of the pool (see pool.ts): cleans batches of documents and posts the results
 * back, in the order received. Nothing here touches the file system or the terminal.
 */
import { parentPort, workerData } from "node:worker_threads";
import { cleanTask, type CleanResult, type TaskOptions } from "./task.js";
import type { BatchReply, BatchRequest } from "./pool.js";

const options = (workerData as { options: TaskOptions }).options;

parentPort!.on("message", (request: BatchRequest) => {
  const results: (CleanResult | { error: string })[] = [];
  for (const text of request.texts) {
    try {
      results.push(cleanTask(text, options));
    } catch (err) {
      // A bug in the cleaner: send it back so the run fails on this document, in order, as it would in-process.
      results.push({ error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  }
  const reply: BatchReply = { id: request.id, results };
  parentPort!.postMessage(reply);
});
