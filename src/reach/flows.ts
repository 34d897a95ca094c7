// Class-level reachability expanded to endpoint pairs, for output.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "./evaluate.js";

export interface Flow {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly conn: ConnSet;
}

/**
 * Every allowed flow between the side's pod endpoints and external classes. A declared workload's
 * traffic to itself is left out; a synthetic pod stands for many pods, so its own class is a flow.
 */
export function expandFlows(r: Reachability, pods: readonly PodEndpoint[], classOf: ReadonlyMap<string, number>): Flow[] {
  const P = r.universe.podClasses.length;
  const flows: Flow[] = [];
  const push = (src: Endpoint, dst: Endpoint, a: number, b: number) => {
    const conn = r.conn(a, b);
    if (!conn.isEmpty) flows.push({ src, dst, conn });
  };
  for (const a of pods) {
    const ca = classOf.get(a.id)!;
    for (const b of pods) {
      if (a === b && a.type === "workload") continue;
      push(a, b, ca, classOf.get(b.id)!);
    }
    r.universe.externals.forEach((e, i) => {
      push(a, e, ca, P + i);
      push(e, a, P + i, ca);
    });
  }
  return flows.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
