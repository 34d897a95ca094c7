// The reach's class groups as a reader takes them: endpoint sets described as the diff describes
// its groups ("any pod in `frontend`", "every declared workload in `shop`"), with the same
// vocabulary (group.ts, set-words.ts), against every endpoint of the report.
import type { ReachReport } from "../analyze.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Flow } from "../reach/flows.js";
import { displaySets, UniverseIndex, type EndpointSet } from "./group.js";

export interface ReachGroup {
  readonly sources: EndpointSet;
  readonly destinations: EndpointSet;
  readonly conn: ConnSet;
  readonly pairs: number;
}

/**
 * The groups, described one at a time as they are taken: a thousand tenants' groups of two
 * thousand sources each were all held, described, until the last was written.
 */
export interface ReachGroups extends Iterable<ReachGroup> {
  readonly length: number;
}

export function reachGroups(r: ReachReport): ReachGroups {
  const view = r.classes();
  const index = new UniverseIndex(r.endpoints);
  // Each class's places in the universe, found once: a class stands in many groups (the
  // Prometheus of a thousand namespaces, in each tenant's group).
  const places = view.classes.map((c) => index.placesOf(c.endpoints));
  const everyPlaceKnown = places.every((p) => !p.includes(-1));
  const setOf = (classes: readonly number[]) => {
    if (!everyPlaceKnown) return classes.flatMap((c) => view.classes[c]!.endpoints);
    let n = 0;
    for (const c of classes) n += places[c]!.length;
    const out = new Int32Array(n);
    n = 0;
    for (const c of classes) {
      out.set(places[c]!, n);
      n += places[c]!.length;
    }
    // Classes are disjoint: their places are distinct.
    return index.atPlaces(out);
  };
  return {
    length: view.groups.length,
    *[Symbol.iterator]() {
      for (const g of view.groups) {
        // A group is every pair sources x destinations but a workload to itself: the diff's convention.
        const [sources, destinations] = displaySets(setOf(g.src), setOf(g.dst), index);
        yield { sources, destinations, conn: g.conn, pairs: g.pairs };
      }
    },
  };
}

/** Flows in all, the ingress controller's (its exposures) included, counted without listing them. */
export function flowCount(r: ReachReport): number {
  return r.classes().pairs + r.exposures.filter((e) => e.source === "ingress-controller").length;
}

/**
 * The flows, expanded from the groups rather than generated over every pair of endpoints: for a
 * short listing of a large cluster whose policies allow little (a few thousand flows among 10,000
 * workloads). Same order as `flows`: by source id, then destination id, the ingress controller's last.
 */
export function flowsFromGroups(r: ReachReport): Flow[] {
  const view = r.classes();
  const out: Flow[] = [];
  for (const g of view.groups) {
    for (const s of g.src.flatMap((c) => view.classes[c]!.endpoints)) {
      for (const d of g.dst.flatMap((c) => view.classes[c]!.endpoints)) if (s !== d || s.type !== "workload") out.push({ src: s, dst: d, conn: g.conn });
    }
  }
  out.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  for (const e of r.exposures) if (e.source === "ingress-controller") out.push({ src: e.src, dst: e.dst, conn: e.conn });
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
