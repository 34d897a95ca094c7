// Assertions judged against one revision (DESIGN section 4c), per class rather than per pair:
// which endpoints of each node (pod class or external class) a spec matches is worked out once;
// the connections between two nodes are looked up once for every pair of their endpoints; and
// where a row allows nothing by default (a default-deny policy) only the nodes it lists are
// visited. Pairs are listed only for the violations themselves.
import type { Endpoint } from "../model/endpoint.js";
import { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "../reach/evaluate.js";
import { rowAt, type Row } from "../reach/row.js";
import type { Assertion, AssertionResult, AssertionViolation, EndpointSpec, SpecList } from "./assertion.js";
import { endpointMatcher } from "./match.js";
import { specListText, specText } from "./spec-text.js";
import type { AssertionView } from "./view.js";

/** The endpoints a spec list matches: per node (undefined where none does), and the ingress controller. */
interface Selection {
  readonly byNode: readonly (readonly Endpoint[] | undefined)[];
  /** Nodes with some endpoint matched, ascending. */
  readonly nodes: readonly number[];
  readonly controller: boolean;
  readonly empty: boolean;
  /** The ids of every endpoint matched, the controller aside (made on first use). */
  ids(): ReadonlySet<string>;
}

/** Violations listed per assertion at most; past it they are counted (AssertionResult.total). */
export const MAX_LISTED_VIOLATIONS = 100_000;

export function evaluateAssertions(assertions: readonly Assertion[], view: AssertionView, limit = MAX_LISTED_VIOLATIONS): AssertionResult[] {
  if (assertions.length === 0) return [];
  return assertionJudge(view).evaluate(assertions, limit);
}

export interface AssertionJudge {
  evaluate(assertions: readonly Assertion[], limit?: number): AssertionResult[];
  /** The connections by which one pair (by endpoint ids) breaks an assertion here: NONE when it does not, or either endpoint is not here. */
  violationAt(a: Assertion, src: string, dst: string): ConnSet;
}

/** Assertions judged against one revision: all at once, or one pair at a time. */
export function assertionJudge(view: AssertionView): AssertionJudge {
  const r = view.reach;
  const P = r.universe.podClasses.length;
  const nodeOf = new Map<Endpoint, number>();
  const members: Endpoint[][] = Array.from({ length: r.size }, () => []);
  const byNamespace = new Map<string, Endpoint[]>();
  for (const p of view.pods) {
    const n = view.classOf.get(p.id)!;
    members[n]!.push(p);
    nodeOf.set(p, n);
    const list = byNamespace.get(p.pod.namespace);
    if (list) list.push(p);
    else byNamespace.set(p.pod.namespace, [p]);
  }
  r.universe.externals.forEach((e, i) => {
    members[P + i]!.push(e);
    nodeOf.set(e, P + i);
  });
  const matcher = endpointMatcher(view);
  // Declared workloads by name, in the order of view.pods: a `workload` spec tests those only.
  let byName: Map<string, Endpoint[]> | undefined;
  const workloadsNamed = (name: string): readonly Endpoint[] => {
    if (byName === undefined) {
      byName = new Map();
      for (const p of view.pods) {
        if (p.type !== "workload") continue;
        const list = byName.get(p.pod.name);
        if (list) list.push(p);
        else byName.set(p.pod.name, [p]);
      }
    }
    return byName.get(name) ?? [];
  };
  // The endpoints a spec can match, so that a spec of one namespace tests that namespace's pods only.
  const candidates = (spec: EndpointSpec): readonly Endpoint[] => {
    switch (spec.kind) {
      case "internet":
      case "cidr":
        return r.universe.externals;
      case "any-pod":
        return view.pods;
      case "ingress-controller":
        return [];
      case "pods":
        if (spec.namespace !== undefined) return byNamespace.get(spec.namespace) ?? [];
        if (spec.workload !== undefined) return workloadsNamed(spec.workload);
        if (spec.namespaceLabels !== undefined) {
          const probe: EndpointSpec = { kind: "pods", namespaceLabels: spec.namespaceLabels };
          const out: Endpoint[] = [];
          for (const pods of byNamespace.values()) if (matcher(probe, pods[0]!)) for (const p of pods) out.push(p);
          return out;
        }
        return view.pods;
    }
  };
  // What each spec matches, once per spec: lists share specs ({labels: {tier: front}} in ten of them).
  const specMatches = new Map<string, readonly Endpoint[]>();
  const matchesOf = (spec: EndpointSpec): readonly Endpoint[] => {
    const key = specText(spec);
    let m = specMatches.get(key);
    if (m === undefined) specMatches.set(key, (m = candidates(spec).filter((e) => matcher(spec, e))));
    return m;
  };
  const selections = new Map<string, Selection>();
  const select = (list: SpecList): Selection => {
    const key = specListText(list);
    let s = selections.get(key);
    if (s === undefined) {
      const all = new Set<Endpoint>();
      for (const spec of list) for (const e of matchesOf(spec)) all.add(e);
      selections.set(key, (s = selectionOf(all, nodeOf, r.size, view.controller !== undefined && list.some((x) => matcher(x, view.controller!)))));
    }
    return s;
  };
  /** Every endpoint a spec list does not match (the controller included): the sources of `only`. */
  const others = (list: SpecList): Selection => {
    const key = `!${specListText(list)}`;
    let s = selections.get(key);
    if (s === undefined) {
      const matched = select(list);
      // Node by node: a node none of whose endpoints is matched keeps its member list as it is.
      const byNode = new Array<readonly Endpoint[] | undefined>(r.size);
      const nodes: number[] = [];
      for (let n = 0; n < r.size; n++) {
        const m = members[n]!;
        const taken = matched.byNode[n];
        let rest: readonly Endpoint[] = m;
        if (taken !== undefined) {
          const out = new Set(taken);
          rest = m.filter((e) => !out.has(e));
        }
        if (rest.length === 0) continue;
        byNode[n] = rest;
        nodes.push(n);
      }
      selections.set(key, (s = selectionFrom(byNode, nodes, view.controller !== undefined && !matched.controller)));
    }
    return s;
  };
  const controllerConn = new Map<string, ConnSet>();
  for (const f of view.controllerFlows) controllerConn.set(f.dst.id, (controllerConn.get(f.dst.id) ?? ConnSet.NONE).union(f.conn));
  let byId: Map<string, Endpoint> | undefined;
  return {
    evaluate: (list, limit = MAX_LISTED_VIOLATIONS) => list.map((a) => judge(a, { r, P, view, select, others, controllerConn }, limit)),
    violationAt(a, srcId, dstId) {
      byId ??= new Map([...nodeOf.keys(), ...(view.controller ? [view.controller] : [])].map((e) => [e.id, e]));
      const s = byId.get(srcId);
      const d = byId.get(dstId);
      if (s === undefined || d === undefined || (s === d && s.type === "workload") || (s.type === "external" && d.type === "external")) return ConnSet.NONE;
      const has = (list: SpecList, e: Endpoint) => list.some((x) => matcher(x, e));
      // Made only for a pair the assertion speaks of, and within its ports.
      const conn = () =>
        s.type === "ingress-controller" ? (controllerConn.get(d.id) ?? ConnSet.NONE) : d.type === "ingress-controller" ? ConnSet.NONE : connWithin(r, P, nodeOf.get(s)!, nodeOf.get(d)!, a.ports);
      const within = (c: ConnSet) => (a.ports === null ? c : c.intersect(a.ports));
      switch (a.type) {
        case "deny":
          return has(a.from, s) && has(a.to, d) ? within(conn()) : ConnSet.NONE;
        case "only":
          return !has(a.from, s) && has(a.to, d) ? within(conn()) : ConnSet.NONE;
        case "allow":
          return has(a.from, s) && has(a.to, d) ? a.ports.subtract(conn()) : ConnSet.NONE;
        case "isolated": {
          const pods = s.type !== "external" && s.type !== "ingress-controller" && d.type !== "external" && d.type !== "ingress-controller";
          return pods && s.pod.namespace !== d.pod.namespace && has(a.namespaces, s) && has(a.namespaces, d) ? within(conn()) : ConnSet.NONE;
        }
      }
    },
  };
}

function selectionOf(all: ReadonlySet<Endpoint>, nodeOf: ReadonlyMap<Endpoint, number>, size: number, controller: boolean): Selection {
  const byNode: Endpoint[][] = new Array<Endpoint[]>(size);
  const nodes: number[] = [];
  for (const e of all) {
    const n = nodeOf.get(e)!;
    const list = byNode[n];
    if (list) list.push(e);
    else {
      byNode[n] = [e];
      nodes.push(n);
    }
  }
  nodes.sort((a, b) => a - b);
  return selectionFrom(byNode, nodes, controller);
}

/** `nodes`: ascending, those with some endpoint in `byNode`. */
function selectionFrom(byNode: readonly (readonly Endpoint[] | undefined)[], nodes: readonly number[], controller: boolean): Selection {
  let ids: Set<string> | undefined;
  return {
    byNode,
    nodes,
    controller,
    empty: nodes.length === 0 && !controller,
    ids: () => {
      if (ids === undefined) {
        ids = new Set();
        for (const n of nodes) for (const e of byNode[n]!) ids.add(e.id);
      }
      return ids;
    },
  };
}

interface Context {
  readonly r: Reachability;
  readonly P: number;
  readonly view: AssertionView;
  select(list: SpecList): Selection;
  others(list: SpecList): Selection;
  readonly controllerConn: ReadonlyMap<string, ConnSet>;
}

/**
 * Node pairs (source from `src`, destination from `dst`, never both external) with what each
 * allows within `ports` (null: any), each pair once, the empty ones left out. Walked from the
 * smaller side: where that side's row allows nothing by default, only the nodes it lists are
 * visited, and where it allows nothing within the ports the other side's row is never worked out
 * (rows are made on first use, and a diff has made only those a change touches).
 */
function allowedPairs(
  r: Reachability,
  P: number,
  src: Selection,
  dst: Selection,
  ports: ConnSet | null,
  skip: (a: number, b: number) => boolean,
  visit: (a: number, b: number, conn: ConnSet) => void,
): void {
  const rowOf = (n: number, dir: "ingress" | "egress") => (ports === null ? r.row(n, dir) : r.rowWithin(n, dir, ports));
  // Ties (isolated: the same nodes both ways) go by egress: egress rows are fewer and more often default-deny.
  const byDst = dst.nodes.length < src.nodes.length;
  const [near, far] = byDst ? [dst, src] : [src, dst];
  // The far side's rows, each looked up once: a source no policy isolates meets every far node.
  const farRows = new Array<Row | undefined>(P);
  const farRow = (y: number): Row => (farRows[y] ??= rowOf(y, byDst ? "egress" : "ingress"));
  for (const x of near.nodes) {
    const row = x < P ? rowOf(x, byDst ? "ingress" : "egress") : undefined;
    const each = (y: number) => {
      if ((x >= P && y >= P) || (byDst ? skip(y, x) : skip(x, y))) return;
      // This side's half first: the other's row is made only when this one lets something through.
      const mine = row === undefined ? ConnSet.ALL : rowAt(row, y);
      if (mine.isEmpty) return;
      let c: ConnSet;
      if (ports === null) c = byDst ? r.conn(y, x) : r.conn(x, y);
      else {
        const theirs = y < P ? rowAt(farRow(y), x) : ConnSet.ALL;
        c = theirs.isAll || mine === theirs ? mine : theirs.isEmpty || mine.isAll ? theirs : mine.intersect(theirs);
      }
      if (!c.isEmpty) visit(byDst ? y : x, byDst ? x : y, c);
    };
    // Nothing by default within the ports (a default deny, or one that admits other ports): only the listed nodes.
    if (row !== undefined && row.fallback.isEmpty) {
      for (const y of row.nodes) if (far.byNode[y] !== undefined) each(y);
    } else for (const y of far.nodes) each(y);
  }
}

/**
 * What node `s` may open to node `d` (not both external) within `ports` (null: any), from rows
 * within those ports: rules that say nothing of them are never looked at, nor rows past them made.
 */
function connWithin(r: Reachability, P: number, s: number, d: number, ports: ConnSet | null): ConnSet {
  if (ports === null) return r.conn(s, d);
  const out = s < P ? rowAt(r.rowWithin(s, "egress", ports), d) : null;
  if (out !== null && out.isEmpty) return out;
  const inn = d < P ? rowAt(r.rowWithin(d, "ingress", ports), s) : null;
  if (out === null) return inn ?? ConnSet.ALL;
  if (inn === null || out === inn || inn.isAll) return out;
  return inn.isEmpty || out.isAll ? inn : out.intersect(inn);
}

function judge(a: Assertion, c: Context, limit: number): AssertionResult {
  const { r, P, view } = c;
  const lists: [string, SpecList][] = a.type === "isolated" ? [["namespaces", a.namespaces]] : [["from", a.from], ["to", a.to]];
  const notes = lists.filter(([, l]) => c.select(l).empty).map(([role, l]) => `${role} ${specListText(l)} matches nothing in this revision`);
  if (notes.length > 0) return { assertion: a, status: "no-match", violations: [], notes };
  const out: AssertionViolation[] = [];
  let unlisted = 0;
  const within = (conn: ConnSet) => (a.ports === null ? conn : conn.intersect(a.ports));
  const add = (v: AssertionViolation) => {
    if (out.length < limit) out.push(v);
    else unlisted++;
  };
  const push = (srcs: readonly Endpoint[], dsts: readonly Endpoint[], conn: ConnSet) => {
    for (const s of srcs) {
      if (out.length >= limit) {
        // Past the limit: counted, not made.
        unlisted += dsts.length - (s.type === "workload" && dsts.includes(s) ? 1 : 0);
        continue;
      }
      for (const d of dsts) if (!(s === d && s.type === "workload")) add({ src: s.id, dst: d.id, conn });
    }
  };
  const controller = view.controller;

  if (a.type === "deny" || a.type === "only" || a.type === "isolated") {
    const from = a.type === "deny" ? c.select(a.from) : a.type === "only" ? c.others(a.from) : c.select(a.namespaces);
    const to = a.type === "isolated" ? from : c.select(a.to);
    const namespace = (n: number) => r.universe.podClasses[n]?.namespace;
    // A pod class is of one namespace; isolated speaks of pods of two.
    const skip = a.type === "isolated" ? (s: number, d: number) => s >= P || d >= P || namespace(s) === namespace(d) : () => false;
    allowedPairs(r, P, from, to, a.ports, skip, (s, d, conn) => push(from.byNode[s]!, to.byNode[d]!, conn));
    if (a.type !== "isolated" && from.controller && controller !== undefined) {
      for (const [dst, conn] of c.controllerConn) {
        const part = within(conn);
        if (!part.isEmpty && to.ids().has(dst)) add({ src: controller.id, dst, conn: part });
      }
    }
  } else {
    // allow: every pair from `from` to `to`, allowed or not.
    const from = c.select(a.from);
    const to = c.select(a.to);
    for (const s of from.nodes) {
      for (const d of to.nodes) {
        if (s >= P && d >= P) continue;
        const missing = a.ports.subtract(connWithin(r, P, s, d, a.ports));
        if (!missing.isEmpty) push(from.byNode[s]!, to.byNode[d]!, missing);
      }
    }
    if (from.controller && controller !== undefined) {
      for (const d of to.nodes) {
        for (const e of to.byNode[d]!) {
          const missing = a.ports.subtract(c.controllerConn.get(e.id) ?? ConnSet.NONE);
          if (!missing.isEmpty) add({ src: controller.id, dst: e.id, conn: missing });
        }
      }
    }
  }
  out.sort((x, y) => cmp(x.src, y.src) || cmp(x.dst, y.dst));
  return { assertion: a, status: out.length > 0 ? "failed" : "passed", violations: out, ...(unlisted > 0 ? { total: out.length + unlisted } : {}), notes: [] };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
