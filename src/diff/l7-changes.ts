// Flows whose connection a pull request leaves alone but whose L7 filtering it changes: a Cilium
// `rules: http` removed lets every request through the same port, which no opened or closed port
// shows. Looked for only where some rule has L7 filters, among pairs a policy with filters governs.
import type { Endpoint, PodEndpoint } from "../model/endpoint.js";
import type { Direction, Policy } from "../model/policy.js";
import { policyName, rulePath } from "../model/policy-names.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "../reach/evaluate.js";
import { hasL7, l7Part, type L7Part } from "../reach/l7.js";
import type { Shared } from "../reach/shared.js";
import type { Universe } from "../reach/universe.js";

export interface L7Change {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** The connection, the same on both sides. */
  readonly conn: ConnSet;
  readonly base: L7Part | null;
  readonly head: L7Part | null;
}

export interface L7Group {
  readonly b: number | undefined;
  readonly h: number | undefined;
  readonly members: readonly PodEndpoint[];
}

/** What makes two L7 parts the same to a reviewer: the ports and each rule's filters on them. */
export function l7Key(p: L7Part | null): string {
  if (p === null) return "";
  const rules = p.by.map((b) => `${b.policy.kind ?? ""}|${policyName(b.policy)}|${rulePath(b.rule)}|${b.filters.map((f) => f.said).join(";")}|${b.conn.toString()}`).sort();
  return `${p.conn.toString()}\n${rules.join("\n")}`;
}

export function l7Changes(universe: Universe, shared: Shared, rb: Reachability, rh: Reachability, groups: readonly L7Group[], policies: { readonly base: readonly Policy[]; readonly head: readonly Policy[] }): L7Change[] {
  if (!hasL7(policies.base) && !hasL7(policies.head)) return [];
  const P = universe.podClasses.length;
  // The classes a policy with filters in a direction selects, on either side.
  const subjects = { ingress: new Set<number>(), egress: new Set<number>() };
  for (const p of [...policies.base, ...policies.head]) {
    for (const dir of ["ingress", "egress"] as const satisfies readonly Direction[]) {
      if (!(p[dir] ?? []).some((r) => r.l7 !== undefined && r.l7.length > 0)) continue;
      for (const c of shared.subjects(universe, p)) subjects[dir].add(c);
    }
  }
  const out: L7Change[] = [];
  const compare = (bs: number | undefined, bd: number | undefined, hs: number | undefined, hd: number | undefined): { conn: ConnSet; base: L7Part | null; head: L7Part | null } | null => {
    if (bs === undefined || bd === undefined || hs === undefined || hd === undefined) return null;
    const b = rb.conn(bs, bd);
    const h = rh.conn(hs, hd);
    // A changed connection is a change of its own, which carries its L7 parts.
    if (b.isEmpty || !(b === h || b.equals(h))) return null;
    const base = l7Part(rb, bs, bd, b);
    const head = l7Part(rh, hs, hd, h);
    return l7Key(base) === l7Key(head) ? null : { conn: h, base, head };
  };
  const governed = (g: L7Group, dir: Direction) => (g.b !== undefined && subjects[dir].has(g.b)) || (g.h !== undefined && subjects[dir].has(g.h));
  for (const ga of groups) {
    const out1 = governed(ga, "egress");
    for (const gb of groups) {
      if (!out1 && !governed(gb, "ingress")) continue;
      const c = compare(ga.b, gb.b, ga.h, gb.h);
      if (c) for (const x of ga.members) for (const y of gb.members) if (x !== y || x.type !== "workload") out.push({ src: x, dst: y, ...c });
    }
    universe.externals.forEach((ext, e) => {
      if (out1) {
        const c = compare(ga.b, P + e, ga.h, P + e);
        if (c) for (const x of ga.members) out.push({ src: x, dst: ext, ...c });
      }
      if (governed(ga, "ingress")) {
        const c = compare(P + e, ga.b, P + e, ga.h);
        if (c) for (const x of ga.members) out.push({ src: ext, dst: x, ...c });
      }
    });
  }
  return out.sort((x, y) => (x.src.id < y.src.id ? -1 : x.src.id > y.src.id ? 1 : x.dst.id < y.dst.id ? -1 : x.dst.id > y.dst.id ? 1 : 0));
}
