// Base vs head on one shared universe (DESIGN section 4): the same classes and external ranges on
// both sides, so every flow has one name. Pairs are compared per class quadruple; pairs whose
// classes behave alike on both sides are never expanded.
//
// External addresses are cut at every ipBlock boundary anywhere in either revision, which says
// nothing to a reader of one flow. So for each pod, the external classes whose change is the same
// (same connections before and after, same reasons) are reported as one endpoint: usually the
// range a policy names ("0.0.0.0/0", "0.0.0.0/0 except 10.0.0.0/8"). A change is then what a
// person counts: one pod and one range of addresses.
import type { Endpoint, ExternalEndpoint, PodEndpoint } from "../model/endpoint.js";
import { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";
import type { AddrRange, Family } from "../net/ip.js";
import { evaluate, type Reachability } from "../reach/evaluate.js";
import { externalEndpoint } from "../reach/external-space.js";
import { buildUniverse, type Side, type Universe, type UniverseOptions } from "../reach/universe.js";
import type { Change, ChangeType, Reason } from "./change.js";
import { explain } from "./explain.js";

export interface DiffResult {
  readonly universe: Universe;
  readonly base: Reachability;
  readonly head: Reachability;
  /** Every pod endpoint of either side (head's version where both have it), then external classes. */
  readonly endpoints: readonly Endpoint[];
  /** The external endpoints the changes name: unions of external classes (see above). */
  readonly changedExternals: readonly ExternalEndpoint[];
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
  // Seeded with the classes, so a merge that is one class is that class's endpoint.
  const merged = new Map<string, ExternalEndpoint>(universe.externals.map((e) => [e.id, e]));
  const classIds = new Set(universe.externals.map((e) => e.id));
  for (const ga of groupList) {
    for (const gb of groupList) {
      const o = outcome(ga.b, gb.b, ga.h, gb.h);
      if (!o) continue;
      for (const a of ga.members) for (const b of gb.members) if (a !== b || a.type !== "workload") record(a, b, o);
    }
    const outs = new MergedExternals();
    const ins = new MergedExternals();
    for (const e of externals) {
      outs.add(e.endpoint as ExternalEndpoint, outcome(ga.b, e.node, ga.h, e.node));
      ins.add(e.endpoint as ExternalEndpoint, outcome(e.node, ga.b, e.node, ga.h));
    }
    for (const [ext, o] of outs.merged(merged)) for (const a of ga.members) record(a, ext, o);
    for (const [ext, o] of ins.merged(merged)) for (const a of ga.members) record(ext, a, o);
  }
  changes.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  return { universe, base: rb, head: rh, endpoints: [...podList, ...universe.externals], changedExternals: [...merged.values()].filter((e) => !classIds.has(e.id)), changes };
}

/** External classes with the same outcome for one pod class, merged (see the top of this file). */
class MergedExternals {
  private readonly buckets = new Map<string, { family: Family; ranges: AddrRange[]; outcome: Outcome }>();

  add(e: ExternalEndpoint, o: Outcome | null): void {
    if (!o) return;
    const family = e.ranges[0]!.family;
    const key = `${family}|${o.base.toString()}|${o.head.toString()}|${JSON.stringify(o.why)}`;
    const bucket = this.buckets.get(key);
    if (bucket) bucket.ranges.push(...e.ranges);
    else this.buckets.set(key, { family, ranges: [...e.ranges], outcome: o });
  }

  /** The merged endpoints with their outcome; one endpoint object per distinct id (kept in `pool`). */
  merged(pool: Map<string, ExternalEndpoint>): [ExternalEndpoint, Outcome][] {
    return [...this.buckets.values()].map((b) => {
      const made = externalEndpoint(b.family, b.ranges);
      const known = pool.get(made.id);
      if (!known) pool.set(made.id, made);
      return [known ?? made, b.outcome];
    });
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
