// The worker side of read-pool.ts: a worker thread started on the bundle itself reads the YAML
// texts it was given, in order, and posts each file's documents back as JSON as soon as it is
// read (load/yaml/read-ahead.ts), bumping a shared counter so that a waiting main thread wakes.
import { isMainThread, workerData, type MessagePort } from "node:worker_threads";
import { readAheadJson } from "../load/yaml/read-ahead.js";

/** What the pool gives a worker: the texts to read, where to post, and the progress counter. */
export interface ReadJob {
  readonly netreachRead: readonly string[];
  readonly port: MessagePort;
  /** [0]: files posted; [1]: 1 once every file is. */
  readonly progress: Int32Array;
}

/** One file's answer: its index in the job and its documents' JSON, or null (the main thread reads it). */
export type ReadAnswer = readonly [index: number, json: string | null];

function isReadJob(data: unknown): data is ReadJob {
  return typeof data === "object" && data !== null && Array.isArray((data as { netreachRead?: unknown }).netreachRead);
}

/**
 * Does this thread's job when it is a read worker, and says so: the entry points (cli/main.ts,
 * action/main.ts) then do nothing else, since a worker runs the whole bundle's top level.
 */
export function runReadWorker(): boolean {
  if (isMainThread || !isReadJob(workerData)) return false;
  const { netreachRead: texts, port, progress } = workerData;
  texts.forEach((text, i) => {
    let json: string | null;
    try {
      json = readAheadJson(text);
    } catch {
      json = null; // the main thread reads it, and says what is wrong with it
    }
    const answer: ReadAnswer = [i, json];
    port.postMessage(answer);
    Atomics.add(progress, 0, 1);
    Atomics.notify(progress, 0);
  });
  Atomics.store(progress, 1, 1);
  Atomics.add(progress, 0, 1);
  Atomics.notify(progress, 0);
  port.close();
  return true;
}
