// The worker side of read-pool.ts: a worker thread started on the bundle itself reads the YAML
// texts it was given and posts each file's documents back as JSON (load/yaml/read-ahead.ts).
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { readAheadJson } from "../load/yaml/read-ahead.js";

/** What the pool gives a worker: the texts to read. */
export interface ReadJob {
  readonly netreachRead: readonly string[];
}

export function isReadJob(data: unknown): data is ReadJob {
  return typeof data === "object" && data !== null && Array.isArray((data as { netreachRead?: unknown }).netreachRead);
}

/**
 * Does this thread's job when it is a read worker, and says so: the entry points (cli/main.ts,
 * action/main.ts) then do nothing else, since a worker runs the whole bundle's top level.
 */
export function runReadWorker(): boolean {
  if (isMainThread || !isReadJob(workerData)) return false;
  const out: (string | null)[] = workerData.netreachRead.map((text) => {
    try {
      return readAheadJson(text);
    } catch {
      return null; // the main thread reads it, and says what is wrong with it
    }
  });
  parentPort?.postMessage(out);
  return true;
}
