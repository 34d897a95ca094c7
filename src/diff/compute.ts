// Base vs head on one shared universe (DESIGN section 4): the same classes and external ranges on
// both sides, so every flow has one name. Pairs are compared per class quadruple; pairs whose
// classes behave alike on both sides are never expanded.
//
// External addresses are cut at every ipBlock boundary anywhere in either revision, which says
// nothing to a reader of one flow. So for each pod, the external classes whose change is the same
// (same connections before and after, same reasons) are reported as one endpoint: usually the
// range a policy names ("0.0.0.0/0", "0.0.0.0/0 except 10.0.0.0/8"). A change is then what a
// person counts: one pod and one range of addresses.
import { reasonKey } from "./reason.js";
import type { Endpoint, ExternalEndpoint, PodEndpoint } from "../model/endpoint.js";
import { ConnSet } from "../net/conn-set.js";
import type { Family } from "../net/ip.js";
import { evaluate, TupleIds, type Reachability } from "../reach/evaluate.js";
import { sameGoverning, Shared } from "../reach/shared.js";
import { rowDifference } from "../reach/row.js";
import { externalEndpoint } from "../reach/external-space.js";
import { changedSubjects } from "../reach/changed-subjects.js";
import { buildUniverse, type Side, type Universe, type UniverseOptions } from "../reach/universe.js";
import { alignment } from "../model/revision-lists.js";
import type { Change, ChangeType, Reason } from "./change.js";
import type { Direction } from "../model/policy.js";
import { explain } from "./explain.js";
import { l7Changes, type L7Change } from "./l7-changes.js";
import { hasL7, l7Part, l7PartKey } from "../reach/l7.js";

export interface DiffResult {
  readonly universe: Universe;
  readonly base: Reachability;
  readonly head: Reachability;
  /** Every pod endpoint of either side (head's version where both have it), then external classes. */
  readonly endpoints: readonly Endpoint[];
  /** The external endpoints the changes name: unions of external classes (see above). */
  readonly changedExternals: readonly ExternalEndpoint[];
  readonly changes: readonly Change[];
  /** Flows whose connection is the same on both sides but whose L7 filtering differs (Cilium). */
  readonly l7Changes: readonly L7Change[];
}

/** What changed for a class pair: its pairs share these objects (renderers word each once). */
interface Outcome {
  readonly base: ConnSet;
  readonly head: ConnSet;
  readonly opened: ConnSet;
  readonly closed: ConnSet;
  readonly why: readonly Reason[];
  readonly l7?: Change["l7"];
}

export interface DiffSidesOptions extends UniverseOptions {
  /**
   * Compare every pair of classes instead of only those a change can touch, and explain every
   * changed pair apart instead of once per kind. The same answer, slower: the property tests
   * hold the incremental diff to it.
   */
  readonly exhaustive?: boolean;
}

interface Group {
  readonly b: number | undefined;
  readonly h: number | undefined;
  readonly members: PodEndpoint[];
}

/**
 * For each base endpoint, the place of the head endpoint with its id (-1: none), and the places
 * of the head endpoints whose ids the base lacks, in order. The revisions hold the pods of the
 * files a pull request left alone in the same places (model/revision-lists.ts): only the others
 * are looked up by id, where maps of every id of both sides cost a 100,000-pod diff a tenth of a second.
 */
function pairById(base: readonly PodEndpoint[], head: readonly PodEndpoint[]): { headOf: Int32Array; headOnly: number[] } {
  const at = alignment(base, head, (x, y) => x.id === y.id);
  const headOf = new Int32Array(base.length).fill(-1);
  const loose: number[] = [];
  for (let j = 0; j < head.length; j++) {
    if (at[j]! >= 0) headOf[at[j]!] = j;
    else loose.push(j);
  }
  const headOnly: number[] = [];
  if (loose.length === 0) return { headOf, headOnly };
  // Ids are unique within a revision: a base id left unpaired by place is looked for here.
  const unpaired = new Map<string, number>();
  for (let i = 0; i < base.length; i++) if (headOf[i] === -1) unpaired.set(base[i]!.id, i);
  for (const j of loose) {
    const i = unpaired.get(head[j]!.id);
    if (i === undefined) headOnly.push(j);
    else headOf[i] = j;
  }
  return { headOf, headOnly };
}

