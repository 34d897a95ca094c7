// Changes grouped for people. The JSON report keeps every pair; a reviewer reads groups:
// "any source -> every pod in `backend`: all connections closed" instead of hundreds of rows.
//
// Each change is split into its opened part and its closed part. Parts that agree on everything a
// reader sees (the kind of change, the connections, the reasons, the gate rules they break) are
// grouped: first the sources of each destination are collapsed into one set, then destinations
// with the same source set are collapsed. Endpoint sets are then described against the report's
// universe: "every pod in `backend`" only when it is exactly every pod of that namespace.
import type { DiffReport } from "../analyze.js";
import type { Change, ChangeType, Reason } from "../diff/change.js";
import type { Violation } from "../gate/gate.js";
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import { countAddresses } from "../net/ip.js";

export type Facet = "opened" | "closed";

/** One compact term of an endpoint set's description. */
export type SetTerm =
  /**
   * Every endpoint of the universe, pods and external addresses, but `except`. `declaredOnly`:
   * the pods are declared workloads only (no representative stands for pods not declared), so the
   * words must not say "any pod".
   */
  | { readonly kind: "everything"; readonly except: readonly Endpoint[]; readonly declaredOnly: boolean }
  /** Every pod endpoint but `except`. */
  | { readonly kind: "all-pods"; readonly except: readonly Endpoint[]; readonly declaredOnly: boolean }
  /** Every pod endpoint of one namespace (that has several, or a synthetic one) but `except`. */
  | { readonly kind: "namespace"; readonly namespace: string; readonly except: readonly Endpoint[]; readonly declaredOnly: boolean }
  /** Every external address class. */
  | { readonly kind: "all-externals" }
  | { readonly kind: "endpoint"; readonly endpoint: Endpoint };

/** At most this many exceptions in "every pod in `N` except ...". */
const MAX_EXCEPT = 2;
/** Up to this many declared workloads of a namespace are named rather than described. */
const MAX_NAMED = 5;

export interface EndpointSet {
  /** The members, in universe order. */
  readonly endpoints: readonly Endpoint[];
  /** A compact description of exactly these members. */
  readonly terms: readonly SetTerm[];
}

export interface GateHit {
  readonly rule: Violation["rule"];
  /** The part of the group's connections that breaks the rule. */
  readonly conn: ConnSet;
}

export interface FlowGroup {
  readonly facet: Facet;
  /** The type shared by the group's changes (added: nothing before; removed: nothing after). */
  readonly type: ChangeType;
  readonly endpoint: Change["endpoint"];
  /** What opened (facet "opened") or closed (facet "closed") on each pair of the group. */
  readonly conn: ConnSet;
  /** The reasons that explain this facet (see `facetReasons`). */
  readonly reasons: readonly Reason[];
  /** Gate rules the group breaks (opened groups only); empty when it breaks none. */
  readonly gate: readonly GateHit[];
  /**
   * The group is every pair sources x destinations, except a declared workload to itself (never
   * reported). Sources may name a destination for that reason.
   */
  readonly sources: EndpointSet;
  readonly destinations: EndpointSet;
  /** The pairs, in report order. */
  readonly changes: readonly Change[];
}

export interface Grouping {
  /** Gate-breaking groups first, then in report order. */
  readonly opened: readonly FlowGroup[];
  readonly closed: readonly FlowGroup[];
  /** The opened groups that break a gate rule: the violations as a reader counts them. */
  readonly violating: readonly FlowGroup[];
  /** Pairs with something opened / closed. */
  readonly openedFlows: number;
  readonly closedFlows: number;
}

/**
 * The reasons that explain one facet of a change:
 * - opened: rules on head that allow it, policies on base that isolated it and no longer do;
 * - closed: policies on head that now isolate it, rules on base that allowed it.
 */
export function facetReasons(c: Change, facet: Facet): Reason[] {
  return c.why.filter((r) => reasonFacet(r) === facet);
}

function reasonFacet(r: Reason): Facet {
  switch (r.effect) {
    case "allows":
    case "passes":
      return r.side === "head" ? "opened" : "closed";
    case "isolates":
    case "denies":
      return r.side === "head" ? "closed" : "opened";
  }
}

