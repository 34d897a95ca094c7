// Reachability per class rather than per pair: what a cluster of 10^8 allowed pairs says in a few
// hundred lines, computed from the rows without expanding a single pair.
//
// A class is the endpoints the policies cannot tell apart: the pods of one pod class, or one
// external address class. Classes whose rows are equal (equal signatures) form a row group; the
// traffic from source row group S to destination row group D is R_S[b] ∩ Q_D[a] (S's egress row
// at destination b, D's ingress row at source a), which only varies where one row lists the
// other's class. So S x D splits into a few rectangles of equal connections, and only the
// (S, D) where S gives something to D and D admits something from S can hold any.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Direction } from "../model/policy.js";
import type { Reachability } from "./evaluate.js";
import { OPEN_ROW, type Row } from "./row.js";
import { ascending, mergeBlocks, type Block } from "./block-merge.js";

export interface EndpointClass {
  /** Sorted by id; never empty. */
  readonly endpoints: readonly Endpoint[];
}

/**
 * Every pair (s, d) of an endpoint of a source class and one of a destination class, except a
 * declared workload to itself (never a flow), is allowed exactly `conn`. Sources and destinations
 * are never both external. Each allowed pair is in exactly one group.
 */
export interface ClassGroup {
  /** Indexes into `ClassView.classes`, ascending. */
  readonly src: readonly number[];
  readonly dst: readonly number[];
  readonly conn: ConnSet;
  /** How many pairs the group stands for (at least one). */
  readonly pairs: number;
}

export interface ClassView {
  /** Pod classes (ordered by their first endpoint's id), then external classes. */
  readonly classes: readonly EndpointClass[];
  /** Ordered by their first source's id, then first destination's. */
  readonly groups: readonly ClassGroup[];
  /** Allowed pairs in all: the number of flows the groups stand for. */
  readonly pairs: number;
}

interface RowGroup {
  readonly row: Row;
  /** Node indexes (pod classes, or externals) of the classes in the group, ascending. */
  readonly nodes: number[];
}

