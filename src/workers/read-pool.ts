// Reading large inputs on every core. The core reads files in order (the base revision's, then
// the head's); the distinct YAML texts are split in that order: the main thread's share comes
// first, and the core reads it as always, building models as it goes, while worker threads
// started on the bundle itself read the later shares and send each file's documents back as JSON
// (load/yaml/read-ahead.ts) as soon as it is read. By the time the core comes to a worker's file,
// its documents are usually there: the core takes them (SourceFile.documents) and turns the JSON
// into values about three times faster than it reads YAML. Small inputs are read where they are
// (see THREADED_READ_MIN_BYTES).
//
// The hand-over is synchronous, so the core stays as it is: it drains the worker's port and, when
// the file it needs is not read yet, waits on a shared counter the worker bumps after each file.
// Nothing here decides anything the core would not: a file a worker could not read, or a worker
// that failed or made no progress for a while, is simply read by the core, as without workers.
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { ReadDocument, SourceFile } from "../load/object/source.js";
import { fromReadAheadJson, looksLikeJson } from "../load/yaml/read-ahead.js";
import type { ReadAnswer, ReadJob } from "./read-worker.js";

/**
 * Below this many bytes of distinct text, one thread reads everything. On two cores a worker
 * pays only for large inputs: it takes a core from V8's parallel garbage collector, and the
 * 10,000-workload bench (10 MiB) read no faster with one (100,000 workloads, 101 MiB: 0 to 10%
 * faster, `npm run bench`). NETREACH_THREADED_READ_MIN_BYTES lowers it for tests.
 */
export const THREADED_READ_MIN_BYTES = 32 * 2 ** 20;
/** Each worker gets at least this much to read, or it does not pay for its start. */
const BYTES_PER_WORKER = 2 * 2 ** 20;
/** More workers than this add little: the main thread still builds the model alone. */
const MAX_WORKERS = 7;
/**
 * The main thread's share of the bytes. It reads its share while the workers start, then takes
 * their documents as JSON, which with modelling costs it about what reading YAML costs a worker:
 * the workers stay ahead, and every byte the main thread reads as YAML is time the workers
 * could have saved it. On the 100,000-workload bench it never waited for a worker with a tenth
 * (reading 9% faster than with an equal share); with none, it waited for the workers' start.
 */
const MAIN_SHARE = 0.1;
/** A worker that reads no file for this long is taken for failed: the core reads the rest of its share. */
const STALL_MS = 5000;

export interface ReadPoolOptions {
  /** The bundle to start workers on (its entry runs read-worker.ts); undefined: no workers. */
  readonly entry: URL | undefined;
  /** Threads to read on, this one included: --threads; default: every core. */
  readonly threads?: number;
  /** THREADED_READ_MIN_BYTES unless a test says otherwise. */
  readonly minBytes?: number;
  /** STALL_MS unless a test says otherwise. */
  readonly stallMs?: number;
}

/**
 * The revisions' files, the same and in the same order; those in a worker's share carry a
 * hand-over of their documents. Workers are started here and end by themselves once their share
 * is read, whether or not the core asked for it.
 */
