// Options common to kustomize and helm builds.

export interface BuildOptions {
  /** Where to look for the tools; also the tools' PATH. Default: this process's PATH. */
  readonly searchPath?: string;
  /** The tool's process group is killed after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** Largest rendered output accepted. Default 256 MiB. */
  readonly maxOutputBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export function resolvedOptions(o: BuildOptions): Required<BuildOptions> {
  return {
    searchPath: o.searchPath ?? process.env.PATH ?? "",
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: o.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  };
}
