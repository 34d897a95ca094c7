// Class-level reachability expanded to endpoint pairs, for output. Generated, never collected:
// a cluster of 10,000 workloads has 10^8 pairs, which no array of objects holds.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "./evaluate.js";
import { l7Part, type L7Part } from "./l7.js";
import type { Row } from "./row.js";

export interface Flow {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly conn: ConnSet;
  /** Cilium: the ports only rules with L7 filters allow (l7.ts); absent: none. */
  readonly l7?: L7Part;
}

/**
 * Every allowed flow between the side's pod endpoints and external classes, sorted by source id
 * then destination id. A declared workload's traffic to itself is left out; a synthetic pod
 * stands for many pods, so its own class is a flow. Re-iterable: each iteration generates the
 * pairs anew from the rows, holding only the endpoints sorted once.
 */
export function expandFlows(r: Reachability, pods: readonly PodEndpoint[], classOf: ReadonlyMap<string, number>, withL7 = false): Iterable<Flow> {
  // Per node pair, once: the classes' flows share it.
  const l7Memo = new Map<number, L7Part | null>();
  const l7 = (s: number, d: number, conn: ConnSet): L7Part | null => {
    if (!withL7) return null;
    const k = s * r.size + d;
    let p = l7Memo.get(k);
    if (p === undefined) l7Memo.set(k, (p = l7Part(r, s, d, conn)));
    return p;
  };
  const flow = (src: Endpoint, dst: Endpoint, conn: ConnSet, s: number, d: number): Flow => {
    const part = l7(s, d, conn);
    return part === null ? { src, dst, conn } : { src, dst, conn, l7: part };
  };
  const P = r.universe.podClasses.length;
  // Pods and externals in one list: the order of ids is the order of the output.
  const nodes = [
    ...pods.map((e) => ({ e, node: classOf.get(e.id)! })),
    ...r.universe.externals.map((e, i) => ({ e: e as Endpoint, node: P + i })),
  ].sort((x, y) => cmp(x.e.id, y.e.id));
  // Where each node's endpoints sit in that order.
  const at: number[][] = Array.from({ length: r.size }, () => []);
  nodes.forEach((n, i) => at[n.node]!.push(i));
  return {
    *[Symbol.iterator]() {
      // Sources of one class are often adjacent (sorted ids of one namespace and app): their
      // connections are looked up once per destination node.
      let memoFor = -1;
      let memo: (ConnSet | undefined)[] = [];
      /** When the source's egress row allows nothing to nodes it does not list: where its flows can go. */
      let targets: Int32Array | null = null;
      for (const a of nodes) {
        const fromExternal = a.node >= P;
        if (a.node !== memoFor) {
          memoFor = a.node;
          memo = new Array<ConnSet | undefined>(r.size);
          targets = fromExternal ? null : listedTargets(r.row(a.node, "egress"));
        }
        if (targets !== null) {
          // Default deny: visit the endpoints of the nodes the row names, not all of them.
          for (const i of targets) {
            const b = nodes[i]!;
            if (a.e === b.e && a.e.type === "workload") continue;
            yield flow(a.e, b.e, memo[b.node]!, a.node, b.node);
          }
          continue;
        }
        for (const b of nodes) {
          if (fromExternal && b.node >= P) continue;
          if (a.e === b.e && a.e.type === "workload") continue;
          let conn = memo[b.node];
          if (conn === undefined) memo[b.node] = conn = r.conn(a.node, b.node);
          if (!conn.isEmpty) yield flow(a.e, b.e, conn, a.node, b.node);
        }
      }

      /** Positions of the endpoints of the listed nodes the source reaches, ascending (null: fallback not empty). */
      function listedTargets(row: Row): Int32Array | null {
        if (!row.fallback.isEmpty) return null;
        const out: number[] = [];
        for (const n of row.nodes) {
          const conn = (memo[n] = r.conn(memoFor, n));
          if (!conn.isEmpty) for (const i of at[n]!) out.push(i); // a loop: one class may hold 100,000 endpoints
        }
        return Int32Array.from(out).sort();
      }
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
