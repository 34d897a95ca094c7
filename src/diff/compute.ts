// Base vs head on one shared universe (DESIGN section 4): the same classes and external ranges on
// both sides, so every flow has one name. Pairs are compared per class quadruple; pairs whose
// classes behave alike on both sides are never expanded.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";
import { evaluate, type Reachability } from "../reach/evaluate.js";
import { buildUniverse, type Side, type Universe, type UniverseOptions } from "../reach/universe.js";
import type { Change, ChangeType, Reason } from "./change.js";
import { explain } from "./explain.js";

export interface DiffResult {
  readonly universe: Universe;
  readonly base: Reachability;
  readonly head: Reachability;
  /** Every pod endpoint of either side (head's version where both have it), then external classes. */
  readonly endpoints: readonly Endpoint[];
  readonly changes: readonly Change[];
}

interface Outcome {
  readonly base: ConnSet;
  readonly head: ConnSet;
  readonly why: readonly Reason[];
}

export function diffSides(base: Side, head: Side, options: UniverseOptions = {}): DiffResult {
  const universe = buildUniverse([base, head], options);
  // One interner: a pair whose connections did not change compares by identity.
  const interner = new ConnInterner();
  const rb = evaluate(universe, base.policies, interner);
  const rh = evaluate(universe, head.policies, interner);
  const [inBase, inHead] = universe.classOf as [ReadonlyMap<string, number>, ReadonlyMap<string, number>];
  const P = universe.podClasses.length;

  const pods = new Map<string, PodEndpoint>();
  for (const ep of base.pods) pods.set(ep.id, ep);
  for (const ep of head.pods) pods.set(ep.id, ep);
  const podList = [...pods.values()];
  const externals = universe.externals.map((e, i) => ({ endpoint: e as Endpoint, node: P + i }));

  // Each class pair is compared once (endpoints are grouped by class below), so no memo is needed;
  // reasons are computed only for pairs that changed.
  const outcome = (bs: number | undefined, bd: number | undefined, hs: number | undefined, hd: number | undefined): Outcome | null => {
    const bConn = bs === undefined || bd === undefined ? ConnSet.NONE : rb.conn(bs, bd);
    const hConn = hs === undefined || hd === undefined ? ConnSet.NONE : rh.conn(hs, hd);
    if (bConn.equals(hConn)) return null;
    return { base: bConn, head: hConn, why: explain({ r: rb, src: bs, dst: bd }, { r: rh, src: hs, dst: hd }, hConn.subtract(bConn), bConn.subtract(hConn)) };
  };

  const changes: Change[] = [];
  const record = (src: Endpoint, dst: Endpoint, o: Outcome | null) => {
    if (!o) return;
    const type: ChangeType = o.base.isEmpty ? "added" : o.head.isEmpty ? "removed" : "changed";
    const missingBase = (e: Endpoint) => e.type !== "external" && !inBase.has(e.id);
    const missingHead = (e: Endpoint) => e.type !== "external" && !inHead.has(e.id);
    const endpoint = missingBase(src) || missingBase(dst) ? "added" : missingHead(src) || missingHead(dst) ? "removed" : null;
    changes.push({ type, src, dst, base: o.base, head: o.head, opened: o.head.subtract(o.base), closed: o.base.subtract(o.head), endpoint, why: o.why });
  };

  // Endpoints in the same class on both sides behave alike: compare groups, expand changed ones.
  const groups = new Map<string, { b: number | undefined; h: number | undefined; members: PodEndpoint[] }>();
  for (const ep of podList) {
    const b = inBase.get(ep.id);
    const h = inHead.get(ep.id);
    const key = `${b}:${h}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { b, h, members: [] }));
    g.members.push(ep);
  }
  const groupList = [...groups.values()];
  for (const ga of groupList) {
    for (const gb of groupList) {
      const o = outcome(ga.b, gb.b, ga.h, gb.h);
      if (!o) continue;
      for (const a of ga.members) for (const b of gb.members) if (a !== b || a.type !== "workload") record(a, b, o);
    }
    for (const e of externals) {
      const out = outcome(ga.b, e.node, ga.h, e.node);
      const inn = outcome(e.node, ga.b, e.node, ga.h);
      for (const a of ga.members) {
        record(a, e.endpoint, out);
        record(e.endpoint, a, inn);
      }
    }
  }
  changes.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  return { universe, base: rb, head: rh, endpoints: [...podList, ...universe.externals], changes };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
