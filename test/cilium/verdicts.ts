// The scenarios of test/fixtures/cilium (cases.json, more-cases.json) and the check of one
// scenario's stated flows against a `netreach.reach/v1` document. Written against the JSON
// contract only: what a user of `netreach reach --format json` would read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceFile } from "../../src/load/object/source.js";
import type { FlowJson, ReachJson } from "../../src/report/reach-json.js";
import { ALL_CONNECTIONS, connIsEmpty, connMinus, formatConn, NO_CONNECTIONS, parseConn, type ConnSet } from "../support/conn.js";
import { isIpv6, parseIpv4Cidr, type Ipv4Range } from "../support/ranges.js";

export type Verdict = "allow" | "deny" | "l7";

/** Every src x dst pair gets `verdict` on `conn` ("TCP 8080", "UDP 53", "TCP 80-90" or "ANY"). */
export interface StatedFlow {
  readonly src: readonly string[];
  readonly dst: readonly string[];
  readonly conn: string;
  readonly verdict: Verdict;
  /** Why the flow holds when it is not literally the upstream test's stated result. */
  readonly basis?: string;
}

export interface Scenario {
  readonly name: string;
  readonly kind: string;
  readonly features?: readonly string[];
  readonly source: string;
  readonly basis?: string;
  /** Manifests, relative to the cases file's folder. */
  readonly files: readonly string[];
  readonly flows: readonly StatedFlow[];
}

export interface CasesFile {
  readonly dir: string;
  readonly scenarios: readonly Scenario[];
}

/** The Cilium scenarios of a cases file (other kinds, e.g. Istio's, are checked elsewhere). */
export function readCases(dir: string, name: string): CasesFile {
  const doc = JSON.parse(readFileSync(join(dir, name), "utf8")) as { scenarios: Scenario[] };
  return { dir, scenarios: doc.scenarios.filter((s) => s.kind === "cilium") };
}

/** The scenario's manifests, named by their path in the fixtures folder as diagnostics show them. */
export function scenarioFiles(cases: CasesFile, scenario: Scenario, shownAs: (file: string) => string): SourceFile[] {
  return scenario.files.map((f) => ({ path: shownAs(f), text: readFileSync(join(cases.dir, f), "utf8") }));
}

/** The stated conn as a set; ANY is every protocol and port. */
export function statedConn(conn: string): ConnSet {
  return conn === "ANY" ? ALL_CONNECTIONS : parseConn(conn);
}

function intersect(a: ConnSet, b: ConnSet): ConnSet {
  return connMinus(a, connMinus(a, b));
}

const CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/**
 * The endpoint ids a reference names: `ns/name[Kind]` verbatim, or for an IPv4 CIDR every external
 * address class that overlaps it (the class containing the address when it is one address).
 */
export function endpointsOf(json: ReachJson, ref: string): string[] {
  if (!CIDR.test(ref)) return json.endpoints.some((e) => e.id === ref) ? [ref] : [];
  const [lo, hi] = parseIpv4Cidr(ref);
  const overlaps = (r: Ipv4Range) => r[0] <= hi && lo <= r[1];
  return json.endpoints.filter((e) => e.type === "external" && e.cidrs.some((c) => !isIpv6(c) && overlaps(parseIpv4Cidr(c)))).map((e) => e.id);
}

export interface Disagreement {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
  readonly verdict: Verdict;
  /** What netreach says instead. */
  readonly got: string;
}

function flowIndex(json: ReachJson): Map<string, FlowJson> {
  return new Map(json.flows.map((f) => [`${f.src}\u0000${f.dst}`, f]));
}

/** What is wrong with one pair, or undefined when netreach agrees. */
function judge(flow: FlowJson | undefined, stated: StatedFlow): string | undefined {
  const want = statedConn(stated.conn);
  const have = flow === undefined ? NO_CONNECTIONS : parseConn(flow.conn);
  const l7 = flow?.l7 === undefined ? NO_CONNECTIONS : parseConn(flow.l7.conn);
  const shown = `conn ${formatConn(have)}${flow?.l7 === undefined ? "" : `, L7-filtered ${flow.l7.conn}`}`;
  const missing = connMinus(want, have);
  switch (stated.verdict) {
    case "deny":
      return connIsEmpty(intersect(want, have)) ? undefined : `${shown}: ${formatConn(intersect(want, have))} is open`;
    case "allow":
      if (!connIsEmpty(missing)) return `${shown}: ${formatConn(missing)} is closed`;
      // Upstream lets every request through here: a flow marked L7-filtered would tell the user otherwise.
      if (!connIsEmpty(intersect(want, l7))) return `${shown}: ${formatConn(intersect(want, l7))} is marked L7-filtered`;
      return undefined;
    case "l7":
      if (!connIsEmpty(missing)) return `${shown}: ${formatConn(missing)} is closed`;
      if (!connIsEmpty(connMinus(want, l7))) return `${shown}: ${formatConn(connMinus(want, l7))} is not marked L7-filtered`;
      return undefined;
  }
}

/** Every stated pair netreach disagrees with; an endpoint missing from the report is one too. */
export function disagreements(json: ReachJson, scenario: Scenario): Disagreement[] {
  const flows = flowIndex(json);
  const out: Disagreement[] = [];
  for (const stated of scenario.flows) {
    for (const srcRef of stated.src) {
      for (const dstRef of stated.dst) {
        const base = { src: srcRef, dst: dstRef, conn: stated.conn, verdict: stated.verdict };
        const srcs = endpointsOf(json, srcRef);
        const dsts = endpointsOf(json, dstRef);
        if (srcs.length === 0 || dsts.length === 0) {
          out.push({ ...base, got: `no endpoint ${srcs.length === 0 ? srcRef : dstRef} in the report` });
          continue;
        }
        for (const src of srcs) {
          for (const dst of dsts) {
            // reach lists no flow from a workload to itself: a scenario stating one is miswritten.
            if (src === dst) {
              out.push({ ...base, got: "nothing: a workload to itself is not a flow" });
              continue;
            }
            const got = judge(flows.get(`${src}\u0000${dst}`), stated);
            const where = src === srcRef && dst === dstRef ? "" : ` (${src} -> ${dst})`;
            if (got !== undefined) out.push({ ...base, got: got + where });
          }
        }
      }
    }
  }
  return out;
}

const OPPOSITE: Record<Verdict, Verdict> = { allow: "deny", deny: "allow", l7: "deny" };

/** The scenario with every flow's verdict turned around: netreach must disagree with each flow it agreed with. */
export function turnedAround(scenario: Scenario): Scenario {
  return { ...scenario, flows: scenario.flows.map((f) => ({ ...f, verdict: OPPOSITE[f.verdict] })) };
}

export function formatDisagreement(d: Disagreement): string {
  return `${d.src} -> ${d.dst} ${d.conn}: expected ${d.verdict}, got ${d.got}`;
}

/** How many pair checks a scenario states (each src x dst of each flow). */
export function pairCount(scenario: Scenario): number {
  return scenario.flows.reduce((n, f) => n + f.src.length * f.dst.length, 0);
}
