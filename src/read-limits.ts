// Caps on what is read from a repository under review, shared by every edge that reads one
// (the file system walk, git revisions, materialized trees).

export interface ReadLimits {
  /** Larger files are not read at all. */
  readonly maxFileBytes: number;
  /** Files read in total; the walk stops after that. */
  readonly maxFiles: number;
}

const MiB = 1024 * 1024;
export const defaultReadLimits: ReadLimits = { maxFileBytes: 16 * MiB, maxFiles: 20_000 };