export function readInThreads(revisions: readonly (readonly SourceFile[])[], options: ReadPoolOptions): SourceFile[][] {
  const as = () => revisions.map((r) => [...r]);
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  if (options.entry === undefined || threads < 2) return as();
  // Distinct texts in the order the core reads them; rendered files and JSON (read natively) are left to the core.
  const texts = new Set<string>();
  for (const files of revisions) for (const f of files) if (f.lines === undefined && f.documents === undefined && !looksLikeJson(f.text)) texts.add(f.text);
  let total = 0;
  for (const t of texts) total += t.length;
  if (total < (options.minBytes ?? envMinBytes() ?? THREADED_READ_MIN_BYTES)) return as();
  const workers = Math.min(threads - 1, MAX_WORKERS, Math.max(1, Math.floor(total / BYTES_PER_WORKER) - 1));
  const shares = split([...texts], Math.min(MAIN_SHARE, 1 / (workers + 1)), workers).slice(1);
  const handOvers = new Map<string, () => ReadDocument[] | undefined>();
  for (const share of shares) {
    const pending = startWorker(options.entry, share, options.stallMs ?? STALL_MS);
    if (pending === undefined) continue; // the core reads this share
    share.forEach((text, i) => {
      let taken = false;
      handOvers.set(text, () => {
        // Once: the documents must not be held past the core's reading of them.
        if (taken) return undefined;
        taken = true;
        const json = pending.answer(i);
        return json === undefined ? undefined : fromReadAheadJson(json);
      });
    });
  }
  if (handOvers.size === 0) return as();
  return revisions.map((files) =>
    files.map((f) => {
      const documents = f.lines === undefined ? handOvers.get(f.text) : undefined;
      return documents === undefined ? f : { ...f, documents };
    }),
  );
}

function envMinBytes(): number | undefined {
  const v = process.env["NETREACH_THREADED_READ_MIN_BYTES"];
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

/**
 * The texts in runs of consecutive texts: the first of about `first` of the bytes, then `n` more
 * of about equal bytes.
 */
function split(texts: readonly string[], first: number, n: number): string[][] {
  let total = 0;
  for (const t of texts) total += t.length;
  const ends = Array.from({ length: n + 1 }, (_, i) => total * (first + ((1 - first) * i) / n));
  const shares: string[][] = [[]];
  let filled = 0;
  for (const t of texts) {
    if (shares.length <= n && filled >= ends[shares.length - 1]!) shares.push([]);
    shares[shares.length - 1]!.push(t);
    filled += t.length;
  }
  return shares;
}

interface PendingShare {
  /** The JSON of text `i` of the share once read; undefined when the worker could not read it or failed. */
  answer(i: number): string | undefined;
}

/** A worker reading `texts`, or undefined when none could be started. */
function startWorker(entry: URL, texts: readonly string[], stallMs: number): PendingShare | undefined {
  // The worker bumps progress[0] after each file it posts and sets progress[1] when it is done.
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const job: ReadJob = { netreachRead: texts, port: port2, progress };
    // No stdin, and the worker's own output (there should be none) does not reach ours.
    worker = new Worker(entry, { workerData: job, transferList: [port2], stdin: false, stdout: true, stderr: true });
  } catch {
    port1.close();
    return undefined;
  }
  // A worker that fails says nothing the core would not: its share is read by the core.
  worker.on("error", () => undefined);
  worker.unref();
  const answers = new Map<number, string | null>();
  let gaveUp = false;
  // Messages are taken up to the one asked for: those after it wait in the channel, outside the
  // collected heap. Taken early, the workers' documents (they run ahead) sat in the young
  // generation, copied by every scavenge until promoted, and then died in the old one.
  const drain = (port: MessagePort, upTo?: number) => {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const a = m.message as ReadAnswer;
      if (Array.isArray(a) && typeof a[0] === "number") {
        answers.set(a[0], typeof a[1] === "string" ? a[1] : null);
        if (a[0] === upTo) return;
      }
    }
  };
  return {
    answer(i) {
      for (;;) {
        if (!answers.has(i)) drain(port1, i);
        if (answers.has(i)) {
          const json = answers.get(i);
          answers.delete(i);
          return json ?? undefined;
        }
        if (gaveUp || Atomics.load(progress, 1) === 1) {
          // Done without this file (it could not be sent), or given up on: the core reads it.
          drain(port1);
          const json = answers.get(i);
          answers.delete(i);
          return json ?? undefined;
        }
        const seen = Atomics.load(progress, 0);
        if (Atomics.wait(progress, 0, seen, stallMs) === "timed-out" && Atomics.load(progress, 0) === seen && Atomics.load(progress, 1) !== 1) {
          gaveUp = true;
          void worker.terminate();
        }
      }
    },
  };
}
