// Assertions judged against one revision (DESIGN section 4c), per class rather than per pair:
// which endpoints of each class a spec matches is worked out once, each group of the class view
// (pairs allowed the same connections) is judged at once, and pairs are listed only for the
// violations themselves.
import type { Endpoint } from "../model/endpoint.js";
import { ConnSet } from "../net/conn-set.js";
import type { Assertion, AssertionResult, AssertionViolation, SpecList } from "./assertion.js";
import { endpointMatcher, type EndpointMatcher } from "./match.js";
import { specListText } from "./spec-text.js";
import type { AssertionView } from "./view.js";

/** The endpoints a spec list matches: per class (undefined where none does), and the ingress controller. */
interface Selection {
  readonly byClass: readonly (readonly Endpoint[] | undefined)[];
  readonly controller: boolean;
  readonly empty: boolean;
  /** Every endpoint matched, the controller aside. */
  readonly all: ReadonlySet<Endpoint>;
  readonly ids: ReadonlySet<string>;
}

export function evaluateAssertions(assertions: readonly Assertion[], view: AssertionView): AssertionResult[] {
  if (assertions.length === 0) return [];
  const matcher = endpointMatcher(view);
  const selections = new Map<string, Selection>();
  const select = (list: SpecList): Selection => {
    const key = specListText(list);
    let s = selections.get(key);
    if (s === undefined) selections.set(key, (s = selectionOf(list, view, matcher)));
    return s;
  };
  const controllerConn = new Map<string, ConnSet>();
  for (const f of view.controllerFlows) controllerConn.set(f.dst.id, (controllerConn.get(f.dst.id) ?? ConnSet.NONE).union(f.conn));
  return assertions.map((a) => judge(a, view, select, controllerConn));
}

function selectionOf(list: SpecList, view: AssertionView, matches: EndpointMatcher): Selection {
  let empty = true;
  const byClass = view.classes.classes.map((c) => {
    const hit = c.endpoints.filter((e) => list.some((s) => matches(s, e)));
    if (hit.length === 0) return undefined;
    empty = false;
    return hit;
  });
  const controller = view.controller !== undefined && list.some((s) => matches(s, view.controller!));
  const all = new Set(byClass.flatMap((hit) => hit ?? []));
  return { byClass, controller, empty: empty && !controller, all, ids: new Set([...all].map((e) => e.id)) };
}

function judge(a: Assertion, view: AssertionView, select: (l: SpecList) => Selection, controllerConn: ReadonlyMap<string, ConnSet>): AssertionResult {
  const lists: [string, SpecList][] = a.type === "isolated" ? [["namespaces", a.namespaces]] : [["from", a.from], ["to", a.to]];
  const notes = lists.filter(([, l]) => select(l).empty).map(([role, l]) => `${role} ${specListText(l)} matches nothing in this revision`);
  if (notes.length > 0) return { assertion: a, status: "no-match", violations: [], notes };
  const out: AssertionViolation[] = [];
  const { classes, groups } = view.classes;
  const within = (conn: ConnSet) => (a.ports === null ? conn : conn.intersect(a.ports));
  const push = (srcs: readonly Endpoint[], dsts: readonly Endpoint[], conn: ConnSet, keep: (s: Endpoint, d: Endpoint) => boolean = () => true) => {
    for (const s of srcs) for (const d of dsts) if (!(s === d && s.type === "workload") && keep(s, d)) out.push({ src: s.id, dst: d.id, conn });
  };
  const pick = (ids: readonly number[], sel: Selection) => ids.flatMap((c) => sel.byClass[c] ?? []);
  const isExternal = (c: number) => classes[c]!.endpoints[0]!.type === "external";

  if (a.type === "deny" || a.type === "only") {
    const from = select(a.from);
    const to = select(a.to);
    // `only`: the sources are every endpoint `from` does not match.
    const sources =
      a.type === "deny"
        ? (ids: readonly number[]) => pick(ids, from)
        : (ids: readonly number[]) => ids.flatMap((c) => (from.byClass[c] === undefined ? classes[c]!.endpoints : classes[c]!.endpoints.filter((e) => !from.all.has(e))));
    for (const g of groups) {
      const conn = within(g.conn);
      if (conn.isEmpty || !g.dst.some((c) => to.byClass[c] !== undefined)) continue;
      const srcs = sources(g.src);
      if (srcs.length > 0) push(srcs, pick(g.dst, to), conn);
    }
    const controllerIsSource = a.type === "deny" ? from.controller : !from.controller;
    if (controllerIsSource && view.controller !== undefined) {
      for (const [dst, c] of controllerConn) {
        const conn = within(c);
        if (!conn.isEmpty && to.ids.has(dst)) out.push({ src: view.controller.id, dst, conn });
      }
    }
  } else if (a.type === "isolated") {
    const pods = select(a.namespaces);
    const nsOf = (c: number) => (classes[c]!.endpoints[0] as { pod?: { namespace: string } }).pod?.namespace;
    for (const g of groups) {
      const conn = within(g.conn);
      if (conn.isEmpty) continue;
      const srcs = g.src.filter((c) => pods.byClass[c] !== undefined);
      if (srcs.length === 0) continue;
      const dsts = g.dst.filter((c) => pods.byClass[c] !== undefined);
      for (const s of srcs) for (const d of dsts) if (nsOf(s) !== nsOf(d)) push(pods.byClass[s]!, pods.byClass[d]!, conn);
    }
  } else {
    // allow: every pair from `from` to `to`, allowed or not, so per class pair.
    const from = select(a.from);
    const to = select(a.to);
    const n = classes.length;
    const allowed = new Map<number, ConnSet>();
    for (const g of groups) {
      const srcs = g.src.filter((c) => from.byClass[c] !== undefined);
      if (srcs.length === 0) continue;
      const dsts = g.dst.filter((c) => to.byClass[c] !== undefined);
      for (const s of srcs) for (const d of dsts) allowed.set(s * n + d, g.conn);
    }
    const fromClasses = [...from.byClass.keys()].filter((c) => from.byClass[c] !== undefined);
    const toClasses = [...to.byClass.keys()].filter((c) => to.byClass[c] !== undefined);
    for (const s of fromClasses) {
      for (const d of toClasses) {
        if (isExternal(s) && isExternal(d)) continue;
        const missing = a.ports.subtract(allowed.get(s * n + d) ?? ConnSet.NONE);
        if (!missing.isEmpty) push(from.byClass[s]!, to.byClass[d]!, missing);
      }
    }
    if (from.controller && view.controller !== undefined) {
      for (const d of toClasses) {
        for (const e of to.byClass[d]!) {
          const missing = a.ports.subtract(controllerConn.get(e.id) ?? ConnSet.NONE);
          if (!missing.isEmpty) out.push({ src: view.controller.id, dst: e.id, conn: missing });
        }
      }
    }
  }
  out.sort((x, y) => cmp(x.src, y.src) || cmp(x.dst, y.dst));
  return { assertion: a, status: out.length > 0 ? "failed" : "passed", violations: out, notes: [] };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
