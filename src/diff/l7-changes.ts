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
  // The node pairs a rule with filters governs, on either side: its subjects and the peers it
  // names (a DNS rule's are the name servers). A plain rule beside it changes only these pairs'
  // filtering too, so they are all that is compared.
  const candidates = new Map<number, Set<number>>();
  const add = (src: number, dst: number) => {
    let set = candidates.get(src);
    if (set === undefined) candidates.set(src, (set = new Set()));
    set.add(dst);
  };
  const peers = shared.peers(universe);
  for (const p of distinct([...policies.base, ...policies.head])) {
    if (!hasL7([p])) continue;
    const subjects = shared.subjects(universe, p);
    for (const dir of ["ingress", "egress"] as const satisfies readonly Direction[]) {
      for (const rule of p[dir] ?? []) {
        if (rule.l7 === undefined || rule.l7.length === 0) continue;
        const nodes = peers.of(p.namespace, rule.peers);
        for (const s of subjects) for (const n of nodes) if (dir === "egress") add(s, n);
        else add(n, s);
      }
    }
  }
  // Groups by the class they hold on either side.
  const byClass = new Map<number, number[]>();
  groups.forEach((g, i) => {
    for (const c of new Set([g.b, g.h])) {
      if (c === undefined) continue;
      const list = byClass.get(c);
      if (list) list.push(i);
      else byClass.set(c, [i]);
    }
  });
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
  const seen = new Set<string>();
  for (const [src, dsts] of candidates) {
    for (const dst of dsts) {
      if (src >= P && dst >= P) continue;
      for (const a of src >= P ? [-1 - (src - P)] : (byClass.get(src) ?? [])) {
        for (const b of dst >= P ? [-1 - (dst - P)] : (byClass.get(dst) ?? [])) {
          const key = `${a} ${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          // Negative: an external class (the same node on both sides).
          const ga = a >= 0 ? groups[a]! : undefined;
          const gb = b >= 0 ? groups[b]! : undefined;
          const ext = (i: number) => P + (-1 - i);
          const c = compare(ga ? ga.b : ext(a), gb ? gb.b : ext(b), ga ? ga.h : ext(a), gb ? gb.h : ext(b));
          if (c === null) continue;
          const from: readonly Endpoint[] = ga ? ga.members : [universe.externals[-1 - a]!];
          const to: readonly Endpoint[] = gb ? gb.members : [universe.externals[-1 - b]!];
          for (const x of from) for (const y of to) if (x !== y || x.type !== "workload") out.push({ src: x, dst: y, ...c });
        }
      }
    }
  }
  return out.sort((x, y) => (x.src.id < y.src.id ? -1 : x.src.id > y.src.id ? 1 : x.dst.id < y.dst.id ? -1 : x.dst.id > y.dst.id ? 1 : 0));
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