/** Looks endpoints up in the report's universe, to describe sets of them truthfully. */
export class UniverseIndex {
  private readonly order = new Map<string, number>();
  private readonly byId = new Map<string, Endpoint>();
  private readonly podsPerNs = new Map<string, Endpoint[]>();
  /** How many addresses the universe's external classes hold: the whole space of each family used. */
  private readonly externalSize: bigint;
  /** Whether some representative stands for pods not declared. */
  private readonly anySynthetic: boolean;
  /** Every endpoint but external addresses (pods and the ingress controller), and every pod (by namespace). */
  private readonly nonExternal: Endpoint[] = [];
  private readonly nonExternalIds = new Set<string>();
  private readonly pods: Endpoint[];
  private readonly podIds: Set<string>;

  constructor(readonly universe: readonly Endpoint[], extra: readonly Endpoint[] = []) {
    this.externalSize = addressCount(universe);
    this.anySynthetic = universe.some((e) => e.type === "synthetic");
    for (const e of [...universe, ...extra]) {
      if (this.byId.has(e.id)) continue;
      this.order.set(e.id, this.order.size);
      this.byId.set(e.id, e);
      if (e.type !== "external") {
        this.nonExternal.push(e);
        this.nonExternalIds.add(e.id);
      }
      if (e.type !== "external" && e.type !== "ingress-controller") {
        const list = this.podsPerNs.get(e.pod.namespace) ?? [];
        list.push(e);
        this.podsPerNs.set(e.pod.namespace, list);
      }
    }
    this.pods = [...this.podsPerNs.values()].flat();
    this.podIds = new Set(this.pods.map((e) => e.id));
  }