export function classView(r: Reachability, pods: readonly PodEndpoint[], classOf: ReadonlyMap<string, number>): ClassView {
  const P = r.universe.podClasses.length;
  // Endpoints per node; a pod class with none (the ingress controller's own) is left out.
  const members: Endpoint[][] = Array.from({ length: r.size }, () => []);
  for (const p of pods) members[classOf.get(p.id)!]!.push(p);
  r.universe.externals.forEach((e, i) => members[P + i]!.push(e));
  for (const m of members) m.sort((x, y) => cmp(x.id, y.id));
  const live = (node: number) => members[node]!.length > 0;

  // Row groups per direction; externals form one more group on each side, with an open row:
  // nothing limits what they send, and policies never select them.
  const groupsOf = (dir: Direction) => {
    const groups: RowGroup[] = [];
    const of = new Int32Array(r.size).fill(-1);
    const bySig = new Map<string, number>();
    for (let c = 0; c < P; c++) {
      if (!live(c)) continue;
      const sig = r.signature(c, dir);
      let g = bySig.get(sig);
      if (g === undefined) {
        bySig.set(sig, (g = groups.length));
        groups.push({ row: r.row(c, dir), nodes: [] });
      }
      groups[g]!.nodes.push(c);
      of[c] = g;
    }
    if (r.size > P) {
      const ext = groups.length;
      groups.push({ row: OPEN_ROW, nodes: [] });
      for (let n = P; n < r.size; n++) {
        groups[ext]!.nodes.push(n);
        of[n] = ext;
      }
    }
    return { groups, of };
  };
  const out = groupsOf("egress");
  const inn = groupsOf("ingress");
  const isExternalGroup = (g: RowGroup) => g.nodes[0]! >= P;

  // The (S, D) that can hold a flow: S's row gives something to a node of D (its fallback, or a
  // node of D it lists), D's row admits something from a node of S, and the two can meet (their
  // fallbacks do, or one lists the other's node). Either side alone is not enough: a thousand
  // tenants' ingress rows each listing the Prometheus of every tenant name a million (S, D)
  // whose sources' own egress rows give those destinations nothing.
  const outLists = reached(out.groups, inn.of, inn.groups.length);
  const inLists = reached(inn.groups, out.of, out.groups.length);
  const outOpen = out.groups.map((g) => !g.row.fallback.isEmpty);
  const inOpen = inn.groups.map((g) => !g.row.fallback.isEmpty);
  const candidates = new Map<number, Set<number>>();
  // The same pairs by destination group: which source groups each ingress row is read for.
  const candidatesOf = new Map<number, Set<number>>();
  const candidate = (s: number, d: number) => {
    let set = candidates.get(s);
    if (!set) candidates.set(s, (set = new Set()));
    set.add(d);
    let by = candidatesOf.get(d);
    if (!by) candidatesOf.set(d, (by = new Set()));
    by.add(s);
  };
  // S lists a node of D: a flow needs D to admit something from S.
  const listedBy = new Int32Array(out.groups.length).fill(-1);
  inn.groups.forEach((_, d) => {
    for (const s of inLists.lists[d]!) listedBy[s] = d;
    for (const s of outLists.by[d]!) if (inOpen[d] || listedBy[s] === d) candidate(s, d);
  });
  // D lists a node of S: a flow needs S to give something to D.
  const listing = new Int32Array(inn.groups.length).fill(-1);
  out.groups.forEach((_, s) => {
    for (const d of outLists.lists[s]!) listing[d] = s;
    for (const d of inLists.by[s]!) if (outOpen[s] || listing[d] === s) candidate(s, d);
  });
  // Neither lists the other's nodes: only fallbacks that meet.
  const openIn = inn.groups.flatMap((_, d) => (inOpen[d] ? [d] : []));
  out.groups.forEach((g, s) => {
    if (outOpen[s]) for (const d of openIn) if (!g.row.fallback.intersect(inn.groups[d]!.row.fallback).isEmpty) candidate(s, d);
  });

  // A row's listed nodes by the group (of the other side) they belong to, once per row, for the
  // groups it is paired with only: a tenant's row listing the Prometheus of two thousand others,
  // each its own group, is read for the few that can hold a flow.
  // By the row's own group: groups may share a row object (the open row of externals and of pods
  // no policy selects), not the groups they are paired with.
  const byOutGroup = new Map<number, Map<number, Listed>>();
  const byInGroup = new Map<number, Map<number, Listed>>();
  const blocks: Block[] = [];
  for (const [s, ds] of candidates) {
    const S = out.groups[s]!;
    for (const d of ds) {
      const D = inn.groups[d]!;
      if (isExternalGroup(S) && isExternalGroup(D)) continue; // no flow between external addresses
      // Sources by what D's ingress row gives them, destinations by what S's egress row gives them.
      const srcParts = partition(S.nodes, D.row, listedIn(D.row, out.of, candidatesOf.get(d)!, byOutGroup, d).get(s));
      // Most candidates of a large group hold nothing (a default-deny's row): their nodes are never listed.
      if (srcParts.every((p) => p.conn.isEmpty)) continue;
      const dstParts = partition(D.nodes, S.row, listedIn(S.row, inn.of, ds, byInGroup, s).get(d));
      for (const q of srcParts) {
        for (const e of dstParts) {
          const conn = e.conn.intersect(q.conn);
          if (!conn.isEmpty) blocks.push({ src: q.nodes(), dst: e.nodes(), conn });
        }
      }
    }
  }

  // Rectangles with the same connections and one side alike are one rectangle (block-merge.ts).
  const merged = mergeBlocks(blocks);

  // Classes numbered for output: pod classes by first endpoint id, then externals.
  const liveNodes = [...members.keys()].filter(live);
  const podOrder = liveNodes.filter((n) => n < P).sort((a, b) => cmp(members[a]![0]!.id, members[b]![0]!.id));
  const order = [...podOrder, ...liveNodes.filter((n) => n >= P)];
  const index = new Int32Array(r.size).fill(-1);
  order.forEach((n, i) => (index[n] = i));
  const classes: EndpointClass[] = order.map((n) => ({ endpoints: members[n]! }));

  const size = (nodes: readonly number[]) => nodes.reduce((k, n) => k + members[n]!.length, 0);
  const groups: ClassGroup[] = [];
  // Per node, the block whose destinations hold it (marks for the one at hand).
  const inDst = new Int32Array(r.size).fill(-1);
  merged.forEach((b, k) => {
    // A workload's traffic to itself is not a flow: a class on both sides gives up its workloads' own pairs.
    for (const n of b.dst) inDst[n] = k;
    let self = 0;
    for (const n of b.src) if (inDst[n] === k) self += members[n]!.filter((e) => e.type === "workload").length;
    const pairs = size(b.src) * size(b.dst) - self;
    if (pairs === 0) return; // one workload to itself
    // Sorted as numbers, without a comparator: a group of a thousand tenants' Prometheus has thousands.
    const ids = (nodes: number[]) => {
      const out = new Int32Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) out[i] = index[nodes[i]!]!;
      return Array.from(out.sort());
    };
    groups.push({ src: ids(b.src), dst: ids(b.dst), conn: b.conn, pairs });
  });
  const first = (g: readonly number[]) => classes[g[0]!]!.endpoints[0]!.id;
  groups.sort((x, y) => cmp(first(x.src), first(y.src)) || cmp(first(x.dst), first(y.dst)) || cmp(x.conn.toString(), y.conn.toString()));
  return { classes, groups, pairs: groups.reduce((k, g) => k + g.pairs, 0) };
}