export function diffSides(base: Side, head: Side, options: DiffSidesOptions = {}): DiffResult {
  const universe = buildUniverse([base, head], options);
  // Shared: a pair whose connections did not change compares by identity, a row by signature.
  const shared = new Shared([base, head]);
  const rb = evaluate(universe, base, shared);
  const rh = evaluate(universe, head, shared);
  // L7 filters are looked for only where some rule has them (Cilium's http/kafka/dns rules).
  const withL7 = hasL7(base.policies) || hasL7(head.policies);
  const P = universe.podClasses.length;

  // Pairs whose connections changed alike and whose policies say the same of them (the same
  // governing objects, the same of their rules matching, the same named ports) have the same
  // reasons: explained once. A pod class's changed egress to 52 external classes, or to the pods
  // of ten namespaces no rule names, is one explanation.
  // Keyed by numbers (explanationId, connection texts): a thousand namespaces' default-deny
  // looks up a million pairs, and a text key made per pair was most of the diff's time.
  const explained = new Map<number, Outcome>();
  const keys = new TupleIds();
  const connPairs = new TupleIds();
  const connTexts = new Map<string, number>();
  const connIds = new Map<ConnSet, number>();
  const connId = (c: ConnSet) => {
    let n = connIds.get(c);
    if (n === undefined) {
      const text = c.toString();
      n = connTexts.get(text);
      if (n === undefined) connTexts.set(text, (n = connTexts.size));
      connIds.set(c, n);
    }
    return n;
  };
  const outcome = (bs: number | undefined, bd: number | undefined, hs: number | undefined, hd: number | undefined): Outcome | null => {
    const bConn = bs === undefined || bd === undefined ? ConnSet.NONE : rb.conn(bs, bd);
    const hConn = hs === undefined || hd === undefined ? ConnSet.NONE : rh.conn(hs, hd);
    if (bConn === hConn || bConn.equals(hConn)) return null;
    const explain1 = (): Outcome => {
      const opened = hConn.subtract(bConn);
      const closed = bConn.subtract(hConn);
      const why = explain({ r: rb, src: bs, dst: bd }, { r: rh, src: hs, dst: hd }, opened, closed);
      if (!withL7) return { base: bConn, head: hConn, opened, closed, why };
      const l7 = {
        base: bs === undefined || bd === undefined ? null : l7Part(rb, bs, bd, bConn),
        head: hs === undefined || hd === undefined ? null : l7Part(rh, hs, hd, hConn),
      };
      return { base: bConn, head: hConn, opened, closed, why, ...(l7.base === null && l7.head === null ? {} : { l7 }) };
    };
    if (options.exhaustive) return explain1();
    const none = bs === undefined || bd === undefined;
    const key = keys.id(
      connPairs.id(connId(bConn), connId(hConn), 0, 0, 0),
      none ? -2 : rb.explanationId(bs, bd, "egress"),
      none ? -2 : rb.explanationId(bs, bd, "ingress"),
      hs === undefined || hd === undefined ? -2 : rh.explanationId(hs, hd, "egress"),
      hs === undefined || hd === undefined ? -2 : rh.explanationId(hs, hd, "ingress"),
    );
    let o = explained.get(key);
    if (o === undefined) explained.set(key, (o = explain1()));
    return o;
  };

  const changes: Change[] = [];
  // A pod is missing on a side exactly when its group has no class there (groups are keyed by
  // class on each side): the endpoint change is the groups', not looked up per pair.
  const record = (src: Endpoint, dst: Endpoint, o: Outcome, endpoint: Change["endpoint"]) => {
    const type: ChangeType = o.base.isEmpty ? "added" : o.head.isEmpty ? "removed" : "changed";
    changes.push({ type, src, dst, base: o.base, head: o.head, opened: o.opened, closed: o.closed, endpoint, why: o.why, ...(o.l7 === undefined ? {} : { l7: o.l7 }) });
  };
  const endpointChange = (...gs: Group[]): Change["endpoint"] =>
    gs.some((g) => g.b === undefined) ? "added" : gs.some((g) => g.h === undefined) ? "removed" : null;

  // Endpoints in the same class on both sides behave alike: compare groups, expand changed ones.
  // The endpoints of both sides, one per id (the head's where both have it), in the base's order
  // and then the head's own, each with its classes found by place (universe.classAt).
  const podList: PodEndpoint[] = [];
  const groups: Group[] = [];
  // Most endpoints stay in their class: those groups are found by class (-1: none yet), the others by both classes.
  const stayed = new Int32Array(P).fill(-1);
  const others = new Map<number, number>();
  const groupOf = (b: number | undefined, h: number | undefined): Group => {
    if (b !== undefined && b === h) {
      if (stayed[b]! >= 0) return groups[stayed[b]!]!;
      stayed[b] = groups.length;
    } else {
      const key = ((b ?? -1) + 1) * (P + 1) + (h ?? -1) + 1;
      const i = others.get(key);
      if (i !== undefined) return groups[i]!;
      others.set(key, groups.length);
    }
    groups.push({ b, h, members: [] });
    return groups[groups.length - 1]!;
  };
  const join = (ep: PodEndpoint, b: number | undefined, h: number | undefined) => {
    podList.push(ep);
    groupOf(b, h).members.push(ep);
  };
  const [atBase, atHead] = universe.classAt as [Int32Array, Int32Array];
  const { headOf, headOnly } = pairById(base.pods, head.pods);
  for (let i = 0; i < base.pods.length; i++) {
    const j = headOf[i]!;
    join(j >= 0 ? head.pods[j]! : base.pods[i]!, atBase[i], j >= 0 ? atHead[j] : undefined);
  }
  for (const j of headOnly) join(head.pods[j]!, undefined, atHead[j]);
  const pairs = options.exhaustive ? allPairs(groups.length) : touchedPairs(groups, stayed, rb, rh, P, changedSubjects(universe, shared, base, head));

  // Merged endpoints by the external classes they merge; seeded with the classes, so a merge that
  // is one class is that class's endpoint.
  const merged = new Map<string, ExternalEndpoint>(universe.externals.map((e, i) => [String(i), e]));
  const classes = new Set<ExternalEndpoint>(universe.externals);
  for (let a = 0; a < groups.length; a++) {
    const ga = groups[a]!;
    for (const b of pairs.groups[a] ?? []) {
      const gb = groups[b]!;
      const o = outcome(ga.b, gb.b, ga.h, gb.h);
      if (!o) continue;
      const endpoint = endpointChange(ga, gb);
      for (const x of ga.members) for (const y of gb.members) if (x !== y || x.type !== "workload") record(x, y, o, endpoint);
    }
    const own = endpointChange(ga);
    const out = pairs.externalsOut[a];
    if (out) {
      const outs = new MergedExternals();
      for (const e of out) outs.add(e, outcome(ga.b, P + e, ga.h, P + e));
      for (const [ext, o] of outs.merged(universe.externals, merged)) for (const x of ga.members) record(x, ext, o, own);
    }
    const inn = pairs.externalsIn[a];
    if (inn) {
      const ins = new MergedExternals();
      for (const e of inn) ins.add(e, outcome(P + e, ga.b, P + e, ga.h));
      for (const [ext, o] of ins.merged(universe.externals, merged)) for (const x of ga.members) record(ext, x, o, own);
    }
  }
  const sorted = sortByIds(changes);
  const l7 = withL7 ? l7Changes(universe, shared, rb, rh, groups, { base: base.policies, head: head.policies }) : [];
  return { universe, base: rb, head: rh, endpoints: [...podList, ...universe.externals], changedExternals: [...merged.values()].filter((e) => !classes.has(e)).sort(byAddress), changes: sorted, l7Changes: l7 };

  function allPairs(n: number): Pairs {
    const every = Array.from({ length: n }, (_, i) => i);
    const externals = universe.externals.map((_, i) => i);
    return { groups: every.map(() => every), externalsOut: every.map(() => externals), externalsIn: every.map(() => externals) };
  }
}

