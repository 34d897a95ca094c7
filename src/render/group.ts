// Changes grouped for people. The JSON report keeps every pair; a reviewer reads groups:
// "any source -> every pod in `backend`: all connections closed" instead of hundreds of rows.
//
// Each change is split into its opened part and its closed part. Parts that agree on everything a
// reader sees (the kind of change, the connections, the reasons, the gate rules they break) are
// grouped: first the sources of each destination are collapsed into one set, then destinations
// with the same source set are collapsed. Endpoint sets are then described against the report's
// universe: "every pod in `backend`" only when it is exactly every pod of that namespace.
import { reasonKey } from "../diff/reason.js";
import type { DiffReport } from "../analyze.js";
import type { Change, ChangeType, Reason } from "../diff/change.js";
import type { GateResult, Violation } from "../gate/gate.js";
import type { Endpoint, IngressController, PodEndpoint } from "../model/endpoint.js";
import { newlyClosed, newlyOpened } from "../exposure/changes.js";
import type { ConnSet } from "../net/conn-set.js";
import { countAddresses, type AddrRange } from "../net/ip.js";

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
  /**
   * Every pod of these representative namespaces ("[*]", "[team=x]"): namespaces no policy names,
   * described by the labels that tell them apart, never one by one. `all`: every one there is.
   * With `pod` (a representative's labels, "[*]" or "[tier=api]"): only that representative of each.
   */
  | { readonly kind: "other-namespaces"; readonly namespaces: readonly string[]; readonly all: boolean; readonly pod?: string; readonly endpoints: readonly Endpoint[] }
  /**
   * The representatives of a namespace with declared workloads that carry `labels`, every one of
   * them: "other pods labelled `x=y` in `N`" (other: behaving like no declared workload).
   */
  | { readonly kind: "labelled-others"; readonly namespace: string; readonly labels: readonly (readonly [string, string])[]; readonly endpoints: readonly Endpoint[] }
  /** Every external address class. */
  | { readonly kind: "all-externals" }
  /**
   * One endpoint. `like`: for a representative that carries every label of this declared workload
   * of its namespace and more (a chart's database that is also its own client), that workload:
   * the representative reads as the workload's labels plus its own.
   */
  | { readonly kind: "endpoint"; readonly endpoint: Endpoint; readonly like?: Endpoint };

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
  /**
   * Flows with something opened / closed, and with any change: pairs of endpoints a person would
   * name. A declared workload, an address range and the ingress controller are one each;
   * representative pods count as the groups' words name them (one phrase, one set of pods:
   * "any pod in namespaces labelled `purpose=monitoring`"), however many label combinations the
   * analysis made up (see groupFlows).
   */
  readonly openedFlows: number;
  readonly closedFlows: number;
  readonly changedFlows: number;
  /**
   * Of those, the ingress controller's: one flow per workload it newly reaches (or no longer
   * reaches) through a route, as `changes` has them. Not in the tables: each is said with its
   * exposure (Newly exposed, moved, or Stops working), where the route that carries it is named.
   */
  readonly controllerOpened: number;
  readonly controllerClosed: number;
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

/**
 * Looks endpoints up in the report's universe, to describe sets of them truthfully. Describing a
 * set costs in proportion to its members (counts stand in for the lists of what a set lacks,
 * which are only listed when short): a diff with a million changes has thousands of groups.
 */
export class UniverseIndex {
  private readonly order = new Map<string, number>();
  private readonly byId = new Map<string, Endpoint>();
  /** The endpoint at each place. */
  private readonly atPlace: Endpoint[] = [];
  /** Per place in the universe, the member seen there (reset after each use): sorting without comparisons. */
  private readonly scratch: (Endpoint | undefined)[] = [];
  private readonly podsPerNs = new Map<string, Endpoint[]>();
  /** Per namespace: its pods are declared workloads only. */
  private readonly declaredNs = new Map<string, boolean>();
  /** Every pod, namespace by namespace, with its place in the universe (podsNotIn). */
  private podPlaces: { pods: Endpoint[]; places: Int32Array } | undefined;
  /** Per place in the universe: in the set at hand (reset after each use). */
  private marks: Uint8Array | undefined;
  /** Endpoints that are not external addresses (pods and the ingress controller), and pods. */
  private readonly nonExternal: number;
  private readonly pods: number;
  /** How many addresses the universe's external classes hold: the whole space of each family used. */
  private readonly externalSize: bigint;
  /** Whether some representative stands for pods not declared. */
  private readonly anySynthetic: boolean;

  constructor(readonly universe: readonly Endpoint[], extra: readonly Endpoint[] = []) {
    this.externalSize = addressCount(universe);
    this.anySynthetic = universe.some((e) => e.type === "synthetic");
    let nonExternal = 0;
    let pods = 0;
    for (const e of [...universe, ...extra]) {
      if (this.byId.has(e.id)) continue;
      this.order.set(e.id, this.order.size);
      this.byId.set(e.id, e);
      this.atPlace.push(e);
      if (e.type !== "external") nonExternal++;
      if (isPod(e)) {
        pods++;
        const list = this.podsPerNs.get(e.pod.namespace) ?? [];
        list.push(e);
        this.podsPerNs.set(e.pod.namespace, list);
        this.declaredNs.set(e.pod.namespace, (this.declaredNs.get(e.pod.namespace) ?? true) && e.type === "workload");
      }
    }
    this.nonExternal = nonExternal;
    this.pods = pods;
  }

