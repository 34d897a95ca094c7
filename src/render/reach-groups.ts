// The reach's class groups as a reader takes them: endpoint sets described as the diff describes
// its groups ("any pod in `frontend`", "every declared workload in `shop`"), with the same
// vocabulary (group.ts, set-words.ts), against every endpoint of the report.
import type { ReachReport } from "../analyze.js";
import type { ConnSet } from "../net/conn-set.js";
import { displaySets, UniverseIndex, type EndpointSet } from "./group.js";

export interface ReachGroup {
  readonly sources: EndpointSet;
  readonly destinations: EndpointSet;
  readonly conn: ConnSet;
  readonly pairs: number;
}

export function reachGroups(r: ReachReport): ReachGroup[] {
  const view = r.classes();
  const index = new UniverseIndex(r.endpoints);
  return view.groups.map((g) => {
    // A group is every pair sources x destinations but a workload to itself: the diff's convention.
    const [sources, destinations] = displaySets(
      g.src.flatMap((c) => view.classes[c]!.endpoints),
      g.dst.flatMap((c) => view.classes[c]!.endpoints),
      index,
    );
    return { sources, destinations, conn: g.conn, pairs: g.pairs };
  });
}

/** Flows in all, the ingress controller's (its exposures) included, counted without listing them. */
export function flowCount(r: ReachReport): number {
  return r.classes().pairs + r.exposures.filter((e) => e.source === "ingress-controller").length;
}