/**
 * Per row group, the groups of the other side whose nodes its row lists (`lists`), and per group
 * of the other side, the row groups listing one of its nodes (`by`): each pair once.
 */
function reached(groups: readonly RowGroup[], otherOf: Int32Array, others: number): { lists: number[][]; by: number[][] } {
  const lists: number[][] = [];
  const by: number[][] = Array.from({ length: others }, () => []);
  const seen = new Int32Array(others).fill(-1);
  groups.forEach((g, i) => {
    const mine: number[] = [];
    for (const node of g.row.nodes) {
      const o = otherOf[node]!;
      if (o < 0 || seen[o] === i) continue;
      seen[o] = i;
      mine.push(o);
      by[o]!.push(i);
    }
    lists.push(mine);
  });
  return { lists, by };
}

/** Nodes a row lists, with what it gives each. */
interface Listed {
  readonly nodes: number[];
  readonly conns: ConnSet[];
}

/** The nodes `row` (group `own`'s) lists of each group in `wanted` (always the same for one group). */
function listedIn(row: Row, groupOf: Int32Array, wanted: ReadonlySet<number>, cache: Map<number, Map<number, Listed>>, own: number): Map<number, Listed> {
  let byGroup = cache.get(own);
  if (byGroup === undefined) {
    byGroup = new Map();
    for (let i = 0; i < row.nodes.length; i++) {
      const n = row.nodes[i]!;
      const g = groupOf[n]!;
      if (g < 0 || !wanted.has(g)) continue;
      let l = byGroup.get(g);
      if (!l) byGroup.set(g, (l = { nodes: [], conns: [] }));
      l.nodes.push(n);
      l.conns.push(row.conns[i]!);
    }
    cache.set(own, byGroup);
  }
  return byGroup;
}

/** Nodes of a row group that another row gives `conn`: listed only when a block needs them. */
interface Part {
  readonly conn: ConnSet;
  /** Ascending; the same array on every call. */
  readonly nodes: () => number[];
}

/**
 * The nodes of one row group by the connections another row gives them: the nodes that row lists
 * (`listed`, those of the group), each value apart, and the rest at its fallback. The rest of a
 * group of thousands, minus the few a row lists, is made only for a part that holds a flow.
 */
function partition(nodes: readonly number[], row: Row, listed: Listed | undefined): Part[] {
  if (listed === undefined) return [{ conn: row.fallback, nodes: once(() => [...nodes]) }];
  const parts = new Map<ConnSet, number[]>();
  listed.nodes.forEach((n, i) => {
    const c = listed.conns[i]!;
    const part = parts.get(c);
    if (part) part.push(n);
    else parts.set(c, [n]);
  });
  // Listed nodes are distinct nodes of the group: fewer of them than its nodes leaves a rest.
  const rest = listed.nodes.length < nodes.length;
  const restNodes = () => {
    const named = new Set(listed.nodes);
    return nodes.filter((n) => !named.has(n));
  };
  const out: Part[] = [];
  for (const [conn, part] of parts) {
    // Listed values differ from the fallback (rows drop those that do not), but keep the sets apart anyway.
    if (rest && conn === row.fallback) out.push({ conn, nodes: once(() => [...part, ...restNodes()].sort((a, b) => a - b)) });
    else {
      // A row lists its nodes ascending, so a part is nearly always sorted already.
      if (!ascending(part)) part.sort((a, b) => a - b);
      out.push({ conn, nodes: () => part });
    }
  }
  if (rest && !parts.has(row.fallback)) out.push({ conn: row.fallback, nodes: once(restNodes) });
  return out;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
