// The head revision's connections between two pods by id, for pairs the pull request left alone
// as well: a report lists only changed pairs, and a reviewer told that a workload's egress closed
// "to any destination except `backend/db`" needs to know what it still reaches there. Asked
// lazily, pair by pair: the matrix of a large cluster is never written out.
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "../reach/evaluate.js";

/** Connections from `src` to `dst` at the head; undefined where either is no pod of the head (an address range, a removed workload). */
export type HeadConn = (src: string, dst: string) => ConnSet | undefined;

export function headConn(r: Reachability, classOf: ReadonlyMap<string, number>): HeadConn {
  return (src, dst) => {
    const s = classOf.get(src);
    const d = classOf.get(dst);
    return s === undefined || d === undefined ? undefined : r.conn(s, d);
  };
}
