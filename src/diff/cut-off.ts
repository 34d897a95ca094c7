// Workloads the pull request leaves with no ingress or no egress at all: each had some traffic in
// that direction at the base and its policies now allow none. Often the point of a lockdown, but
// a reviewer should say so, not find out from a table of closed pairs.
import type { Change, Reason } from "./change.js";
import { reasonKey } from "./reason.js";
import type { Endpoint } from "../model/endpoint.js";
import type { Reachability } from "../reach/evaluate.js";
import type { Row } from "../reach/row.js";

export interface CutOff {
  /** A declared workload present at both revisions, by endpoint id. */
  readonly workload: string;
  readonly direction: "ingress" | "egress";
  /**
   * The policies that isolate it in that direction at the head ("namespace/name"), and the
   * admin-tier policies whose rules deny it ("AdminNetworkPolicy/name").
   */
  readonly policies: readonly string[];
  /**
   * The admin-tier rules (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy)
   * that now deny its traffic in that direction, at their lines: a lockdown no NetworkPolicy
   * makes. Absent when none does.
   */
  readonly denies?: readonly Reason[];
}

/**
 * Nothing to or from any of the `size` nodes. A row the admin tiers fold lists every node and
 * keeps an open fallback for nodes that do not exist: that fallback says nothing.
 */
const isEmptyRow = (r: Row, size: number) => (r.fallback.isEmpty || r.nodes.length >= size) && r.conns.every((c) => c.isEmpty);

export function cutOff(
  changes: readonly Change[],
  endpoints: readonly Endpoint[],
  base: { r: Reachability; classOf: ReadonlyMap<string, number> },
  head: { r: Reachability; classOf: ReadonlyMap<string, number> },
): CutOff[] {
  // Only a workload some closed pair names can have lost a whole direction: rows are asked of those alone.
  const candidates = { ingress: new Set<string>(), egress: new Set<string>() };
  // The admin-tier rules that deny a candidate's closed pairs, by direction and workload.
  const denied = { ingress: new Map<string, Map<string, Reason>>(), egress: new Map<string, Map<string, Reason>>() };
  for (const c of changes) {
    if (c.closed.isEmpty) continue;
    candidates.ingress.add(c.dst.id);
    candidates.egress.add(c.src.id);
    for (const r of c.why) {
      if (r.side !== "head" || r.effect !== "denies" || r.admin === undefined) continue;
      const id = r.direction === "ingress" ? c.dst.id : c.src.id;
      const m = denied[r.direction].get(id) ?? new Map<string, Reason>();
      m.set(reasonKey(r), r);
      denied[r.direction].set(id, m);
    }
  }
  const out: CutOff[] = [];
  // Whether the class pair lost the whole direction: rows are dear, asked once per pair.
  const memo = new Map<string, boolean>();
  for (const e of endpoints) {
    if (e.type !== "workload" || !(candidates.ingress.has(e.id) || candidates.egress.has(e.id))) continue;
    const b = base.classOf.get(e.id);
    const h = head.classOf.get(e.id);
    if (b === undefined || h === undefined) continue;
    for (const direction of ["ingress", "egress"] as const) {
      if (!candidates[direction].has(e.id)) continue;
      // Only a NetworkPolicy isolating it, or an admin-tier rule denying it, can empty its row.
      const isolating = head.r.isolating(h, direction);
      const denies = [...(denied[direction].get(e.id)?.values() ?? [])];
      if (isolating.length === 0 && denies.length === 0) continue;
      const key = `${b}|${h}|${direction}`;
      let lost = memo.get(key);
      if (lost === undefined) {
        lost = isEmptyRow(head.r.row(h, direction), head.r.size) && !isEmptyRow(base.r.row(b, direction), base.r.size);
        memo.set(key, lost);
      }
      if (!lost) continue;
      const admins = [...new Set(denies.map((r) => r.policy))];
      out.push({ workload: e.id, direction, policies: [...isolating.map((p) => p.id), ...admins], ...(denies.length > 0 ? { denies } : {}) });
    }
  }
  return out;
}
