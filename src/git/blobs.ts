// Reads blob contents from git objects with `git cat-file --batch`: object ids in, one
// `<oid> <type> <size>\n<content>\n` frame (or `<oid> missing\n`) out per id, in order.
import { git } from "./run.js";

/** A blob to read and its size (from `git ls-tree -l`), so the output can be sized in advance. */
export interface BlobRequest {
  readonly oid: string;
  readonly size: number;
}

/** Output of one git process is capped at this; more is split over several processes. */
const MAX_BATCH_BYTES = 256 * 1024 * 1024;

/**
 * Contents by object id; an id git does not have (or that is not a blob) is absent from the map.
 * Usually one `git cat-file` process; more only when the total exceeds 256 MiB.
 */
export function readBlobs(repoDir: string, requests: readonly BlobRequest[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  const unique = [...new Map(requests.map((r) => [r.oid, r])).values()];
  let batch: BlobRequest[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length > 0) readBatch(repoDir, batch, batchBytes, contents);
    batch = [];
    batchBytes = 0;
  };
  for (const r of unique) {
    const frame = frameBytes(r);
    if (batch.length > 0 && batchBytes + frame > MAX_BATCH_BYTES) flush();
    batch.push(r);
    batchBytes += frame;
  }
  flush();
  return contents;
}

// "<oid> blob <size>\n" + content + "\n"
function frameBytes(r: BlobRequest): number {
  return r.oid.length + " blob ".length + String(r.size).length + 1 + r.size + 1;
}

function readBatch(repoDir: string, batch: readonly BlobRequest[], expectedBytes: number, into: Map<string, Buffer>): void {
  const out = git(repoDir, ["cat-file", "--batch", "--buffer"], {
    encoding: "buffer",
    input: batch.map((r) => `${r.oid}\n`).join(""),
    // A "missing" line is shorter than a frame, so the exact total plus a margin always suffices.
    maxBuffer: expectedBytes + 64 * 1024,
  });
  let pos = 0;
  for (const r of batch) {
    const start = pos;
    const eol = out.indexOf(0x0a, pos);
    if (eol < 0) throw unexpected(out, start);
    const header = out.toString("latin1", pos, eol).split(" ");
    if (header[0] !== r.oid) throw unexpected(out, start);
    pos = eol + 1;
    if (header.length === 2 && (header[1] === "missing" || header[1] === "ambiguous")) continue;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isSafeInteger(size) || out[pos + size] !== 0x0a) throw unexpected(out, start);
    if (header[1] === "blob") into.set(r.oid, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  if (pos !== out.length) throw unexpected(out, pos);
}

function unexpected(out: Buffer, pos: number): Error {
  return new Error(`unexpected \`git cat-file --batch\` output at byte ${pos}: ${JSON.stringify(out.toString("latin1", pos, pos + 80))}`);
}
