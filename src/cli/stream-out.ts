// Writing a report of any length to stdout: in batches, waiting for 'drain' whenever the pipe is
// full (so a reader slower than the analysis never makes it buffer gigabytes), and stopping when
// the reader goes away (`netreach reach ... | head -1`): EPIPE ends the output, not the process
// with a stack trace.
import type { Writable } from "node:stream";
import { writeBatched } from "../files/write-chunks.js";

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
    writeAll(chunks) {
      let full = false;
      return writeBatched(
        chunks,
        (text) => ((full = !stream.write(text)), false),
        // A synchronous pipe reports EPIPE on a later turn: give it one before the next batch.
        () => (full ? settle() : new Promise((resolve) => setImmediate(resolve))),
        () => closed,
      );
    },
  };
}
