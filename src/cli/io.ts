// Where a command writes: stdout and stderr of the process, or a test's buffers; and the bundle
// it may start worker threads on.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Writes the pieces as they come, waiting while the reader is behind; false when it went away. */
  stream(chunks: Iterable<string>): Promise<boolean>;
  /** The running bundle, for worker threads that read large inputs (workers/read-pool.ts); none: one thread. */
  readonly workerEntry?: URL;
}
