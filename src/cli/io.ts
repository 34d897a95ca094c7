// Where a command writes: stdout and stderr of the process, or a test's buffers; and the bundle
// it may start worker threads on.
import type { ReadPoolOptions } from "../workers/read-pool.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Writes the pieces as they come, waiting while the reader is behind; false when it went away. */
  stream(chunks: Iterable<string>): Promise<boolean>;
  /** The running bundle, for worker threads that read large inputs (workers/read-pool.ts); none: one thread. */
  readonly workerEntry?: URL;
}

/** How a command reads large inputs: on the running bundle's workers, as many threads as --threads says. */
export function readPool(io: Io, threads: number | undefined): ReadPoolOptions {
  return { entry: io.workerEntry, ...(threads !== undefined ? { threads } : {}) };
}
