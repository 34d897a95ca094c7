// Reading large inputs on every core: before the core loads them, the distinct YAML texts of the
// revisions are split between this thread and worker threads, and each file is handed to the core
// with its documents read (SourceFile.documents). Small inputs are read where they are: a worker
// costs tens of milliseconds to start, about what 1 MB of YAML takes to read.
//
// Nothing here decides anything the core would not: a file a worker could not read (or a worker
// that failed) is simply read by the core, as it would have been without workers.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ReadDocument, SourceFile } from "../load/object/source.js";
import { fromReadAheadJson, readAhead } from "../load/yaml/read-ahead.js";
import type { ReadJob } from "./read-worker.js";

/** Below this many bytes of distinct text, one thread reads everything. */
export const THREADED_READ_MIN_BYTES = 2 * 2 ** 20;
/** Each worker gets at least this much to read, or it does not pay for its start. */
const BYTES_PER_WORKER = 2 ** 20;
/** More workers than this add little: the main thread still builds the model alone. */
const MAX_WORKERS = 7;

export interface ReadPoolOptions {
  /** The bundle to start workers on (its entry runs read-worker.ts); undefined: no workers. */
  readonly entry: URL | undefined;
  /** Threads to read on, this one included: --threads; default: every core. */
  readonly threads?: number;
  /** THREADED_READ_MIN_BYTES unless a test says otherwise. */
  readonly minBytes?: number;
}

/** The revisions' files, the same and in the same order, those read ahead carrying their documents. */
export async function readInThreads(revisions: readonly (readonly SourceFile[])[], options: ReadPoolOptions): Promise<SourceFile[][]> {
  const as = () => revisions.map((r) => [...r]);
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  if (options.entry === undefined || threads < 2) return as();
  // Distinct texts, each read once for every file that holds it; rendered files are left to the core.
  const texts = new Map<string, number>();
  for (const files of revisions) for (const f of files) if (f.lines === undefined && f.documents === undefined) texts.set(f.text, f.text.length);
  let total = 0;
  for (const n of texts.values()) total += n;
  if (total < (options.minBytes ?? THREADED_READ_MIN_BYTES)) return as();
  const workers = Math.min(threads - 1, MAX_WORKERS, Math.max(1, Math.floor(total / BYTES_PER_WORKER) - 1));
  const shares = split([...texts.keys()], workers + 1);
  const [mine, ...theirs] = shares as [string[], ...string[][]];
  const sent = theirs.map((share) => readInWorker(options.entry!, share));
  const read = new Map<string, ReadDocument[]>();
  // This thread reads its share while the workers read theirs.
  for (const text of mine) {
    const docs = readAhead(text);
    if (docs !== undefined) read.set(text, docs);
  }
  for (const [i, pending] of sent.entries()) {
    const answers = await pending;
    if (answers === undefined) continue; // the core reads this share
    for (const [j, text] of theirs[i]!.entries()) {
      const json = answers[j];
      if (typeof json === "string") read.set(text, fromReadAheadJson(json));
    }
  }
  // One hand-over per distinct text: the core reads a text found in both revisions once (a file
  // at the same path with the same text), and the documents must not outlive that reading.
  const handOvers = new Map<string, () => ReadDocument[] | undefined>();
  for (const [text, docs] of read) {
    let held: ReadDocument[] | undefined = docs;
    handOvers.set(text, () => {
      const d = held;
      held = undefined;
      return d;
    });
  }
  read.clear();
  return revisions.map((files) =>
    files.map((f) => {
      const documents = f.lines === undefined ? handOvers.get(f.text) : undefined;
      return documents === undefined ? f : { ...f, documents };
    }),
  );
}

/** Texts in `n` shares of about equal bytes, largest first into the lightest share. */
function split(texts: readonly string[], n: number): string[][] {
  const shares = Array.from({ length: n }, () => ({ bytes: 0, texts: [] as string[] }));
  for (const t of [...texts].sort((a, b) => b.length - a.length)) {
    let lightest = shares[0]!;
    for (const s of shares) if (s.bytes < lightest.bytes) lightest = s;
    lightest.texts.push(t);
    lightest.bytes += t.length;
  }
  return shares.map((s) => s.texts);
}

/** A worker's answers, or undefined when it failed in any way (its share is then read here). */
function readInWorker(entry: URL, texts: readonly string[]): Promise<readonly (string | null)[] | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const job: ReadJob = { netreachRead: texts };
      // No stdin, and the worker's own output (there should be none) does not reach ours.
      worker = new Worker(entry, { workerData: job, stdin: false, stdout: true, stderr: true });
    } catch {
      resolve(undefined);
      return;
    }
    let answered = false;
    worker.once("message", (m: unknown) => {
      answered = true;
      resolve(Array.isArray(m) && m.length === texts.length ? (m as (string | null)[]) : undefined);
      void worker.terminate();
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => {
      if (!answered) resolve(undefined);
    });
  });
}
