// Caps on what is read from a repository under review, shared by every edge that reads one
// (the file system walk, git revisions, materialized trees).

import { defaultInputLimits } from "./load/limits.js";

export interface ReadLimits {
  /** Larger files are not read at all. */
  readonly maxFileBytes: number;
  /** Files read in total; the walk stops after that. */
  readonly maxFiles: number;
  /** Bytes of manifests in total: more is refused outright (LimitError), before it is read. */
  readonly maxTotalBytes: number;
}

const MiB = 1024 * 1024;
export const defaultReadLimits: ReadLimits = { maxFileBytes: 16 * MiB, maxFiles: 20_000, maxTotalBytes: defaultInputLimits.bytes };