/** Per source group: the destination groups, and the external classes each way, to compare. */
interface Pairs {
  readonly groups: readonly (readonly number[] | undefined)[];
  readonly externalsOut: readonly (readonly number[] | undefined)[];
  readonly externalsIn: readonly (readonly number[] | undefined)[];
}

/**
 * The group pairs whose connections may differ between the sides; every other pair is equal.
 * A pair's connections are the source's egress row at the destination met with the destination's
 * ingress row at the source. So a pair can change only if an endpoint changed class, or the
 * source's egress row differs at the destination, or the destination's ingress row differs at the
 * source. Only the classes a changed policy selects can have rows that differ; rows with equal
 * signatures are equal, and differing rows are compared node by node. Cost: the classes a pull
 * request touches times what their rows name, not classes squared nor every class.
 * `stayed`: per class, the group of the endpoints in it on both sides (-1: none).
 */
function touchedPairs(groups: readonly Group[], stayed: Int32Array, rb: Reachability, rh: Reachability, P: number, changed: Readonly<Record<Direction, ReadonlySet<number>>>): Pairs {
  const E = rb.size - P;
  const n = groups.length;
  // Most groups pair with nothing new: their sets are made with their first member.
  const dst: (Set<number> | undefined)[] = new Array(n);
  const extOut: (Set<number> | undefined)[] = new Array(n);
  const extIn: (Set<number> | undefined)[] = new Array(n);
  const add = (sets: (Set<number> | undefined)[], i: number, x: number) => (sets[i] ??= new Set()).add(x);
  const moved = groups.flatMap((g, i) => (g.b !== undefined && g.b === g.h ? [] : [i]));
  const everyGroup = groups.map((_, i) => i);
  const everyExternal = Array.from({ length: E }, (_, i) => i);

  for (const a of moved) {
    for (const b of everyGroup) {
      add(dst, a, b);
      add(dst, b, a);
    }
    for (const e of everyExternal) {
      add(extOut, a, e);
      add(extIn, a, e);
    }
  }
  // A class no changed policy selects has the same rows on both sides, and so does a direction
  // the changed policies say nothing of (changed-subjects.ts).
  for (const dir of ["egress", "ingress"] as const) {
    for (const cls of changed[dir]) {
      const g = stayed[cls]!;
      if (g < 0) continue; // no endpoint stays in it: covered as moved
      if (sameGoverning(rb.governing(cls, dir), rh.governing(cls, dir)) || rb.signature(cls, dir) === rh.signature(cls, dir)) continue;
      const nodes = rowDifference(rb.row(cls, dir), rh.row(cls, dir));
      const each = (node: number) => {
        if (node >= P) add(dir === "egress" ? extOut : extIn, g, node - P);
        else {
          const other = stayed[node]!;
          if (other < 0) return; // no endpoint stays in that class: covered as moved
          if (dir === "egress") add(dst, g, other);
          else add(dst, other, g);
        }
      };
      if (nodes === "all") for (let node = 0; node < P + E; node++) each(node);
      else for (const node of nodes) each(node);
    }
  }
  const sorted = (sets: (Set<number> | undefined)[]) => Array.from(sets, (s) => (s === undefined ? undefined : [...s].sort((x, y) => x - y)));
  return { groups: sorted(dst), externalsOut: sorted(extOut), externalsIn: sorted(extIn) };
}

