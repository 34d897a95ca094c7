// How much input one run takes. Past these sizes time and memory grow beyond what a CI job has,
// so such input is refused up front, with a
// message naming the limit and how to raise it, rather than crashing V8 half an hour later.
// README "Limits" documents them; `npm run bench` shows what the defaults cost.

export interface InputLimits {
  /** Bytes of manifest files read per revision (the file readers check it before reading). */
  readonly bytes: number;
  /** Workloads declared per revision. */
  readonly workloads: number;
  /** NetworkPolicies per revision. */
  readonly policies: number;
  /** Distinct kinds of pod (pod classes) in one analysis: both revisions of a diff together. */
  readonly podClasses: number;
}

const MiB = 1024 * 1024;

// Measured with `npm run bench` (README): reading takes about 12 bytes of heap per byte of YAML;
// Node's default heap is 4 GiB at most. The analysis keeps one sparse row per distinct policy
// outcome and a diff compares only the class pairs a change can touch, so classes cost far less
// than their square: the generated 100,000-workload cluster (24,000 classes, 101 MiB) diffs in
// 1.6 GiB peak. 128 MiB of manifests and 50,000 pod classes leave room beside that.
export const defaultInputLimits: InputLimits = {
  bytes: 128 * MiB,
  workloads: 150_000,
  policies: 150_000,
  podClasses: 50_000,
};

/** How a user raises each limit: the CLI flag and the Action input. */
export const LIMIT_OPTIONS: Readonly<Record<keyof InputLimits, { readonly flag: string; readonly input: string; readonly what: string }>> = {
  bytes: { flag: "--max-bytes", input: "max-bytes", what: "bytes of manifests" },
  workloads: { flag: "--max-workloads", input: "max-workloads", what: "workloads" },
  policies: { flag: "--max-policies", input: "max-policies", what: "NetworkPolicies" },
  podClasses: { flag: "--max-pod-classes", input: "max-pod-classes", what: "distinct pod classes" },
};

/** Input over a limit: the run stops before the work that would not fit. */
export class LimitError extends Error {
  override name = "LimitError";
  constructor(
    readonly limit: keyof InputLimits,
    readonly actual: number,
    readonly max: number,
    where: string,
    /** The count stopped at `actual`: there are at least that many. */
    atLeast = false,
  ) {
    const o = LIMIT_OPTIONS[limit];
    const n = (x: number) => (limit === "bytes" ? formatBytes(x) : x.toLocaleString("en-US"));
    super(
      `input too large: ${atLeast ? "at least " : ""}${n(actual)} ${limit === "bytes" ? "of manifests" : o.what}${where ? ` ${where}` : ""}, over the limit of ${n(max)}; ` +
        `raise it with ${o.flag} (Action input ${o.input}) if the machine has the time and memory for it`,
    );
  }
}

/** Throws LimitError when `actual` is over the limit. */
export function checkLimit(limits: InputLimits, limit: keyof InputLimits, actual: number, where: string): void {
  if (actual > limits[limit]) throw new LimitError(limit, actual, limits[limit], where);
}

/** A limit as the user wrote it: a positive integer; bytes also with a unit (`512MiB`, `1GiB`). */
export function parseLimit(limit: keyof InputLimits, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const m = /^\s*(\d+)\s*(KiB|MiB|GiB|K|M|G)?\s*$/i.exec(text);
  const unit = m?.[2]?.toUpperCase()[0];
  const value = m ? Number(m[1]) * (unit === "K" ? 1024 : unit === "M" ? MiB : unit === "G" ? 1024 * MiB : 1) : NaN;
  if (!m || (unit !== undefined && limit !== "bytes") || !Number.isSafeInteger(value) || value < 1) {
    const o = LIMIT_OPTIONS[limit];
    return { ok: false, error: `${o.flag} (input ${o.input}) must be a positive whole number${limit === "bytes" ? " of bytes, or with KiB, MiB or GiB" : ""}, not "${text}"` };
  }
  return { ok: true, value };
}

function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Number.isInteger(bytes / MiB) ? bytes / MiB : (bytes / MiB).toFixed(1)} MiB`;
  return `${bytes.toLocaleString("en-US")} bytes`;
}
