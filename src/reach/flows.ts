// Class-level reachability expanded to endpoint pairs, for output. Generated, never collected:
// a cluster of 10,000 workloads has 10^8 pairs, which no array of objects holds.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "./evaluate.js";

export interface Flow {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly conn: ConnSet;
}

/**
 * Every allowed flow between the side's pod endpoints and external classes, sorted by source id
 * then destination id. A declared workload's traffic to itself is left out; a synthetic pod
 * stands for many pods, so its own class is a flow. Re-iterable: each iteration generates the
 * pairs anew from the rows, holding only the endpoints sorted once.
 */
export function expandFlows(r: Reachability, pods: readonly PodEndpoint[], classOf: ReadonlyMap<string, number>): Iterable<Flow> {
  const P = r.universe.podClasses.length;
  // Pods and externals in one list: the order of ids is the order of the output.
  const nodes = [
    ...pods.map((e) => ({ e, node: classOf.get(e.id)! })),
    ...r.universe.externals.map((e, i) => ({ e: e as Endpoint, node: P + i })),
  ].sort((x, y) => cmp(x.e.id, y.e.id));
  return {
    *[Symbol.iterator]() {
      // Sources of one class are often adjacent (sorted ids of one namespace and app): their
      // connections are looked up once per destination node.
      let memoFor = -1;
      let memo: (ConnSet | undefined)[] = [];
      for (const a of nodes) {
        if (a.node !== memoFor) {
          memoFor = a.node;
          memo = new Array<ConnSet | undefined>(r.size);
        }
        const fromExternal = a.node >= P;
        for (const b of nodes) {
          if (fromExternal && b.node >= P) continue;
          if (a.e === b.e && a.e.type === "workload") continue;
          let conn = memo[b.node];
          if (conn === undefined) memo[b.node] = conn = r.conn(a.node, b.node);
          if (!conn.isEmpty) yield { src: a.e, dst: b.e, conn };
        }
      }
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
