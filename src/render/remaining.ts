// What a closed group leaves. A lockdown closes a workload's egress "to any destination except
// `backend/db`": the words name what closed by what it lacks, and the reviewer must work out that
// the exception is what is left. Said as a change instead: "was any destination; now only
// `backend/db` TCP 5432". Likewise for ingress ("was any source; now only `default/frontend`").
import type { DiffReport } from "../analyze.js";
import type { Change } from "../diff/change.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import { connWords, portNames, type ConnFormat } from "./conn-words.js";
import type { EndpointSet, FlowGroup, SetTerm } from "./group.js";
import { setWords, type Code } from "./set-words.js";

/** The side of a group said as before and after: its far side, what the near side reached. */
export interface Remaining {
  /** "destination": the sources' egress; "source": the destinations' ingress. */
  readonly far: "source" | "destination";
  /** The far side at the base: the group's own set with only the exceptions it did not reach then. */
  readonly was: EndpointSet;
  /** What the near side reaches at the head among the exceptions, in universe order; empty: nothing. */
  readonly now: readonly { readonly endpoint: Endpoint; readonly conn: ConnSet }[];
}

type Complement = Extract<SetTerm, { kind: "everything" | "all-pods" | "namespace" }>;
const isComplement = (t: SetTerm): t is Complement => (t.kind === "everything" || t.kind === "all-pods" || t.kind === "namespace") && t.except.length > 0;

/** At most this many near endpoints are checked pair by pair; a larger group keeps its words. */
const MAX_NEAR = 50;

/**
 * For a closed group whose every pair closed entirely and whose far side is said by what it lacks
 * ("any destination except …"): the far side before, and what the near side still reaches among
 * the exceptions. Undefined when the words would not be exact: the near endpoints differ on an
 * exception, or the head is not known for a pair (an address range, a workload gone).
 */
export function remainingReach(g: FlowGroup, report: Pick<DiffReport, "changes" | "headConn" | "universe">): Remaining | undefined {
  if (g.facet !== "closed" || report.headConn === undefined || !g.changes.every((c) => c.head.isEmpty)) return undefined;
  const srcComplement = g.sources.terms.some(isComplement);
  const dstComplement = g.destinations.terms.some(isComplement);
  if (srcComplement && dstComplement) return undefined;
  // Said by what it lacks ("every pod except …"), or listed though it lacks only a few pods of the
  // universe ("any external address, `a` and 8 more in `default`"): either way the few are what is left.
  const far: "source" | "destination" | undefined = dstComplement ? "destination" : srcComplement ? "source" : nearlyAll(g.destinations, g.sources, report) ? "destination" : nearlyAll(g.sources, g.destinations, report) ? "source" : undefined;
  if (far === undefined) return undefined;
  const farSet = far === "destination" ? g.destinations : g.sources;
  const near = (far === "destination" ? g.sources : g.destinations).endpoints;
  if (near.length === 0 || near.length > MAX_NEAR) return undefined;
  const listed = !(dstComplement || srcComplement);
  const exceptions = listed ? missingPods(farSet, near, report) : farSet.terms.filter(isComplement).flatMap((t) => t.except);
  const index = pairIndex(report);
  const headConn = report.headConn;
  const now: { endpoint: Endpoint; conn: ConnSet }[] = [];
  const neverReached = new Set<string>();
  for (const e of exceptions) {
    let agreed: { base: ConnSet; head: ConnSet } | undefined;
    for (const n of near) {
      if (n.id === e.id) continue; // a workload to itself: never reported
      const [src, dst] = far === "destination" ? [n, e] : [e, n];
      const changed = index.get(src.id, dst.id);
      const head = changed ? changed.head : headConn(src.id, dst.id);
      if (head === undefined) return undefined;
      const base = changed ? changed.base : head;
      if (agreed === undefined) agreed = { base, head };
      else if (!agreed.base.equals(base) || !agreed.head.equals(head)) return undefined;
    }
    if (agreed === undefined) continue;
    if (!agreed.head.isEmpty) now.push({ endpoint: e, conn: agreed.head });
    if (agreed.base.isEmpty) neverReached.add(e.id);
  }
  // A listed set whose missing representatives are still reached already says it ("other pods in `N` without `x=y`"), in fewer words.
  if (listed && now.some((n) => n.endpoint.type !== "workload")) return undefined;
  const wasTerms: SetTerm[] = listed
    ? [{ kind: "everything", except: exceptions.filter((e) => neverReached.has(e.id)), declaredOnly: !report.universe.some((e) => e.type === "synthetic") }]
    : farSet.terms.map((t) => (isComplement(t) ? { ...t, except: t.except.filter((e) => neverReached.has(e.id)) } : t));
  return { far, was: { endpoints: farSet.endpoints, terms: wasTerms }, now };
}

