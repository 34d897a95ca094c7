// A naive reference for assertions (DESIGN section 4c), for tests only: given the engine's flows
// expanded pair by pair and its endpoints, each assertion is judged pair by pair, straight from
// the readings of 4c. It shares no code with src/assert: its own spec matching, its own
// connection arithmetic (test/support/conn.ts), and representatives judged by enumerating the
// label sets each one stands for (through the synthesis' own `representativeOf`) rather than
// by reasoning about selectors.
import type { Assertion, EndpointSpec, SpecList } from "../../src/assert/assertion.js";
import type { Endpoint } from "../../src/model/endpoint.js";
import { NAMESPACE_NAME_LABEL } from "../../src/model/labels.js";
import { connIsEmpty, connMinus, connUnion, formatConn, NO_CONNECTIONS, parseConn, type ConnSet } from "../support/conn.js";
import { parseCidr } from "./ip.js";

type Labels = Readonly<Record<string, string>>;

export interface RefViolation {
  readonly src: string;
  readonly dst: string;
  /** Canonical text. */
  readonly conn: string;
}

export interface RefResult {
  readonly name: string;
  readonly status: "passed" | "failed" | "no-match";
  readonly violations: readonly RefViolation[];
}

/** A namespace label set and a pod label set: one kind of pod a representative may stand for. */
export interface Member {
  readonly namespace: string;
  readonly nsLabels: Labels;
  readonly labels: Labels;
}

export interface RefInput {
  /** Every endpoint of the revision (pods, external classes, the ingress controller if any). */
  readonly endpoints: readonly Endpoint[];
  readonly flows: Iterable<{ readonly src: Endpoint; readonly dst: Endpoint; readonly conn: { toString(): string } }>;
  /** The labels of each declared namespace (named ones without a manifest: absent). */
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** Every kind of pod each representative stands for (by its id); at least one each. */
  readonly members: ReadonlyMap<string, readonly Member[]>;
}

const intersect = (a: ConnSet, b: ConnSet) => connMinus(a, connMinus(a, b));

function labelsHold(spec: Labels, labels: Labels): boolean {
  return Object.entries(spec).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && (v === "*" || labels[k] === v));
}

/** "ns/name[Kind]" of a declared workload. */
function workloadNameKind(id: string): { name: string; kind: string } {
  const m = /^[^/]+\/(.+)\[([^\]]+)\]$/.exec(id);
  if (m === null) throw new Error(`not a workload id: ${id}`);
  return { name: m[1]!, kind: m[2]! };
}

function specMatches(spec: EndpointSpec, e: Endpoint, input: RefInput): boolean {
  switch (spec.kind) {
    case "internet":
      return e.type === "external";
    case "cidr": {
      if (e.type !== "external") return false;
      const outer = parseCidr(spec.cidr);
      return e.cidrs.every((text) => {
        const inner = parseCidr(text);
        return inner.family === outer.family && inner.first >= outer.first && inner.last <= outer.last;
      });
    }
    case "any-pod":
      return e.type === "workload" || e.type === "synthetic";
    case "ingress-controller":
      return e.type === "ingress-controller";
    case "pods": {
      if (e.type === "workload") {
        const ns = e.pod.namespace;
        const { name, kind } = workloadNameKind(e.id);
        const nsLabels = input.namespaceLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
        return (
          (spec.namespace === undefined || spec.namespace === ns) &&
          (spec.workload === undefined || spec.workload === name) &&
          (spec.workloadKind === undefined || spec.workloadKind === kind) &&
          (spec.namespaceLabels === undefined || labelsHold(spec.namespaceLabels, nsLabels)) &&
          (spec.labels === undefined || labelsHold(spec.labels, e.pod.labels))
        );
      }
      if (e.type === "synthetic") {
        // Only what every pod it stands for satisfies: a representative is never a named workload.
        if (spec.workload !== undefined || spec.workloadKind !== undefined) return false;
        const members = input.members.get(e.id);
        if (members === undefined || members.length === 0) throw new Error(`no members for representative ${e.id}`);
        return members.every(
          (m) =>
            (spec.namespace === undefined || spec.namespace === m.namespace) &&
            (spec.namespaceLabels === undefined || labelsHold(spec.namespaceLabels, m.nsLabels)) &&
            (spec.labels === undefined || labelsHold(spec.labels, m.labels)),
        );
      }
      return false;
    }
  }
}