  private repCount: number | undefined;

  /** How many representative namespaces the universe has. */
  repNamespaces(): number {
    return (this.repCount ??= [...this.podsPerNs.keys()].filter((ns) => ns.startsWith("[")).length);
  }

  indexOf(e: Endpoint): number {
    return this.order.get(e.id) ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * The pods not in `set`, namespace by namespace: read off the set's places, without a set of
   * its ids (a thousand groups of two thousand sources each were a set of ids apiece).
   */
  podsNotIn(set: SortedSet): Endpoint[] {
    if (this.podPlaces === undefined) {
      const pods = [...this.podsPerNs.values()].flat();
      this.podPlaces = { pods, places: Int32Array.from(pods, (e) => this.order.get(e.id)!) };
    }
    const marks = (this.marks ??= new Uint8Array(this.order.size));
    for (const p of set.positions) marks[p] = 1;
    const { pods, places } = this.podPlaces;
    const out: Endpoint[] = [];
    for (let k = 0; k < pods.length; k++) if (marks[places[k]!] === 0) out.push(pods[k]!);
    for (const p of set.positions) marks[p] = 0;
    return out;
  }

  /** Sorts in universe order, drops duplicates (by id). */
  normalize(endpoints: Iterable<Endpoint>): Endpoint[] {
    return [...this.sorted(endpoints).members];
  }

  /**
   * The endpoints in universe order, each id once (the first seen), with their places in the
   * universe (ascending) and those it lacks (last, by id). Places sort as numbers: a set of a
   * thousand sources is sorted thousands of times in a large diff.
   */
  sorted(endpoints: Iterable<Endpoint>): SortedSet {
    const places: number[] = [];
    const unknown = new Map<string, Endpoint>();
    for (const e of endpoints) {
      const i = this.order.get(e.id);
      if (i === undefined) {
        if (!unknown.has(e.id)) unknown.set(e.id, e);
      } else if (this.scratch[i] === undefined) {
        this.scratch[i] = e;
        places.push(i);
      }
    }
    const positions = Int32Array.from(places).sort();
    const members: Endpoint[] = new Array<Endpoint>(positions.length);
    for (let k = 0; k < positions.length; k++) {
      members[k] = this.scratch[positions[k]!]!;
      this.scratch[positions[k]!] = undefined;
    }
    const rest = [...unknown.values()].sort((a, b) => cmp(a.id, b.id));
    return { members: rest.length === 0 ? members : [...members, ...rest], positions, unknown: rest };
  }

  /** The places of `endpoints` in the universe, -1 for one it lacks. */
  placesOf(endpoints: readonly Endpoint[]): Int32Array {
    return Int32Array.from(endpoints, (e) => this.order.get(e.id) ?? -1);
  }

  /**
   * The set of the endpoints at `places` (distinct places of the universe, in any order; sorted
   * here, in place): what `sorted` makes of them, without looking each up by id.
   */
  atPlaces(places: Int32Array): SortedSet {
    const positions = places.sort();
    const members: Endpoint[] = new Array<Endpoint>(positions.length);
    for (let k = 0; k < positions.length; k++) members[k] = this.atPlace[positions[k]!]!;
    return { members, positions, unknown: [] };
  }

  /** `set` with `e` (not in it) in its place. */
  with(set: SortedSet, e: Endpoint): SortedSet {
    const at = this.order.get(e.id);
    if (at === undefined) {
      const unknown = [...set.unknown, e].sort((a, b) => cmp(a.id, b.id));
      return { members: [...set.members.slice(0, set.positions.length), ...unknown], positions: set.positions, unknown };
    }
    let lo = 0;
    let hi = set.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set.positions[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    const positions = new Int32Array(set.positions.length + 1);
    positions.set(set.positions.subarray(0, lo), 0);
    positions[lo] = at;
    positions.set(set.positions.subarray(lo), lo + 1);
    return { members: [...set.members.slice(0, lo), e, ...set.members.slice(lo)], positions, unknown: set.unknown };
  }

  /** A key equal for sets with the same ids. */
  static keyOf(set: SortedSet): string {
    const known = set.positions.join(",");
    return set.unknown.length === 0 ? known : `${known}\n${set.unknown.map((e) => e.id).join("\n")}`;
  }

  /** `set` without `e`'s id (when in it). */
  without(set: SortedSet, e: Endpoint): SortedSet {
    const at = this.order.get(e.id);
    if (at === undefined) {
      const unknown = set.unknown.filter((x) => x.id !== e.id);
      return unknown.length === set.unknown.length ? set : { members: [...set.members.slice(0, set.positions.length), ...unknown], positions: set.positions, unknown };
    }
    const k = set.positions.indexOf(at);
    if (k < 0) return set;
    const positions = new Int32Array(set.positions.length - 1);
    positions.set(set.positions.subarray(0, k), 0);
    positions.set(set.positions.subarray(k + 1), k);
    return { members: [...set.members.slice(0, k), ...set.members.slice(k + 1)], positions, unknown: set.unknown };
  }

  /** The set and its compact description. */
  describe(endpoints: Iterable<Endpoint> | SortedSet): EndpointSet {
    const set = "positions" in endpoints ? endpoints : this.sorted(endpoints);
    return { endpoints: [...set.members], terms: this.terms(set) };
  }

  /** The shortest of: the universe but a few; a term per namespace, pods and externals. */
  private terms(set: SortedSet): SetTerm[] {
    const members = set.members;
    // The members the index holds are the first `known` (each once): what a set lacks is counted.
    const known = set.positions.length;
    let ids: Set<string> | undefined;
    const inSet = () => (ids ??= new Set(members.map((e) => e.id)));
    // Externals are described by the addresses they cover (a change names merged ranges, the
    // universe the analysis' classes): "every external address" when they cover them all.
    const allExternals = this.externalSize > 0n && addressCount(members) === this.externalSize;
    let nonExternal = 0;
    for (let k = 0; k < known; k++) if (members[k]!.type !== "external") nonExternal++;
    const missingCount = this.nonExternal - nonExternal;
    const declaredOnly = !this.anySynthetic;
    if (missingCount === 0 && allExternals) return [{ kind: "everything", except: [], declaredOnly }];
    const parts = this.partTerms(set, inSet, allExternals);
    // "everything except" only names pods left out, so it needs every external address.
    if (allExternals && missingCount <= MAX_EXCEPT && members.length > 2 * missingCount && cost(parts) > 1 + missingCount) {
      const missing = [...this.byId.values()].filter((e) => !inSet().has(e.id) && e.type !== "external");
      return [{ kind: "everything", except: missing, declaredOnly }];
    }
    return parts;
  }

  private partTerms(set: SortedSet, inSet: () => ReadonlySet<string>, allExternals: boolean): SetTerm[] {
    const members = set.members;
    const known = set.positions.length;
    const pods: PodEndpoint[] = [];
    const exts: Endpoint[] = [];
    const out: SetTerm[] = [];
    let knownPods = 0;
    // Per namespace: its members, and how many of them are the index's pods of that namespace.
    const perNs = new Map<string, { list: Endpoint[]; known: number }>();
    members.forEach((e, k) => {
      if (e.type === "external") {
        exts.push(e);
        return;
      }
      pods.push(e as PodEndpoint);
      const counted = k < known && isPod(e);
      if (counted) knownPods++;
      const entry = perNs.get(e.pod.namespace);
      if (entry) {
        entry.list.push(e);
        if (counted) entry.known++;
      } else perNs.set(e.pod.namespace, { list: [e], known: counted ? 1 : 0 });
    });
    const podsMissingCount = this.pods - knownPods;
    // Listed only when short: then the set holds nearly every pod, so listing costs what the set does.
    const podsMissing = () => this.podsNotIn(set);
    const nsTerms: SetTerm[] = [];
    // Representative namespaces whose every pod is in: one term for them all.
    const wholeReps = [...perNs].filter(([ns, { known: inNs }]) => ns.startsWith("[") && inNs === (this.podsPerNs.get(ns) ?? []).length).map(([ns]) => ns);
    const repsIn = new Set(wholeReps);
    if (wholeReps.length > 0) nsTerms.push({ kind: "other-namespaces", namespaces: wholeReps, all: wholeReps.length === this.repNamespaces(), endpoints: wholeReps.flatMap((ns) => perNs.get(ns)!.list) });
    // Representatives of the others, by their pod labels: "other pods in namespaces labelled ...".
    const byPod = new Map<string, Endpoint[]>();
    for (const [ns, { list }] of perNs) {
      if (!ns.startsWith("[") || repsIn.has(ns)) continue;
      for (const e of list) {
        const pod = e.id.slice(ns.length + 1);
        // Pushed, not copied: a pod label set may stand in a thousand namespaces.
        const same = byPod.get(pod);
        if (same === undefined) byPod.set(pod, [e]);
        else same.push(e);
      }
    }
    for (const [pod, endpoints] of byPod) {
      nsTerms.push({ kind: "other-namespaces", namespaces: endpoints.map((e) => (e as PodEndpoint).pod.namespace), all: false, pod, endpoints });
    }
    for (const [ns, { list, known: inNs }] of perNs) {
      if (ns.startsWith("[")) continue;
      const all = this.podsPerNs.get(ns) ?? [];
      const exceptCount = all.length - inNs;
      // Representative namespaces ("[*]", "[team=x]") are not namespaces one can name: list them.
      const real = !ns.startsWith("[");
      // One workload is better named than "every pod in": it says which. Declared workloads only:
      // a few are named ("`a`, `b` and `c`" says more than "every declared workload in N except d").
      const declaredOnly = this.declaredNs.get(ns) ?? true;
      const whole = real && exceptCount === 0 && (all.length > 1 || all[0]?.type === "synthetic");
      // An exception that is a representative ("except `N/[x=y]`") says what the set is not in the
      // analysis' own terms: a few members are better named.
      const exceptsRep = () => all.some((e) => e.type === "synthetic" && !inSet().has(e.id));
      const most =
        real &&
        exceptCount > 0 &&
        exceptCount <= MAX_EXCEPT &&
        list.length > 2 * exceptCount &&
        list.length > 1 + exceptCount &&
        ((!declaredOnly && !exceptsRep()) || list.length > MAX_NAMED);
      if (whole || most) nsTerms.push({ kind: "namespace", namespace: ns, except: exceptCount === 0 ? [] : all.filter((e) => !inSet().has(e.id)), declaredOnly });
      else {
        const labelled = real && !declaredOnly ? labelledOthers(ns, list, all) : undefined;
        for (const e of list) if (labelled === undefined || e.type !== "synthetic") nsTerms.push(endpointTerm(e, all));
        if (labelled !== undefined) nsTerms.push(labelled);
      }
    }
    const podsWhole = this.pods > 1 && podsMissingCount === 0;
    const podsMost = podsMissingCount > 0 && podsMissingCount <= MAX_EXCEPT && pods.length > 2 * podsMissingCount && (this.anySynthetic || pods.length > MAX_NAMED);
    if (podsWhole || (podsMost && cost(nsTerms) > 1 + podsMissingCount)) out.push({ kind: "all-pods", except: podsWhole ? [] : podsMissing(), declaredOnly: !this.anySynthetic });
    else out.push(...nsTerms);
    if (allExternals) out.push({ kind: "all-externals" });
    else for (const e of exts) out.push({ kind: "endpoint", endpoint: e });
    return out;
  }
}

/** An endpoint's term, with the declared workload a representative extends (see SetTerm). */
function endpointTerm(e: Endpoint, namespacePods: readonly Endpoint[]): SetTerm {
  if (e.type !== "synthetic") return { kind: "endpoint", endpoint: e };
  const labels = e.pod.labels;
  const keys = Object.keys(labels).length;
  const like = namespacePods.filter((w): w is PodEndpoint => {
    if (w.type !== "workload") return false;
    const own = Object.entries(w.pod.labels);
    return own.length > 0 && own.length < keys && own.every(([k, v]) => labels[k] === v);
  });
  return like.length === 1 ? { kind: "endpoint", endpoint: e, like: like[0]! } : { kind: "endpoint", endpoint: e };
}

/**
 * Several representatives of a namespace, said by the labels they share when they are every
 * representative there with those labels (so the words claim no pod none of them stands for).
 */
function labelledOthers(ns: string, list: readonly Endpoint[], all: readonly Endpoint[]): SetTerm | undefined {
  const reps = list.filter((e): e is Extract<Endpoint, { type: "synthetic" }> => e.type === "synthetic");
  // "other" is other than the declared workloads: only beside some.
  if (reps.length < 2 || !all.some((e) => e.type === "workload")) return undefined;
  const first = reps[0]!.labels;
  const labels = Object.keys(first)
    .filter((k) => first[k] !== "*" && reps.every((e) => e.labels[k] === first[k]))
    .sort()
    .map((k) => [k, first[k]!] as const);
  if (labels.length === 0) return undefined;
  const ids = new Set(reps.map((e) => e.id));
  const carries = (e: Endpoint) => e.type === "synthetic" && labels.every(([k, v]) => e.labels[k] === v);
  if (all.some((e) => carries(e) && !ids.has(e.id))) return undefined;
  return { kind: "labelled-others", namespace: ns, labels, endpoints: reps };
}

/** Endpoints in universe order, each id once: see UniverseIndex.sorted. */
export interface SortedSet {
  readonly members: readonly Endpoint[];
  readonly positions: Int32Array;
  readonly unknown: readonly Endpoint[];
}

/** Pods of a namespace: workloads and representatives (not the ingress controller, not addresses). */
function isPod(e: Endpoint): e is PodEndpoint {
  return e.type === "workload" || e.type === "synthetic";
}

/** Addresses covered by the external endpoints among `endpoints` (overlaps counted once). */
function addressCount(endpoints: readonly Endpoint[]): bigint {
  const ranges: AddrRange[] = [];
  for (const e of endpoints) if (e.type === "external") ranges.push(...e.ranges);
  return ranges.length === 0 ? 0n : countAddresses(ranges);
}

/** How long a description reads: one per term and per exception. */
function cost(terms: readonly SetTerm[]): number {
  return terms.reduce((n, t) => n + 1 + ("except" in t ? t.except.length : 0), 0);
}

const CHANGE_TYPES: readonly ChangeType[] = ["added", "removed", "changed"];
const ENDPOINT_CHANGES: readonly Change["endpoint"][] = [null, "added", "removed"];

/** The map under `key`, made when missing. */
function child(map: Map<number, unknown>, key: number): Map<number, unknown> {
  let next = map.get(key) as Map<number, unknown> | undefined;
  if (!next) map.set(key, (next = new Map()));
  return next;
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

const NONE: readonly Violation[] = [];

/**
 * The violations of each flow change, by its index in `changes`. The gate lists a change's
 * violations together and in the order of the changes (after the exposures, which groups leave
 * out), so they are read in step with the changes: a million violations are not put in a map.
 * Any other order falls back to the map.
 */
function violationsInStep(gate: GateResult, changes: readonly Change[]): (i: number) => readonly Violation[] {
  const violations = gate.violations;
  // The flows' violations follow the exposures': taken without looking at a million changes.
  const flows = violations.slice(gate.exposureViolations);
  const start = new Int32Array(changes.length).fill(-1);
  const count = new Int32Array(changes.length);
  let i = 0;
  for (let j = 0; j < flows.length; j++) {
    const c = flows[j]!.change;
    if (changes[i] !== c || count[i] === 0 || start[i]! + count[i]! !== j) {
      while (i < changes.length && changes[i] !== c) i++;
      if (i === changes.length || count[i]! > 0) {
        const byChange = violationsByChange(violations);
        return (k) => byChange.get(changes[k]!) ?? NONE;
      }
      start[i] = j;
    }
    count[i]!++;
  }
  return (k) => (count[k] === 0 ? NONE : flows.slice(start[k]!, start[k]! + count[k]!));
}

/** Pairs that agree on everything a reader sees but their endpoints: what they share, and the pairs (indexes into the report's changes). */
interface Bucket {
  readonly change: Change;
  readonly conn: ConnSet;
  readonly reasons: readonly Reason[];
  readonly gate: readonly GateHit[];
  /**
   * The pairs by destination object (the engine names an endpoint with one object), filled while
   * each change is at hand: a second pass over a million change objects costs a memory fetch each.
   */
  readonly perDst: Map<Endpoint, DstEntry>;
}

/** One destination's pairs in a bucket: its sources, whether it is one of them, the pairs. */
interface DstEntry {
  readonly dst: Endpoint;
  readonly srcs: Endpoint[];
  self: boolean;
  readonly parts: number[];
}

function addPart(bucket: Bucket, c: Change, i: number): void {
  const d = c.dst;
  let entry = bucket.perDst.get(d);
  if (!entry) bucket.perDst.set(d, (entry = { dst: d, srcs: [], self: false, parts: [] }));
  entry.srcs.push(c.src);
  if (c.src === d || c.src.id === d.id) entry.self = true;
  entry.parts.push(i);
}

type Groupable = Pick<DiffReport, "changes" | "universe" | "gate" | "endpoints"> & Partial<Pick<DiffReport, "exposureChanges">>;

/** The grouping of a report, worked out once: the comment, the job summary and the log all read it. */
const grouped = new WeakMap<readonly Change[], { of: Groupable; grouping: Grouping }>();

export function groupChanges(report: Groupable): Grouping {
  const known = grouped.get(report.changes);
  const same = known && known.of.universe === report.universe && known.of.gate === report.gate && known.of.endpoints === report.endpoints && known.of.exposureChanges === report.exposureChanges;
  if (same) return known.grouping;
  const grouping = groupAll(report);
  grouped.set(report.changes, { of: report, grouping });
  return grouping;
}

function groupAll(report: Groupable): Grouping {
  const index = new UniverseIndex(report.universe, report.endpoints);
  const violationsOf = violationsInStep(report.gate, report.changes);
  const buckets: Record<Facet, Map<number, unknown>> = { opened: new Map(), closed: new Map() };
  /** The buckets as made, in report order of their first pair. */
  const order: Record<Facet, Bucket[]> = { opened: [], closed: [] };
  // The engine shares connection sets and reason lists between the pairs of a class pair: their
  // words are worked out once per object, not once per pair (a million pairs, a few thousand
  // objects), and each distinct text is a short number in the key.
  const ids = new Map<string, number>();
  const idOf = (text: string) => {
    let n = ids.get(text);
    if (n === undefined) ids.set(text, (n = ids.size));
    return n;
  };
  const connIds = new Map<ConnSet, number>();
  const connId = (c: ConnSet) => {
    let n = connIds.get(c);
    if (n === undefined) connIds.set(c, (n = idOf(c.toString())));
    return n;
  };
  const facets = new Map<readonly Reason[], Record<Facet, { reasons: Reason[]; id: number }>>();
  const reasonsOf = (c: Change, facet: Facet) => {
    let f = facets.get(c.why);
    if (f === undefined) {
      const of = (x: Facet) => {
        const reasons = facetReasons(c, x);
        // Names and paths hold no control characters: \u0001 cannot occur inside a part.
        return { reasons, id: idOf(reasons.map(reasonKey).sort().join("\u0001")) };
      };
      facets.set(c.why, (f = { opened: of("opened"), closed: of("closed") }));
    }
    return f[facet];
  };
  /** The gate rules a pair breaks, with what of it breaks each: one id per distinct list (0: none). */
  const single = new Map<ConnSet, Map<string, number>>();
  const gateId = (hits: readonly Violation[]): number => {
    if (hits.length === 0) return 0;
    if (hits.length === 1) {
      const v = hits[0]!;
      let byRule = single.get(v.conn);
      if (!byRule) single.set(v.conn, (byRule = new Map()));
      let n = byRule.get(v.rule);
      if (n === undefined) byRule.set(v.rule, (n = 1 + idOf(`${v.rule} ${connId(v.conn)}`)));
      return n;
    }
    return 1 + idOf(hits.map((v) => `${v.rule} ${connId(v.conn)}`).sort().join(","));
  };
  // Pairs of one class pair share the objects that decide the bucket (reasons, connections, gate
  // hits): the last bucket of each reason list is theirs when the rest is the same too, found
  // with one lookup instead of a walk down the nested maps.
  type Last = { conn: ConnSet; type: ChangeType; endpoint: Change["endpoint"]; hits: readonly Violation[]; bucket: Bucket };
  const last: Record<Facet, Map<readonly Reason[], Last>> = { opened: new Map(), closed: new Map() };
  const asExposure = controllerFlows(report);
  // The ingress controller is one endpoint a person names: its pair with a workload is a flow,
  // counted like any other (headline, outputs, JSON), and shown with the exposure that carries it.
  const controller = { opened: 0, closed: 0, changed: 0 };
  report.changes.forEach((c, i) => {
    if (c.src.type === "ingress-controller") {
      if (!c.opened.isEmpty) controller.opened++;
      if (!c.closed.isEmpty) controller.closed++;
      if (!c.opened.isEmpty || !c.closed.isEmpty) controller.changed++;
      return;
    }
    for (const facet of ["opened", "closed"] as const) {
      const conn = facet === "opened" ? c.opened : c.closed;
      if (conn.isEmpty || asExposure(c, facet, conn)) continue;
      const hits = facet === "opened" ? violationsOf(i) : NONE;
      const prev = last[facet].get(c.why);
      if (prev && prev.conn === conn && prev.type === c.type && prev.endpoint === c.endpoint && sameHits(prev.hits, hits)) {
        addPart(prev.bucket, c, i);
        continue;
      }
      const { reasons, id: reasonsId } = reasonsOf(c, facet);
      // The key as numbers in nested maps: no string made per pair.
      const shape = CHANGE_TYPES.indexOf(c.type) * 3 + ENDPOINT_CHANGES.indexOf(c.endpoint);
      const byConn = child(buckets[facet], shape);
      const byReasons = child(byConn, connId(conn));
      const byGate = child(byReasons, reasonsId) as Map<number, Bucket>;
      const g = gateId(hits);
      let bucket = byGate.get(g);
      if (!bucket) {
        bucket = { change: c, conn, reasons, gate: hits.map((v) => ({ rule: v.rule, conn: v.conn })), perDst: new Map() };
        byGate.set(g, bucket);
        order[facet].push(bucket);
      }
      addPart(bucket, c, i);
      last[facet].set(c.why, { conn, type: c.type, endpoint: c.endpoint, hits, bucket });
    }
  });
  const build = (facet: Facet) =>
    order[facet]
      .flatMap((bucket) => collapse(facet, bucket, report.changes, index))
      .sort((a, b) => Number(b.group.gate.length > 0) - Number(a.group.gate.length > 0) || a.first - b.first)
      .map((g) => g.group);
  const opened = build("opened");
  const closed = build("closed");
  const inGroups = flowCounts(opened, closed);
  return {
    opened,
    closed,
    violating: opened.filter((g) => g.gate.length > 0),
    openedFlows: inGroups.openedFlows + controller.opened,
    closedFlows: inGroups.closedFlows + controller.closed,
    changedFlows: inGroups.changedFlows + controller.changed,
    controllerOpened: controller.opened,
    controllerClosed: controller.closed,
  };
}

/**
 * When --ingress-controller names pods the manifests declare, that workload's flow to a pod is
 * also the ingress controller's: a change of it that an exposure change already says (the same
 * destination, what opened or closed wholly inside what became or stopped being reachable through
 * a route) is that exposure, listed and counted there once. Whatever else of the flow changed
 * (another port, or no route to the pod) stays a flow.
 */
function controllerFlows(report: Groupable): (c: Change, facet: Facet, conn: ConnSet) => boolean {
  const byDst = new Map<string, { opened: ConnSet; closed: ConnSet }>();
  let ctl: IngressController | undefined;
  for (const x of report.exposureChanges ?? []) {
    if (x.src.type !== "ingress-controller" || !x.src.controller.named) continue;
    ctl = x.src.controller;
    const known = byDst.get(x.dst.id);
    const opened = newlyOpened(x);
    const closed = newlyClosed(x);
    byDst.set(x.dst.id, known ? { opened: known.opened.union(opened), closed: known.closed.union(closed) } : { opened, closed });
  }
  if (ctl === undefined) return () => false;
  const c0 = ctl;
  const isController = (e: Endpoint) => e.type === "workload" && e.pod.namespace === c0.namespace && Object.entries(c0.labels).every(([k, v]) => e.pod.labels[k] === v);
  return (c, facet, conn) => {
    const said = byDst.get(c.dst.id);
    return said !== undefined && isController(c.src) && conn.subtract(said[facet]).isEmpty;
  };
}

/**
 * Flows counted in people's units (see Grouping). Pairs without a representative are one flow
 * each, as the engine's pairs are distinct; those with one are counted by what they read as.
 * A flow both opened and closed counts once in `changed`: the opened table may name a set of
 * representatives as one ("every pod in `N`") that the closed table names as several, so an
 * opened flow is identified with at most one closed flow it shares a pair with, as many as can
 * be (a largest matching). Then `changed` is never below either count, nor above their sum.
 */
function flowCounts(opened: readonly FlowGroup[], closed: readonly FlowGroup[]): Pick<Grouping, "openedFlows" | "closedFlows" | "changedFlows"> {
  const sum = (groups: readonly FlowGroup[]) => groups.reduce((n, g) => n + groupFlows(g), 0);
  const openedFlows = sum(opened);
  const closedFlows = sum(closed);
  /**
   * Changes with a representative (and, when `among` is given, in it), as the flow they count in
   * on one side. Only a change in both tables makes an edge: the closed side is keyed for the
   * opened side's changes alone (a policy-only pull request closing a million pairs and opening
   * none keys none of them).
   */
  const keysOf = (groups: readonly FlowGroup[], facet: Facet, among?: ReadonlyMap<Change, string>) => {
    const out = new Map<Change, string>();
    const wanted = (c: Change) => hasRepresentative(c) && (among === undefined || among.has(c));
    if (among !== undefined && among.size === 0) return out;
    groups.forEach((g, k) => {
      if (!g.changes.some(wanted)) return;
      for (const [c, key] of flowKeys(g, `~${facet}${k}:`, wanted)) out.set(c, key);
    });
    return out;
  };
  const openedKeys = keysOf(opened, "opened");
  const closedKeys = keysOf(closed, "closed", openedKeys);
  // Pairs of declared workloads and addresses are a flow of their own on both sides.
  const plainOpened = new Set<Change>();
  for (const g of opened) for (const c of g.changes) if (!hasRepresentative(c)) plainOpened.add(c);
  let both = 0;
  for (const g of closed) for (const c of g.changes) if (!hasRepresentative(c) && plainOpened.has(c)) both++;
  // Representatives' flows: which closed flows each opened one shares a pair with.
  const edges = new Map<string, Set<string>>();
  for (const [c, o] of openedKeys) {
    const k = closedKeys.get(c);
    if (k === undefined) continue;
    let to = edges.get(o);
    if (to === undefined) edges.set(o, (to = new Set()));
    to.add(k);
  }
  return { openedFlows, closedFlows, changedFlows: openedFlows + closedFlows - both - largestMatching(edges) };
}

/** The size of a largest matching of a bipartite graph (left -> its right neighbours): augmenting paths, after a greedy start. */
function largestMatching(edges: ReadonlyMap<string, ReadonlySet<string>>): number {
  const mate = new Map<string, string>();
  let size = 0;
  const unmatched: string[] = [];
  for (const [left, rights] of edges) {
    const free = [...rights].find((r) => !mate.has(r));
    if (free === undefined) unmatched.push(left);
    else {
      mate.set(free, left);
      size++;
    }
  }
  for (const left of unmatched) {
    const seen = new Set<string>();
    const augment = (l: string): boolean => {
      for (const r of edges.get(l)!) {
        if (seen.has(r)) continue;
        seen.add(r);
        const other = mate.get(r);
        if (other === undefined || augment(other)) {
          mate.set(r, l);
          return true;
        }
      }
      return false;
    };
    if (augment(left)) size++;
  }
  return size;
}

/**
 * The unit a representative counts as on one side of a group, as that side's words name it: the
 * representatives one term describes together ("any pod in namespaces labelled ...") are one; one named on its own is one; those inside a wider term ("every pod in `N`",
 * "any pod") are one per namespace, as are those of the namespaces no policy names.
 */
function unitsOf(set: EndpointSet): (e: Endpoint) => string {
  const byTerm = new Map<string, string>();
  set.terms.forEach((t, k) => {
    if (t.kind === "other-namespaces" || t.kind === "labelled-others") for (const e of t.endpoints) byTerm.set(e.id, `t${k}`);
    else if (t.kind === "endpoint" && t.endpoint.type === "synthetic") byTerm.set(t.endpoint.id, JSON.stringify(t.endpoint.id));
  });
  // Once per endpoint: a group of a million pairs names a few thousand endpoints.
  const units = new Map<Endpoint, string>();
  return (e) => {
    let u = units.get(e);
    if (u === undefined) {
      u = e.type !== "synthetic" ? JSON.stringify(e.id) : (byTerm.get(e.id) ?? `n${e.pod.namespace.startsWith("[") ? "[" : JSON.stringify(e.pod.namespace)}`);
      units.set(e, u);
    }
    return u;
  };
}

/** The group's pairs in people's units; `tag` sets apart the units of different groups. */
function flowKeys(g: FlowGroup, tag: string, which: (c: Change) => boolean = () => true): Map<Change, string> {
  const src = unitsOf(g.sources);
  const dst = unitsOf(g.destinations);
  // One cache per side: an endpoint can be a source and a destination, with a unit on each.
  const side = (unitOf: (e: Endpoint) => string) => {
    const tagged = new Map<Endpoint, string>();
    return (e: Endpoint) => {
      let u = tagged.get(e);
      if (u === undefined) {
        u = e.type === "synthetic" ? `${tag}${unitOf(e)}` : unitOf(e);
        tagged.set(e, u);
      }
      return u;
    };
  };
  const srcSide = side(src);
  const dstSide = side(dst);
  const out = new Map<Change, string>();
  for (const c of g.changes) if (which(c)) out.set(c, `${srcSide(c.src)} ${dstSide(c.dst)}`);
  return out;
}

const flowsOf = new WeakMap<FlowGroup, number>();

/**
 * The flows of one group: its pairs, where representatives count as the units its words name
 * (see unitsOf): one rule treats them alike, one phrase names them.
 */
export function groupFlows(g: FlowGroup): number {
  let n = flowsOf.get(g);
  if (n === undefined) {
    n = g.changes.some(hasRepresentative) ? distinctUnitPairs(g) : g.changes.length;
    flowsOf.set(g, n);
  }
  return n;
}

/** How many distinct (source unit, destination unit) pairs the group's changes make: flowKeys' values, counted as numbers. */
function distinctUnitPairs(g: FlowGroup): number {
  const src = unitsOf(g.sources);
  const dst = unitsOf(g.destinations);
  // unitsOf works each endpoint's unit out once; here each distinct unit gets a number.
  const numbered = (unitOf: (e: Endpoint) => string) => {
    const ids = new Map<string, number>();
    return (e: Endpoint) => {
      const u = unitOf(e);
      let n = ids.get(u);
      if (n === undefined) ids.set(u, (n = ids.size));
      return n;
    };
  };
  const srcId = numbered(src);
  const dstId = numbered(dst);
  // Per source unit, its destination units (small integers: no number boxed per pair): the one
  // seen while there is one (a group of a thousand sources each to one destination makes no
  // set), a set from the second on.
  const rows = new Map<number, number | Set<number>>();
  for (const c of g.changes) {
    const s = srcId(c.src);
    const d = dstId(c.dst);
    const row = rows.get(s);
    if (row === undefined) rows.set(s, d);
    else if (typeof row === "number") {
      if (row !== d) rows.set(s, new Set([row, d]));
    } else row.add(d);
  }
  let n = 0;
  for (const r of rows.values()) n += typeof r === "number" ? 1 : r.size;
  return n;
}

function hasRepresentative(c: Change): boolean {
  return c.src.type === "synthetic" || c.dst.type === "synthetic";
}

/** Gate hits of the same rules on the same connection objects, in the same order. */
function sameHits(a: readonly Violation[], b: readonly Violation[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.rule !== b[k]!.rule || a[k]!.conn !== b[k]!.conn) return false;
  return true;
}

/** Pairs that share everything but their endpoints -> rectangles sources x destinations. */
function collapse(facet: Facet, bucket: Bucket, changes: readonly Change[], index: UniverseIndex): { group: FlowGroup; first: number }[] {
  return rectangles(bucket, index).map((r) => {
    const sorted = Int32Array.from(r.parts).sort();
    const [srcs, dsts] = displaySets(r.srcs, r.dsts, index);
    return {
      first: sorted[0]!,
      group: {
        facet,
        type: bucket.change.type,
        endpoint: bucket.change.endpoint,
        conn: bucket.conn,
        reasons: bucket.reasons,
        gate: bucket.gate,
        sources: srcs,
        destinations: dsts,
        changes: Array.from(sorted, (i) => changes[i]!),
      },
    };
  });
}

interface Rectangle {
  readonly srcs: SortedSet;
  readonly dsts: Endpoint[];
  readonly parts: number[];
}

/**
 * Sources per destination, then destinations per source set.
 *
 * A declared workload's flow to itself is never reported, so a destination workload may count as
 * one of its own sources or not: each takes whichever of its two source sets more destinations
 * share. With it, a namespace-wide default-deny is "any source -> every pod in N"; without it,
 * "a -> b, c, d" stays one group. Either way the rectangle claims exactly the group's pairs.
 */
function rectangles(bucket: Bucket, index: UniverseIndex): Rectangle[] {
  // A pair is in the report once: each destination's sources are distinct. Destinations by id
  // (entries are by object).
  const perDst = new Map<string, DstEntry>();
  for (const entry of bucket.perDst.values()) {
    const known = perDst.get(entry.dst.id);
    if (!known) perDst.set(entry.dst.id, entry);
    else {
      for (const x of entry.srcs) known.srcs.push(x);
      for (const p of entry.parts) known.parts.push(p);
      known.self ||= entry.self;
    }
  }
  // One destination: nothing to share a source set with, so its sources as they are.
  if (perDst.size === 1) {
    const [only] = perDst.values();
    return [{ srcs: index.sorted(only!.srcs), dsts: [only!.dst], parts: only!.parts }];
  }
  const keyOf = (set: SortedSet) => ({ set, key: UniverseIndex.keyOf(set) });
  const options = [...perDst.values()].map((entry) => {
    const plain = keyOf(index.sorted(entry.srcs));
    const padded = entry.dst.type === "workload" && !entry.self ? keyOf(index.with(plain.set, entry.dst)) : null;
    return { entry, plain, padded };
  });
  const takers = new Map<string, number>();
  for (const o of options) for (const k of [o.plain, o.padded]) if (k) takers.set(k.key, (takers.get(k.key) ?? 0) + 1);
  const perSrcSet = new Map<string, Rectangle>();
  for (const { entry, plain, padded } of options) {
    const pick = padded && takers.get(padded.key)! > takers.get(plain.key)! ? padded : plain;
    let r = perSrcSet.get(pick.key);
    if (!r) {
      r = { srcs: pick.set, dsts: [], parts: [] };
      perSrcSet.set(pick.key, r);
    }
    r.dsts.push(entry.dst);
    for (const p of entry.parts) r.parts.push(p); // not push(...): a destination may have a million sources
  }
  return [...perSrcSet.values()];
}

/**
 * The sets as shown. A rectangle means every pair but a workload to itself, so with a single
 * destination workload the sources may name it or not (likewise a single source among the
 * destinations): whichever reads shorter, without it on a tie.
 */
export function displaySets(sources: readonly Endpoint[] | SortedSet, destinations: readonly Endpoint[] | SortedSet, index: UniverseIndex): [EndpointSet, EndpointSet] {
  // A rectangle's sources come sorted (they keyed it); others are sorted here.
  const srcs = "positions" in sources ? sources : index.sorted(sources);
  const sortedDsts = "positions" in destinations ? destinations : undefined;
  const dsts = sortedDsts?.members ?? (destinations as readonly Endpoint[]);
  const shorter = (set: SortedSet, self: Endpoint): EndpointSet => {
    const without = index.without(set, self);
    const withSelf = without === set ? index.with(set, self) : set;
    const a = index.describe(without);
    const b = index.describe(withSelf);
    return cost(b.terms) < cost(a.terms) ? b : a;
  };
  const only = (set: readonly Endpoint[]) => (set.length === 1 && set[0]!.type === "workload" ? set[0]! : undefined);
  const d = only(dsts);
  const s = d ? shorter(srcs, d) : index.describe(srcs);
  const single = s.endpoints.length === 1 && s.endpoints[0]!.type === "workload" ? s.endpoints[0]! : undefined;
  return [s, single ? shorter(sortedDsts ?? index.sorted(dsts), single) : index.describe(sortedDsts ?? dsts)];
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
