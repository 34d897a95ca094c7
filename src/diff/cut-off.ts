// Workloads the pull request leaves with no ingress or no egress at all: each had some traffic in
// that direction at the base and its policies now allow none. Often the point of a lockdown, but
// a reviewer should say so, not find out from a table of closed pairs.
import type { Change } from "./change.js";
import type { Endpoint } from "../model/endpoint.js";
import type { Reachability } from "../reach/evaluate.js";
import type { Row } from "../reach/row.js";

export interface CutOff {
  /** A declared workload present at both revisions, by endpoint id. */
  readonly workload: string;
  readonly direction: "ingress" | "egress";
  /** The policies that isolate it in that direction at the head ("namespace/name"). */
  readonly policies: readonly string[];
}

const isEmptyRow = (r: Row) => r.fallback.isEmpty && r.conns.every((c) => c.isEmpty);

export function cutOff(
  changes: readonly Change[],
  endpoints: readonly Endpoint[],
  base: { r: Reachability; classOf: ReadonlyMap<string, number> },
  head: { r: Reachability; classOf: ReadonlyMap<string, number> },
): CutOff[] {
  // Only a workload some closed pair names can have lost a whole direction: rows are asked of those alone.
  const candidates = { ingress: new Set<string>(), egress: new Set<string>() };
  for (const c of changes) {
    if (c.closed.isEmpty) continue;
    candidates.ingress.add(c.dst.id);
    candidates.egress.add(c.src.id);
  }
  const out: CutOff[] = [];
  const memo = new Map<string, readonly string[] | null>();
  for (const e of endpoints) {
    if (e.type !== "workload") continue;
    const b = base.classOf.get(e.id);
    const h = head.classOf.get(e.id);
    if (b === undefined || h === undefined) continue;
    for (const direction of ["ingress", "egress"] as const) {
      if (!candidates[direction].has(e.id)) continue;
      const key = `${b}|${h}|${direction}`;
      let policies = memo.get(key);
      if (policies === undefined) {
        const isolating = head.r.isolating(h, direction);
        policies = isolating.length > 0 && isEmptyRow(head.r.row(h, direction)) && !isEmptyRow(base.r.row(b, direction)) ? isolating.map((p) => p.id) : null;
        memo.set(key, policies);
      }
      if (policies !== null) out.push({ workload: e.id, direction, policies });
    }
  }
  return out;
}