  indexOf(e: Endpoint): number {
    return this.order.get(e.id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Sorts in universe order, drops duplicates (by id). */
  normalize(endpoints: Iterable<Endpoint>): Endpoint[] {
    const seen = new Map<string, Endpoint>();
    for (const e of endpoints) if (!seen.has(e.id)) seen.set(e.id, e);
    return [...seen.values()].sort((a, b) => this.indexOf(a) - this.indexOf(b) || cmp(a.id, b.id));
  }

  /** The set and its compact description. */
  describe(endpoints: Iterable<Endpoint>): EndpointSet {
    const members = this.normalize(endpoints);
    return { endpoints: members, terms: this.terms(members) };
  }

  /** The shortest of: the universe but a few; a term per namespace, pods and externals. */
  private terms(members: readonly Endpoint[]): SetTerm[] {
    const inSet = new Set(members.map((e) => e.id));
    // Externals are described by the addresses they cover (a change names merged ranges, the
    // universe the analysis' classes): "every external address" when they cover them all.
    const allExternals = this.externalSize > 0n && addressCount(members) === this.externalSize;
    const missing = fewMissing(this.nonExternal, this.nonExternalIds, inSet);
    const declaredOnly = !this.anySynthetic;
    if (missing?.length === 0 && allExternals) return [{ kind: "everything", except: [], declaredOnly }];
    const parts = this.partTerms(members, inSet, allExternals);
    // "everything except" only names pods left out, so it needs every external address.
    if (allExternals && missing !== null && members.length > 2 * missing.length && cost(parts) > 1 + missing.length) {
      return [{ kind: "everything", except: missing, declaredOnly }];
    }
    return parts;
  }

  private partTerms(members: readonly Endpoint[], inSet: ReadonlySet<string>, allExternals: boolean): SetTerm[] {
    const pods = members.filter((e): e is PodEndpoint => e.type !== "external");
    const exts = members.filter((e) => e.type === "external");
    const out: SetTerm[] = [];
    const allPods = this.pods;
    const podsMissing = fewMissing(allPods, this.podIds, inSet);
    const perNs = new Map<string, Endpoint[]>();
    for (const e of pods) perNs.set(e.pod.namespace, [...(perNs.get(e.pod.namespace) ?? []), e]);
    const nsTerms: SetTerm[] = [];
    for (const [ns, list] of perNs) {
      const all = this.podsPerNs.get(ns) ?? [];
      const except = all.filter((e) => !inSet.has(e.id));
      // Representative namespaces ("[*]", "[team=x]") are not namespaces one can name: list them.
      const real = !ns.startsWith("[");
      // One workload is better named than "every pod in": it says which. Declared workloads only:
      // a few are named ("`a`, `b` and `c`" says more than "every declared workload in N except d").
      const declaredOnly = all.every((e) => e.type === "workload");
      const whole = real && except.length === 0 && (all.length > 1 || all[0]?.type === "synthetic");
      const most =
        real && except.length > 0 && except.length <= MAX_EXCEPT && list.length > 2 * except.length && list.length > 1 + except.length && (!declaredOnly || list.length > MAX_NAMED);
      if (whole || most) nsTerms.push({ kind: "namespace", namespace: ns, except, declaredOnly });
      else for (const e of list) nsTerms.push({ kind: "endpoint", endpoint: e });
    }
    const podsWhole = allPods.length > 1 && podsMissing?.length === 0;
    const podsMost = podsMissing !== null && podsMissing.length > 0 && pods.length > 2 * podsMissing.length && (this.anySynthetic || pods.length > MAX_NAMED);
    if (podsMissing !== null && (podsWhole || (podsMost && cost(nsTerms) > 1 + podsMissing.length))) out.push({ kind: "all-pods", except: podsMissing, declaredOnly: !this.anySynthetic });
    else out.push(...nsTerms);
    if (allExternals) out.push({ kind: "all-externals" });
    else for (const e of exts) out.push({ kind: "endpoint", endpoint: e });
    return out;
  }
}

/**
 * The endpoints of `all` not in the set, when at most MAX_EXCEPT (the most a description names);
 * null when more. Counted first, so a set is described in time of its size, not the universe's:
 * a reach of thousands of groups over thousands of workloads describes each.
 */
function fewMissing(all: readonly Endpoint[], allIds: ReadonlySet<string>, inSet: ReadonlySet<string>): Endpoint[] | null {
  // `all` holds distinct ids; members may hold ids outside it.
  let present = 0;
  for (const id of inSet) if (allIds.has(id)) present++;
  if (all.length - present > MAX_EXCEPT) return null;
  return all.filter((e) => !inSet.has(e.id));
}

/** Addresses covered by the external endpoints among `endpoints` (overlaps counted once). */
function addressCount(endpoints: readonly Endpoint[]): bigint {
  return countAddresses(endpoints.flatMap((e) => (e.type === "external" ? e.ranges : [])));
}

/** How long a description reads: one per term and per exception. */
function cost(terms: readonly SetTerm[]): number {
  return terms.reduce((n, t) => n + 1 + ("except" in t ? t.except.length : 0), 0);
}

/** The gate violations of each change (same objects as in `report.changes`). */
function violationsByChange(violations: readonly Violation[]): Map<Change, Violation[]> {
  const out = new Map<Change, Violation[]>();
  for (const v of violations) {
    const list = out.get(v.change) ?? [];
    list.push(v);
    out.set(v.change, list);
  }
  return out;
}

interface Part {
  readonly change: Change;
  readonly index: number;
  readonly conn: ConnSet;
  readonly reasons: readonly Reason[];
  readonly gate: readonly GateHit[];
}

export function groupChanges(report: Pick<DiffReport, "changes" | "universe" | "gate" | "endpoints">): Grouping {
  const index = new UniverseIndex(report.universe, report.endpoints);
  const violations = violationsByChange(report.gate.violations);
  const buckets: Record<Facet, Map<string, Part[]>> = { opened: new Map(), closed: new Map() };
  let openedFlows = 0;
  let closedFlows = 0;
  report.changes.forEach((c, i) => {
    // The ingress controller's flows are exposures: shown with the objects that carry them, apart.
    if (c.src.type === "ingress-controller") return;
    for (const facet of ["opened", "closed"] as const) {
      const conn = facet === "opened" ? c.opened : c.closed;
      if (conn.isEmpty) continue;
      if (facet === "opened") openedFlows++;
      else closedFlows++;
      const reasons = facetReasons(c, facet);
      const gate: GateHit[] = facet === "opened" ? (violations.get(c) ?? []).map((v) => ({ rule: v.rule, conn: v.conn })) : [];
      const key = JSON.stringify([
        c.type,
        c.endpoint,
        conn.toString(),
        reasons.map((r) => JSON.stringify(r)).sort(),
        gate.map((g) => `${g.rule} ${g.conn.toString()}`).sort(),
      ]);
      const list = buckets[facet].get(key) ?? [];
      list.push({ change: c, index: i, conn, reasons, gate });
      buckets[facet].set(key, list);
    }
  });
  const build = (facet: Facet) =>
    [...buckets[facet].values()]
      .flatMap((parts) => collapse(facet, parts, index))
      .sort((a, b) => Number(b.group.gate.length > 0) - Number(a.group.gate.length > 0) || a.first - b.first)
      .map((g) => g.group);
  const opened = build("opened");
  return { opened, closed: build("closed"), violating: opened.filter((g) => g.gate.length > 0), openedFlows, closedFlows };
}

/** Pairs that share everything but their endpoints -> rectangles sources x destinations. */
function collapse(facet: Facet, parts: readonly Part[], index: UniverseIndex): { group: FlowGroup; first: number }[] {
  const first = parts[0]!;
  return rectangles(parts, index).map((r) => {
    const sorted = [...r.parts].sort((a, b) => a.index - b.index);
    const [srcs, dsts] = displaySets(r.srcs, r.dsts, index);
    return {
      first: sorted[0]!.index,
      group: {
        facet,
        type: first.change.type,
        endpoint: first.change.endpoint,
        conn: first.conn,
        reasons: first.reasons,
        gate: first.gate,
        sources: srcs,
        destinations: dsts,
        changes: sorted.map((p) => p.change),
      },
    };
  });
}

interface Rectangle {
  readonly srcs: Endpoint[];
  readonly dsts: Endpoint[];
  readonly parts: Part[];
}

/**
 * Sources per destination, then destinations per source set.
 *
 * A declared workload's flow to itself is never reported, so a destination workload may count as
 * one of its own sources or not: each takes whichever of its two source sets more destinations
 * share. With it, a namespace-wide default-deny is "any source -> every pod in N"; without it,
 * "a -> b, c, d" stays one group. Either way the rectangle claims exactly the group's pairs.
 */
function rectangles(parts: readonly Part[], index: UniverseIndex): Rectangle[] {
  const perDst = new Map<string, { dst: Endpoint; srcs: Map<string, Endpoint>; parts: Part[] }>();
  for (const p of parts) {
    const d = p.change.dst;
    let entry = perDst.get(d.id);
    if (!entry) {
      entry = { dst: d, srcs: new Map(), parts: [] };
      perDst.set(d.id, entry);
    }
    entry.srcs.set(p.change.src.id, p.change.src);
    entry.parts.push(p);
  }
  const keyOf = (srcs: Iterable<Endpoint>) => {
    const list = index.normalize(srcs);
    return { list, key: list.map((e) => e.id).join("\n") };
  };
  const options = [...perDst.values()].map((entry) => {
    const plain = keyOf(entry.srcs.values());
    const padded = entry.dst.type === "workload" && !entry.srcs.has(entry.dst.id) ? keyOf([...entry.srcs.values(), entry.dst]) : null;
    return { entry, plain, padded };
  });
  const takers = new Map<string, number>();
  for (const o of options) for (const k of [o.plain, o.padded]) if (k) takers.set(k.key, (takers.get(k.key) ?? 0) + 1);
  const perSrcSet = new Map<string, Rectangle>();
  for (const { entry, plain, padded } of options) {
    const pick = padded && takers.get(padded.key)! > takers.get(plain.key)! ? padded : plain;
    let r = perSrcSet.get(pick.key);
    if (!r) {
      r = { srcs: pick.list, dsts: [], parts: [] };
      perSrcSet.set(pick.key, r);
    }
    r.dsts.push(entry.dst);
    r.parts.push(...entry.parts);
  }
  return [...perSrcSet.values()];
}

/**
 * The sets as shown. A rectangle means every pair but a workload to itself, so with a single
 * destination workload the sources may name it or not (likewise a single source among the
 * destinations): whichever reads shorter, without it on a tie.
 */
export function displaySets(srcs: readonly Endpoint[], dsts: readonly Endpoint[], index: UniverseIndex): [EndpointSet, EndpointSet] {
  const shorter = (set: readonly Endpoint[], self: Endpoint): EndpointSet => {
    const without = index.describe(set.filter((e) => e.id !== self.id));
    const withSelf = index.describe([...set, self]);
    return cost(withSelf.terms) < cost(without.terms) ? withSelf : without;
  };
  const only = (set: readonly Endpoint[]) => (set.length === 1 && set[0]!.type === "workload" ? set[0]! : undefined);
  const d = only(dsts);
  const s = d ? shorter(srcs, d) : index.describe(srcs);
  const single = s.endpoints.length === 1 && s.endpoints[0]!.type === "workload" ? s.endpoints[0]! : undefined;
  return [s, single ? shorter(dsts, single) : index.describe(dsts)];
}

/**
 * Which direction an isolating policy isolates, read off the pairs it explains: a policy isolates
 * the pods of its own namespace, so toward an external address or another namespace it can only
 * be the source's egress (or the destination's ingress). Null when the pairs cannot tell (both
 * ends in the policy's namespace): the report does not carry the direction.
 */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
