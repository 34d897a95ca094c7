// Truth tables over the nine pods of the e2e model, written as upstream's reachability.go does:
// start from "everything allowed" (or denied), then set exceptions by peer. Compared per (proto, port),
// self-pairs skipped (upstream ignores loopback; netreach does not report a workload to itself).
import { ALL_PODS, type Ns, type PodName, type PodRef } from "./model.js";
import type { Proto, Reach } from "./reach.js";

/** Upstream's Peer: an empty field matches every namespace / every pod name. */
export interface Peer {
  readonly ns?: Ns;
  readonly pod?: PodName;
}

function matches(peer: Peer, ref: PodRef): boolean {
  const [ns, pod] = ref.split("/") as [Ns, PodName];
  return (peer.ns === undefined || peer.ns === ns) && (peer.pod === undefined || peer.pod === pod);
}

export class Reachability {
  private readonly cells = new Map<string, boolean>();

  constructor(defaultValue = true) {
    for (const from of ALL_PODS) for (const to of ALL_PODS) this.cells.set(`${from}>${to}`, defaultValue);
  }

  get(from: PodRef, to: PodRef): boolean {
    return this.cells.get(`${from}>${to}`) ?? false;
  }

  expect(from: PodRef, to: PodRef, allowed: boolean): this {
    this.cells.set(`${from}>${to}`, allowed);
    return this;
  }

  expectPeer(from: Peer, to: Peer, allowed: boolean): this {
    for (const f of ALL_PODS) for (const t of ALL_PODS) if (matches(from, f) && matches(to, t)) this.expect(f, t, allowed);
    return this;
  }

  /** Every pod's traffic into `to`. */
  expectAllIngress(to: PodRef, allowed: boolean): this {
    for (const f of ALL_PODS) this.expect(f, to, allowed);
    return this;
  }

  /** Every connection out of `from`. */
  expectAllEgress(from: PodRef, allowed: boolean): this {
    for (const t of ALL_PODS) this.expect(from, t, allowed);
    return this;
  }
}

/** A fresh table, every pair allowed (upstream: NewReachability(allPods, true)). */
export function reachability(defaultValue = true): Reachability {
  return new Reachability(defaultValue);
}

function short(ref: PodRef): string {
  return ref.replace("/", "");
}

function render(title: string, cell: (from: PodRef, to: PodRef) => string): string {
  const header = ["-", ...ALL_PODS.map(short)].join("\t");
  const rows = ALL_PODS.map((from) => [short(from), ...ALL_PODS.map((to) => (from === to ? "-" : cell(from, to)))].join("\t"));
  return [title, header, ...rows].join("\n");
}

/**
 * Compares the engine's answer for (proto, port) on all 72 non-self pairs with the expected table.
 * On a mismatch, throws an error that prints expected, observed and the differences side by side,
 * in upstream's notation: `.` allowed, `X` blocked, `-` self (skipped); differences marked `X`.
 */
export function expectReachability(reach: Reach, proto: Proto, port: number, expected: Reachability): void {
  const observed = new Map<string, boolean>();
  const wrong: string[] = [];
  for (const from of ALL_PODS) {
    for (const to of ALL_PODS) {
      if (from === to) continue;
      const got = reach.can(from, to, proto, port);
      observed.set(`${from}>${to}`, got);
      if (got !== expected.get(from, to)) {
        wrong.push(
          `  ${from} -> ${to}: expected ${expected.get(from, to) ? "allowed" : "blocked"}, ` +
            `got ${got ? "allowed" : "blocked"} (conn: ${reach.conn(from, to)})`,
        );
      }
    }
  }
  if (wrong.length === 0) return;
  const mark = (b: boolean): string => (b ? "." : "X");
  const message = [
    `${proto} ${port}: ${wrong.length} of 72 pairs differ (. allowed, X blocked, - self)`,
    render("expected:", (f, t) => mark(expected.get(f, t))),
    render("observed:", (f, t) => mark(observed.get(`${f}>${t}`) ?? false)),
    render("comparison (X = differs):", (f, t) => (observed.get(`${f}>${t}`) === expected.get(f, t) ? "." : "X")),
    ["differences:", ...wrong].join("\n"),
  ].join("\n\n");
  throw new Error(message);
}

/** The same expected table checked on several (proto, port) cases. */
export function expectReachabilityOn(reach: Reach, cases: readonly (readonly [Proto, number])[], expected: Reachability): void {
  for (const [proto, port] of cases) expectReachability(reach, proto, port, expected);
}
