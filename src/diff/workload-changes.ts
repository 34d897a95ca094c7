// Workloads the pull request adds or removes, each with what it can do on the side where it
// exists. An added workload that nothing can reach and that reaches nothing changes no flow, so
// without this it would appear nowhere; yet "isolated — no ingress, no egress, no DNS" is exactly
// what its reviewer must see.
import type { Endpoint, PodEndpoint, WorkloadEndpoint } from "../model/endpoint.js";
import { middles } from "../model/revision-lists.js";
import { countAddresses } from "../net/ip.js";
import type { Change } from "./change.js";
import { DNS, isNameServer, servesDns } from "./name-servers.js";

/** none: nothing gets through; all: every endpoint, all connections; some: anything between. */
export type Openness = "none" | "some" | "all";

export interface WorkloadChange {
  readonly change: "added" | "removed";
  readonly workload: WorkloadEndpoint;
  /** On the side where it exists (head for added, base for removed). */
  readonly ingress: Openness;
  readonly egress: Openness;
  /** Whether it can reach a name server on port 53 there. */
  readonly dns: boolean;
}

/**
 * `universe`: every endpoint of either side; `baseIds`/`headIds`: the pod endpoints of each side.
 * A workload's flows on its own side are exactly the changes that name it (nothing on the other).
 */
export function workloadChanges(
  changes: readonly Change[],
  universe: readonly Endpoint[],
  pods: { readonly base: readonly PodEndpoint[]; readonly head: readonly PodEndpoint[] },
  serves: (e: Endpoint) => boolean = servesDns,
): WorkloadChange[] {
  // A pod each revision holds in the same place (the same object) was neither added nor removed.
  const moved = middles(pods.base, pods.head, (x, y) => x.pod === y.pod);
  if (moved.a.length === 0 && moved.b.length === 0) return [];
  const baseIds = new Set(pods.base.map((p) => p.id));
  const headIds = new Set(pods.head.map((p) => p.id));
  const anyServer = universe.some(serves);
  const allAddresses = countAddresses(universe.flatMap((e) => (e.type === "external" ? e.ranges : [])));
  const out: WorkloadChange[] = [];
  for (const w of universe) {
    if (w.type !== "workload") continue;
    const change = !baseIds.has(w.id) && headIds.has(w.id) ? "added" : baseIds.has(w.id) && !headIds.has(w.id) ? "removed" : null;
    if (!change) continue;
    const sideIds = change === "added" ? headIds : baseIds;
    const conn = (c: Change) => (change === "added" ? c.head : c.base);
    const inbound = changes.filter((c) => c.dst.id === w.id && c.src.id !== w.id && !conn(c).isEmpty);
    const outbound = changes.filter((c) => c.src.id === w.id && c.dst.id !== w.id && !conn(c).isEmpty);
    // "all": all connections with every other pod of its side and every external address.
    const openness = (list: readonly Change[], peer: (c: Change) => Endpoint): Openness => {
      if (list.length === 0) return "none";
      const full = list.filter((c) => conn(c).isAll).map(peer);
      const pods = new Set(full.filter((e) => e.type !== "external").map((e) => e.id));
      const addresses = countAddresses(full.flatMap((e) => (e.type === "external" ? e.ranges : [])));
      return pods.size === sideIds.size - 1 && addresses === allAddresses ? "all" : "some";
    };
    const dns = outbound.some((c) => !conn(c).intersect(DNS).isEmpty && isNameServer(c.dst, anyServer, serves));
    out.push({ change, workload: w, ingress: openness(inbound, (c) => c.src), egress: openness(outbound, (c) => c.dst), dns });
  }
  return out;
}
