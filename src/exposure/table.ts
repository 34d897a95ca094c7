// What outside traffic gets through to each pod on one side: every exposure path (what Services
// and routes send) intersected with what the policies let in from its source. Kept per external
// address class, so that base and head compare class by class on the shared universe.
import type { Chain, ExposurePath } from "../model/exposure.js";
import { ConnSet } from "../net/conn-set.js";
import { formatCidr } from "../net/ip.js";
import type { Reachability } from "../reach/evaluate.js";

/** One chain of objects and what gets through along it. */
export interface Carried {
  readonly chain: Chain;
  readonly conn: ConnSet;
}

export interface Reached {
  readonly conn: ConnSet;
  /** Every chain that carries some of `conn`, in path order. */
  readonly via: readonly Carried[];
}

export interface PodExposure {
  /** From the ingress controller. */
  readonly controller: Reached | undefined;
  /** From the internet, by external class index (into the universe's externals). */
  readonly internet: ReadonlyMap<number, Reached>;
}

/** dst endpoint id -> what reaches it. Pods that nothing reaches are absent. */
export type ExposureTable = ReadonlyMap<string, PodExposure>;

export interface TableInput {
  readonly paths: readonly ExposurePath[];
  readonly reach: Reachability;
  /** This side's endpoint id -> pod class. */
  readonly classOf: ReadonlyMap<string, number>;
  /** The ingress controller's class on this side; undefined when it has no routes. */
  readonly controllerClass: number | undefined;
}

export function exposureTable({ paths, reach, classOf, controllerClass }: TableInput): ExposureTable {
  const u = reach.universe;
  const P = u.podClasses.length;
  const everywhere = u.externals.map((_, i) => i);
  const table = new Map<string, { controller: Reached | undefined; internet: Map<number, Reached> }>();
  const entry = (dst: string) => {
    let e = table.get(dst);
    if (!e) table.set(dst, (e = { controller: undefined, internet: new Map() }));
    return e;
  };
  const add = (into: Reached | undefined, chain: Chain, conn: ConnSet): Reached =>
    into === undefined ? { conn, via: [{ chain, conn }] } : { conn: into.conn.union(conn), via: [...into.via, { chain, conn }] };

  for (const path of paths) {
    const dst = classOf.get(path.dst);
    if (dst === undefined) continue;
    if (path.source === "ingress-controller") {
      if (controllerClass === undefined) continue;
      const conn = path.routed.intersect(reach.conn(controllerClass, dst));
      if (conn.isEmpty) continue;
      const e = entry(path.dst);
      e.controller = add(e.controller, path.chain, conn);
      continue;
    }
    const classes = path.addresses === undefined ? everywhere : [...new Set(path.addresses.flatMap((c) => u.externalsOf.get(formatCidr(c)) ?? []))];
    for (const x of classes) {
      const conn = path.routed.intersect(reach.conn(P + x, dst));
      if (conn.isEmpty) continue;
      const e = entry(path.dst);
      e.internet.set(x, add(e.internet.get(x), path.chain, conn));
    }
  }
  return table;
}

export const NOTHING: Reached = { conn: ConnSet.NONE, via: [] };
