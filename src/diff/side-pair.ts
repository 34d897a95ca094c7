// A changed pair as one side of a diff sees it: the side's evaluation and the pair's nodes there.
import type { Reachability } from "../reach/evaluate.js";

/** A node on one side, or undefined when the endpoint does not exist on that side. */
export interface SidePair {
  readonly r: Reachability;
  readonly src: number | undefined;
  readonly dst: number | undefined;
}