/** At most this many pods missing from a listed set for it to be read as "all but these". */
const MAX_MISSING = 4;

/** The set holds every external address and all but a few pods of the universe (the near side's own aside). */
function nearlyAll(set: EndpointSet, near: EndpointSet, report: Pick<DiffReport, "universe">): boolean {
  if (!set.terms.some((t) => t.kind === "all-externals" || t.kind === "everything")) return false;
  const pods = podCount(report);
  if (set.endpoints.length < pods - MAX_MISSING - near.endpoints.length) return false;
  const missing = missingPods(set, near.endpoints, report);
  return missing.length > 0 && missing.length <= MAX_MISSING;
}

/** The universe's pods (and ingress controller) not in `set`, but a lone near endpoint itself. */
function missingPods(set: EndpointSet, near: readonly Endpoint[], report: Pick<DiffReport, "universe">): Endpoint[] {
  const ids = new Set(set.endpoints.map((e) => e.id));
  const self = near.length === 1 ? near[0]!.id : undefined;
  return report.universe.filter((e) => e.type !== "external" && !ids.has(e.id) && e.id !== self);
}

const podCounts = new WeakMap<readonly Endpoint[], number>();
function podCount(report: Pick<DiffReport, "universe">): number {
  let n = podCounts.get(report.universe);
  if (n === undefined) podCounts.set(report.universe, (n = report.universe.filter((e) => e.type !== "external").length));
  return n;
}

/** The report's changed pairs by source and destination id. */
export interface PairIndex {
  get(src: string, dst: string): Change | undefined;
}

const indexes = new WeakMap<readonly Change[], PairIndex>();

/** Built once per report's list of changes. */
export function pairIndex(report: Pick<DiffReport, "changes">): PairIndex {
  let index = indexes.get(report.changes);
  if (index === undefined) {
    const bySrc = new Map<string, Map<string, Change>>();
    for (const c of report.changes) {
      let m = bySrc.get(c.src.id);
      if (m === undefined) bySrc.set(c.src.id, (m = new Map()));
      m.set(c.dst.id, c);
    }
    index = { get: (src, dst) => bySrc.get(src)?.get(dst) };
    indexes.set(report.changes, index);
  }
  return index;
}

/** At most this many of what is left are named. */
const MAX_NOW = 4;

/**
 * "was every declared workload and any external address; now only `backend/db[StatefulSet]` TCP
 * 5432 (`postgres`)", "…; now only `a` and `b` TCP 7070", "…; now nothing". `near`: the group's
 * other side (its port names, for an ingress group).
 */
export function remainingWords(r: Remaining, near: readonly Endpoint[], code: Code, text: (s: string) => string, max?: number): string {
  const was = setWords(r.was, r.far, code, max);
  if (r.now.length === 0) return `was ${was}; now nothing`;
  const shown = r.now.length > MAX_NOW ? r.now.slice(0, MAX_NOW - 1) : r.now;
  // Endpoints left with the same connections share their words: "`a` and `b` TCP 7070".
  const byConn: { conn: ConnSet; names: string[]; endpoints: Endpoint[] }[] = [];
  for (const { endpoint, conn } of shown) {
    const name = setWords({ endpoints: [endpoint], terms: [{ kind: "endpoint", endpoint }] }, r.far, code);
    const same = byConn.find((b) => b.conn.equals(conn));
    if (same) {
      same.names.push(name);
      same.endpoints.push(endpoint);
    } else byConn.push({ conn, names: [name], endpoints: [endpoint] });
  }
  const items = byConn.map(({ conn, names, endpoints }) => {
    const f: ConnFormat = { text, code, names: portNames(r.far === "destination" ? endpoints : near) };
    // All connections goes without saying: the endpoint is simply still reached.
    return conn.isAll ? andList(names) : `${andList(names)} ${connWords(conn, f)}`;
  });
  const more = r.now.length > shown.length ? [`${r.now.length - shown.length} more`] : [];
  // Items apart by "; ": a port list has commas of its own.
  return `was ${was}; now only ${[...items, ...more].join("; ")}`;
}

function andList(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** A group's source and destination words; a closed complement said as what it was and what is left. */
export function sideWords(g: FlowGroup, report: Pick<DiffReport, "changes" | "headConn" | "universe">, code: Code, text: (s: string) => string, max?: number): { source: string; destination: string } {
  const r = remainingReach(g, report);
  const source = r?.far === "source" ? remainingWords(r, g.destinations.endpoints, code, text, max) : setWords(g.sources, "source", code, max);
  const destination = r?.far === "destination" ? remainingWords(r, g.sources.endpoints, code, text, max) : setWords(g.destinations, "destination", code, max);
  return { source, destination };
}