const listMatches = (list: SpecList, e: Endpoint, input: RefInput) => list.some((s) => specMatches(s, e, input));

function namespaceOf(e: Endpoint): string | undefined {
  return e.type === "workload" || e.type === "synthetic" ? e.pod.namespace : undefined;
}

export function referenceAssertions(assertions: readonly Assertion[], input: RefInput): RefResult[] {
  const flows = new Map<string, ConnSet>();
  for (const f of input.flows) {
    const key = `${f.src.id}\u0000${f.dst.id}`;
    const conn = parseConn(f.conn.toString());
    const known = flows.get(key);
    flows.set(key, known === undefined ? conn : connUnion(known, conn));
  }
  const flow = (s: Endpoint, d: Endpoint) => flows.get(`${s.id}\u0000${d.id}`) ?? NO_CONNECTIONS;
  const pairable = (s: Endpoint, d: Endpoint) => !(s === d && s.type === "workload") && !(s.type === "external" && d.type === "external");
  return assertions.map((a) => {
    const ports = a.ports === null ? null : parseConn(a.ports.toString());
    const within = (c: ConnSet) => (ports === null ? c : intersect(c, ports));
    const out: RefViolation[] = [];
    const add = (s: Endpoint, d: Endpoint, c: ConnSet) => {
      if (!connIsEmpty(c)) out.push({ src: s.id, dst: d.id, conn: formatConn(c) });
    };
    const lists = a.type === "isolated" ? [a.namespaces] : [a.from, a.to];
    if (lists.some((l) => !input.endpoints.some((e) => listMatches(l, e, input)))) return { name: a.name, status: "no-match" as const, violations: [] };
    for (const s of input.endpoints) {
      for (const d of input.endpoints) {
        if (!pairable(s, d)) continue;
        switch (a.type) {
          case "deny":
            if (listMatches(a.from, s, input) && listMatches(a.to, d, input)) add(s, d, within(flow(s, d)));
            break;
          case "only":
            if (!listMatches(a.from, s, input) && listMatches(a.to, d, input)) add(s, d, within(flow(s, d)));
            break;
          case "allow":
            if (listMatches(a.from, s, input) && listMatches(a.to, d, input)) add(s, d, connMinus(ports!, flow(s, d)));
            break;
          case "isolated": {
            const [ns, nd] = [namespaceOf(s), namespaceOf(d)];
            if (ns !== undefined && nd !== undefined && ns !== nd && listMatches(a.namespaces, s, input) && listMatches(a.namespaces, d, input)) add(s, d, within(flow(s, d)));
            break;
          }
        }
      }
    }
    out.sort((x, y) => (x.src < y.src ? -1 : x.src > y.src ? 1 : x.dst < y.dst ? -1 : x.dst > y.dst ? 1 : 0));
    return { name: a.name, status: out.length > 0 ? "failed" : "passed", violations: out };
  });
}

/**
 * `isNew` per 4c, pair by pair: a head violation is new unless the base violated the same
 * assertion for the same pair with at least the same connections.
 */
export function referenceIsNew(base: RefResult, head: RefResult): boolean[] {
  return head.violations.map((v) => {
    const b = base.violations.find((x) => x.src === v.src && x.dst === v.dst);
    return !connIsEmpty(connMinus(parseConn(v.conn), b === undefined ? NO_CONNECTIONS : parseConn(b.conn)));
  });
}
