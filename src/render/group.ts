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
import type { Direction } from "../model/policy.js";
import type { ConnSet } from "../net/conn-set.js";

export type Facet = "opened" | "closed";

/** One compact term of an endpoint set's description. */
export type SetTerm =
  /** Every endpoint of the universe, pods and external addresses. */
  | { readonly kind: "everything" }
  /** Every pod endpoint, no external address. */
  | { readonly kind: "all-pods" }
  /** Every pod endpoint of one namespace (that has several, or a synthetic one). */
  | { readonly kind: "namespace"; readonly namespace: string; readonly count: number }
  /** Every external address class. */
  | { readonly kind: "all-externals" }
  | { readonly kind: "endpoint"; readonly endpoint: Endpoint };

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
  private readonly pods: number;
  private readonly externals: number;

  constructor(readonly universe: readonly Endpoint[], extra: readonly Endpoint[] = []) {
    let pods = 0;
    let externals = 0;
    for (const e of [...universe, ...extra]) {
      if (this.byId.has(e.id)) continue;
      this.order.set(e.id, this.order.size);
      this.byId.set(e.id, e);
      if (e.type === "external") externals++;
      else {
        pods++;
        const list = this.podsPerNs.get(e.pod.namespace) ?? [];
        list.push(e);
        this.podsPerNs.set(e.pod.namespace, list);
      }
    }
    this.pods = pods;
    this.externals = externals;
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

  private terms(members: readonly Endpoint[]): SetTerm[] {
    const pods = members.filter((e): e is PodEndpoint => e.type !== "external");
    const exts = members.filter((e) => e.type === "external");
    const allPods = this.pods > 0 && pods.length === this.pods && pods.every((e) => this.byId.has(e.id));
    const allExts = this.externals > 0 && exts.length === this.externals && exts.every((e) => this.byId.has(e.id));
    if (allPods && allExts) return [{ kind: "everything" }];
    const out: SetTerm[] = [];
    if (allPods && pods.length > 1) out.push({ kind: "all-pods" });
    else {
      const perNs = new Map<string, Endpoint[]>();
      for (const e of pods) {
        const ns = e.pod.namespace;
        const list = perNs.get(ns) ?? [];
        list.push(e);
        perNs.set(ns, list);
      }
      for (const [ns, list] of perNs) {
        const all = this.podsPerNs.get(ns) ?? [];
        const whole = list.length === all.length && list.every((e) => this.byId.has(e.id));
        // One workload is better named than "every pod in": it says which; a synthetic pod
        // already stands for many.
        if (whole && (all.length > 1 || all[0]?.type === "synthetic")) out.push({ kind: "namespace", namespace: ns, count: list.length });
        else for (const e of list) out.push({ kind: "endpoint", endpoint: e });
      }
    }
    if (allExts && exts.length > 1) out.push({ kind: "all-externals" });
    else for (const e of exts) out.push({ kind: "endpoint", endpoint: e });
    return out;
  }
}

/** Where a set of endpoints stands in a sentence. */
export type Role = "source" | "destination" | "subject";

/**
 * Words for a term. `code` formats a name (an id or a namespace) for the output at hand:
 * `mdCode` for Markdown, plain quoting for a terminal.
 */
export function termWords(t: SetTerm, role: Role, code: (name: string) => string): string {
  switch (t.kind) {
    case "everything":
      return role === "source" ? "any source" : role === "destination" ? "any destination" : "everything";
    case "all-pods":
      return role === "source" ? "any pod" : "every pod";
    case "namespace":
      return role === "source" ? `any pod in ${code(t.namespace)}` : role === "destination" ? `every pod in ${code(t.namespace)}` : `pods in ${code(t.namespace)}`;
    case "all-externals":
      return "any external address";
    case "endpoint":
      return code(t.endpoint.id);
  }
}

/** "any pod in `frontend`, `backend/api[Deployment]` and 3 more" — at most `max` terms named. */
export function setWords(s: EndpointSet, role: Role, code: (name: string) => string, max = 5): string {
  const shown = s.terms.length > max ? s.terms.slice(0, max - 1) : s.terms;
  const words = shown.map((t) => termWords(t, role, code));
  const rest = s.terms.length - shown.length;
  if (rest > 0) return `${words.join(", ")} and ${rest} more`;
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
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
  return { opened: build("opened"), closed: build("closed"), openedFlows, closedFlows };
}

/** Pairs that share everything but their endpoints -> rectangles sources x destinations. */
function collapse(facet: Facet, parts: readonly Part[], index: UniverseIndex): { group: FlowGroup; first: number }[] {
  // Sources of each destination. A declared workload's flow to itself is never reported, so a
  // destination counts as one of its own sources: that lets "any source -> every pod in N" hold.
  const perDst = new Map<string, { dst: Endpoint; srcs: Map<string, Endpoint>; parts: Part[] }>();
  for (const p of parts) {
    const d = p.change.dst;
    let entry = perDst.get(d.id);
    if (!entry) {
      entry = { dst: d, srcs: new Map(d.type === "workload" ? [[d.id, d]] : []), parts: [] };
      perDst.set(d.id, entry);
    }
    entry.srcs.set(p.change.src.id, p.change.src);
    entry.parts.push(p);
  }
  const perSrcSet = new Map<string, { srcs: Map<string, Endpoint>; dsts: Endpoint[]; parts: Part[] }>();
  for (const entry of perDst.values()) {
    const key = index
      .normalize(entry.srcs.values())
      .map((e) => e.id)
      .join("\n");
    let g = perSrcSet.get(key);
    if (!g) {
      g = { srcs: entry.srcs, dsts: [], parts: [] };
      perSrcSet.set(key, g);
    }
    g.dsts.push(entry.dst);
    g.parts.push(...entry.parts);
  }
  const first = parts[0]!;
  return [...perSrcSet.values()].map((g) => {
    const srcs = [...g.srcs.values()];
    // With one destination, the padding above would only name it as its own source.
    const shownSrcs = g.dsts.length === 1 && g.dsts[0]!.type === "workload" ? srcs.filter((s) => s.id !== g.dsts[0]!.id) : srcs;
    const sorted = [...g.parts].sort((a, b) => a.index - b.index);
    return {
      first: sorted[0]!.index,
      group: {
        facet,
        type: first.change.type,
        endpoint: first.change.endpoint,
        conn: first.conn,
        reasons: first.reasons,
        gate: first.gate,
        sources: index.describe(shownSrcs),
        destinations: index.describe(g.dsts),
        changes: sorted.map((p) => p.change),
      },
    };
  });
}

/**
 * Which direction an isolating policy isolates, read off the pairs it explains: a policy isolates
 * the pods of its own namespace, so toward an external address or another namespace it can only
 * be the source's egress (or the destination's ingress). Null when the pairs cannot tell (both
 * ends in the policy's namespace): the report does not carry the direction.
 */
export function isolatedDirection(r: Reason, changes: readonly Change[]): Direction | null {
  const slash = r.policy.indexOf("/");
  const ns = slash < 0 ? r.policy : r.policy.slice(0, slash);
  const nsOf = (e: Endpoint) => (e.type === "external" ? null : e.pod.namespace);
  for (const c of changes) {
    const s = nsOf(c.src);
    const d = nsOf(c.dst);
    const egress = s === ns;
    const ingress = d === ns;
    if (egress && !ingress) return "egress";
    if (ingress && !egress) return "ingress";
  }
  return null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