/** External classes with the same outcome for one pod class, merged (see the top of this file). */
class MergedExternals {
  // By outcome object first (explained pairs share theirs), by what the outcome says when merged.
  private readonly byOutcome = new Map<Outcome, number[]>();

  add(e: number, o: Outcome | null): void {
    if (!o) return;
    const list = this.byOutcome.get(o);
    if (list) list.push(e);
    else this.byOutcome.set(o, [e]);
  }

  /**
   * The merged endpoints with their outcome. `made` holds the endpoints made so far by the
   * external classes they merge, so that pod classes merging the same ones share one object.
   */
  merged(externals: readonly ExternalEndpoint[], made: Map<string, ExternalEndpoint>): [ExternalEndpoint, Outcome][] {
    const buckets = new Map<string, { family: Family; classes: number[]; outcome: Outcome }>();
    for (const [o, classes] of this.byOutcome) {
      const says = saysOf(o);
      for (const e of classes) {
        const family = externals[e]!.ranges[0]!.family;
        const key = `${family}|${says}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.classes.push(e);
        else buckets.set(key, { family, classes: [e], outcome: o });
      }
    }
    return [...buckets.values()].map((b) => {
      const key = b.classes.sort((x, y) => x - y).join(",");
      let ext = made.get(key);
      if (ext === undefined) made.set(key, (ext = externalEndpoint(b.family, b.classes.flatMap((e) => externals[e]!.ranges))));
      return [ext, b.outcome];
    });
  }
}

// What an outcome says, as text: once per outcome, which the pod classes whose external
// addresses it explains share, instead of once per class.
const said = new WeakMap<Outcome, string>();

function saysOf(o: Outcome): string {
  let says = said.get(o);
  if (says === undefined) {
    // L7 filters too: address classes with the same connections and reasons may differ in which ports a proxy filters.
    const l7 = o.l7 === undefined ? "" : `${l7PartKey(o.l7.base)}|${l7PartKey(o.l7.head)}`;
    says = `${o.base.toString()}|${o.head.toString()}|${o.why.map(reasonKey).join("\u0001")}|${l7}`;
    said.set(o, says);
  }
  return says;
}

/**
 * The changes by source id, then destination id, ties in the order made (as a stable sort by the
 * ids gives). Ids are ranked once and each pair sorts as one number: a million pairs compared by
 * their id strings took seconds.
 */
function sortByIds(changes: Change[]): Change[] {
  // Only the endpoints the changes name are ranked: a pull request changing a few pairs of ten
  // thousand pods sorts a few ids.
  const named = new Set<Endpoint>();
  for (const c of changes) named.add(c.src).add(c.dst);
  const ids = [...new Set([...named].map((e) => e.id))].sort(cmp);
  const rankOfId = new Map(ids.map((id, i) => [id, i]));
  const rank = new Map<Endpoint, number>([...named].map((e) => [e, rankOfId.get(e.id)!]));
  const n = changes.length;
  const R = ids.length;
  const keys = new Float64Array(n);
  // Exact while (rank pair, index) fits in a double's 53 bits; otherwise the sort by the strings.
  if (R * R * n >= 2 ** 53) return changes.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  for (let i = 0; i < n; i++) keys[i] = (rank.get(changes[i]!.src)! * R + rank.get(changes[i]!.dst)!) * n + i;
  keys.sort();
  const out = new Array<Change>(n);
  for (let k = 0; k < n; k++) out[k] = changes[keys[k]! % n]!;
  return out;
}

/** IPv4 first, then by first address, then by id: an order that does not depend on which pair merged first. */
function byAddress(x: ExternalEndpoint, y: ExternalEndpoint): number {
  const a = x.ranges[0]!;
  const b = y.ranges[0]!;
  if (a.family !== b.family) return a.family === "v4" ? -1 : 1;
  return a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : cmp(x.id, y.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
