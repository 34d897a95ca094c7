// Writing reports that may be hundreds of megabytes (the JSON of a million changes): small pieces
// joined into batches of about 1 MiB, and after a batch the stream did not take in at once
// (write() returned false) nothing more until it drains. Memory holds a batch, not the report.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

const BATCH_CHARS = 1 << 20;

/**
 * Hands `chunks` to `write` in batches, awaiting `drain` whenever write returns false; stops
 * (false) as soon as `stopped` says the reader went away.
 */
export async function writeBatched(
  chunks: Iterable<string>,
  write: (text: string) => boolean | void,
  drain: () => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<boolean> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = batch.join("");
    batch = [];
    size = 0;
    if (write(text) === false) await drain();
  };
  for (const c of chunks) {
    if (stopped()) return false;
    batch.push(c);
    size += c.length;
    if (size >= BATCH_CHARS) await flush();
  }
  if (stopped()) return false;
  if (batch.length > 0) await flush();
  return !stopped();
}

/** Writes `chunks` to a file, replacing it; rejects on the first error (the directory is missing, the disk is full). */
export async function writeFileChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  try {
    await writeBatched(chunks, (t) => stream.write(t), async () => void (await once(stream, "drain")));
  } catch (e) {
    stream.destroy();
    throw e;
  }
  stream.end();
  await finished(stream);
}
