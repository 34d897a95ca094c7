// Writing a report of any length to stdout: in batches, waiting for 'drain' whenever the pipe is
// full (so a reader slower than the analysis never makes it buffer gigabytes), and stopping when
// the reader goes away (`netreach reach ... | head -1`): EPIPE ends the output, not the process
// with a stack trace.
import type { Writable } from "node:stream";

/** About this many characters per write: few syscalls, little held. */
const BATCH = 1 << 16;

export interface Sink {
  /** Writes every chunk, in order; false when the reader went away first (the rest was dropped). */
  writeAll(chunks: Iterable<string>): Promise<boolean>;
  /** One piece, without waiting (short output). */
  write(text: string): void;
}

export function streamSink(stream: Writable): Sink {
  let closed = false;
  // Without a listener an EPIPE is an uncaught exception; with it, the output just stops.
  stream.on("error", (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") process.stderr.write(`netreach: cannot write the output: ${e.message}\n`);
  });
  stream.on("close", () => (closed = true));
  const settle = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off("drain", done);
        stream.off("close", done);
        stream.off("error", done);
        resolve();
      };
      stream.on("drain", done);
      stream.on("close", done);
      stream.on("error", done);
    });
  return {
    write(text) {
      if (!closed) stream.write(text);
    },
    async writeAll(chunks) {
      // Concatenated, not joined from an array: V8 keeps the pieces as a rope until the write.
      let batch = "";
      const flush = async () => {
        const full = !stream.write(batch);
        batch = "";
        if (full) await settle();
        // A synchronous pipe reports EPIPE on a later turn: give it one before the next batch.
        else await new Promise((resolve) => setImmediate(resolve));
      };
      for (const c of chunks) {
        if (closed) return false;
        batch += c;
        if (batch.length >= BATCH) await flush();
      }
      if (closed) return false;
      if (batch.length > 0) await flush();
      return !closed;
    },
  };
}
