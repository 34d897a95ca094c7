// The one evaluator of NetworkPolicy semantics, over classes rather than pods.
//
// Nodes: pod classes are 0..P-1, external classes P..P+E-1. For each destination the allowed
// ingress from every source is a row; for each source the allowed egress to every destination
// is a row. A row depends only on which rules apply (and, for ingress with named ports, on the
// destination's port names), so classes governed by the same rules share one row, computed the
// first time it is asked for: a diff asks only for the rows a change can touch.
// Admin-tier policies fold around the NetworkPolicy row (admin-tiers.ts).
import type { Direction, Policy } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import { foldTier, tierRules, walkTier, type AppliedAdminRule, type TierWalk } from "./admin-tiers.js";
import { decide, type Piece, type RuleMatch, type TierMatch } from "./decisions.js";
import { anyNamed, ListNames, namedPortsKey, rulesSaid, tierSaid } from "./list-keys.js";
import { OPEN_ROW, rowAt, unionRows, type Row } from "./row.js";
import { hasNamedPorts, rulePorts, type PortNames } from "./rule-ports.js";
import { Shared, type AppliedRule, type Governing, type GoverningLists, type SidePolicies } from "./shared.js";
import type { Universe } from "./universe.js";
import { SelectorIndex } from "../model/selector-index.js";
import { includes, listMatch, type ListMatch } from "./list-match.js";

export interface Reachability {
  readonly universe: Universe;
  /** Number of nodes: pod classes then external classes. */
  readonly size: number;
  /** Allowed connections from node `src` to node `dst` (not both external). */
  conn(src: number, dst: number): ConnSet;
  /** What pod class `cls` allows in one direction: ingress from each node, or egress to each. */
  row(cls: number, dir: Direction): Row;
  /**
   * `row(cls, dir)` within `ports`: at every node, that row's set intersected with `ports`. Worked
   * out from the rules' ports within `ports`, so rules that say nothing of them cost nothing: an
   * assertion on TCP 5432 asks for rows of thousands of classes whose rules name other ports.
   */
  rowWithin(cls: number, dir: Direction, ports: ConnSet): Row;
  /**
   * Names what `row(cls, dir)` depends on: reachabilities evaluated with the same `Shared` over
   * the same universe have equal rows where their signatures are equal.
   */
  signature(cls: number, dir: Direction): string;
  /**
   * What `row(cls, dir)` is made of, by object: cheaper to compare than a signature, and enough
   * where a pull request left the policies alone (sameGoverning).
   */
  governing(cls: number, dir: Direction): Governing;
  /** The policies selecting a pod class that isolate the given direction. */
  isolating(cls: number, dir: Direction): readonly Policy[];
  /**
   * The rules that allow traffic between `src` and `dst` in one direction (ingress: rules of
   * policies selecting dst that match src; egress: of policies selecting src that match dst),
   * each with what it allows. For explanations: called for changed pairs only.
   */
  matchingRules(src: number, dst: number, dir: Direction): readonly RuleMatch[];
  /**
   * Which rule of which tier decided each port between `src` and `dst` in one direction; null
   * where no admin-tier rule applies to the subject (NetworkPolicy alone decides, as explained
   * by `isolating` and `matchingRules`). For explanations: called for changed pairs only.
   */
  decisions(src: number, dst: number, dir: Direction): readonly Piece[] | null;
  /**
   * The admin-tier rules governing the pair's subject in one direction, in the order they are
   * consulted, and those matching the peer with their ports there. The baseline tier's are listed
   * even where NetworkPolicy isolates the subject (and the baseline is then not consulted). For
   * `netreach why`: one pair at a time.
   */
  consultedTiers(src: number, dst: number, dir: Direction): { readonly admin: ConsultedTier; readonly deny: ConsultedTier; readonly baseline: ConsultedTier };
  /**
   * What `isolating`, `matchingRules` and `decisions` say of the pair in one direction depends on,
   * as text: the objects governing the subject, which of their rules match the peer, and the
   * destination's named ports. Pairs with equal keys are explained alike.
   */
  explanationKey(src: number, dst: number, dir: Direction): string;
  /**
   * `explanationKey` as a number, equal for equal keys of this reachability, without making the
   * text: a diff of a thousand namespaces asks it for a million pairs.
   */
  explanationId(src: number, dst: number, dir: Direction): number;
}

/** One tier's rules for a subject, in order, and those that match a peer (a subsequence, with their ports). */
export interface ConsultedTier {
  readonly rules: readonly AppliedAdminRule[];
  readonly matches: readonly TierMatch[];
}

/** A pod class's explanation key parts in one direction, and its key for peers no rule names (by port names). */
interface SubjectKeys {
  readonly governed: number;
  readonly lists: readonly [ListMatch | null, ListMatch | null, ListMatch | null, ListMatch | null];
  readonly plain: Map<number, number>;
}

/** Small numbers for tuples of small numbers, by a trie of maps: no string made per lookup. */
export class TupleIds {
  private readonly root = new Map<number, unknown>();
  private next = 0;

  id(a: number, b: number, c: number, d: number, e: number, f = -1): number {
    const m1 = step(this.root, a);
    const m2 = step(m1, b);
    const m3 = step(m2, c);
    const m4 = step(m3, d);
    const m5 = step(m4, e) as Map<number, number>;
    let n = m5.get(f);
    if (n === undefined) m5.set(f, (n = this.next++));
    return n;
  }
}

/** Whether an ascending list holds `x`. */
function holds(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function step(m: Map<number, unknown>, k: number): Map<number, unknown> {
  let next = m.get(k) as Map<number, unknown> | undefined;
  if (next === undefined) m.set(k, (next = new Map()));
  return next;
}


export function evaluate(universe: Universe, side: SidePolicies, shared = new Shared()): Reachability {
  const P = universe.podClasses.length;
  const size = P + universe.externals.length;
  const peers = shared.peers(universe);
  const { interner, ruleIds } = shared;
  const policies = side.policies;
  const tiers = side.adminPolicies.length > 0 ? tierRules(side.adminPolicies, peers, P) : null;
  const noRules: readonly AppliedAdminRule[] = [];
  const adminRules = (cls: number, dir: Direction) => (tiers === null || cls >= P ? noRules : tiers("admin", dir, cls));
  // Cilium's deny rules: after the admin tier (a Pass leads to them), over every allow.
  const denyRules = (cls: number, dir: Direction) => (tiers === null || cls >= P ? noRules : tiers("deny", dir, cls));
  // The baseline tier decides only where no NetworkPolicy isolates the class.
  const baselineRules = (cls: number, dir: Direction) => (tiers === null || cls >= P || isolatingOf(dir, cls).length > 0 ? noRules : tiers("baseline", dir, cls));

  // Policies and rules applying to each pod class, per direction. Classes (and revisions)
  // selected by the same policies share one list of each (Shared.governingLists), and what
  // signatures work out from it, once per list.
  // Made when a class is first asked about: a diff asks only about the classes a change touches
  // (and the pairs that changed), not about every class of the cluster. A policy selects pods of
  // its own namespace, or (Cilium's clusterwide ones) of the namespaces its selector picks: a
  // class's candidates are those, in the side's order, each checked against its subjects.
  const ofNamespace = new Map<string, number[]>();
  const acrossNamespaces: number[] = [];
  policies.forEach((p, i) => {
    if (p.subjectNamespaces !== undefined) acrossNamespaces.push(i);
    else {
      const list = ofNamespace.get(p.namespace);
      if (list) list.push(i);
      else ofNamespace.set(p.namespace, [i]);
    }
  });
  // A namespace's policies by the labels their subjects need: a namespace of thousands of
  // services, each with a policy of its own, finds a class's few without trying all.
  const subjectIndexes = new Map<string, SelectorIndex>();
  const ofOwnNamespace = (cls: number): number[] => {
    const c = universe.podClasses[cls]!;
    const here = ofNamespace.get(c.namespace) ?? [];
    // hostNetwork pods share the node's network namespace: no policy selects them (as subjects leaves them out).
    if (c.hostNetwork || here.length === 0) return [];
    let index = subjectIndexes.get(c.namespace);
    if (index === undefined) subjectIndexes.set(c.namespace, (index = new SelectorIndex(here.map((i) => policies[i]!.subject))));
    return index.matching(c.labels).map((k) => here[k]!);
  };
  const selectingOf: (readonly Policy[] | undefined)[] = new Array(P);
  const selecting = (cls: number): readonly Policy[] => {
    let out = selectingOf[cls];
    if (out === undefined) {
      const here = ofOwnNamespace(cls);
      const across = acrossNamespaces.filter((i) => holds(shared.subjects(universe, policies[i]!), cls));
      const selected = across.length === 0 ? here : [...here, ...across].sort((a, b) => a - b);
      selectingOf[cls] = out = selected.map((i) => policies[i]!);
    }
    return out;
  };
  const lists: Record<Direction, (GoverningLists | undefined)[]> = { ingress: new Array(P), egress: new Array(P) };
  const listsOf = (dir: Direction, cls: number): GoverningLists => {
    let l = lists[dir][cls];
    if (l === undefined) lists[dir][cls] = l = shared.governingLists(dir, selecting(cls).filter((p) => p[dir]));
    return l;
  };
  const isolatingOf = (dir: Direction, cls: number) => listsOf(dir, cls).isolating;
  const appliedOf = (dir: Direction, cls: number) => listsOf(dir, cls).applied;

  const portNamesOf = (node: number): PortNames => (node < P ? universe.podClasses[node]!.namedPorts : null);
  const portsKey = (node: number): string => (node < P ? namedPortsKey(universe.podClasses[node]!.namedPorts) : "ext");

  const signatures: Record<Direction, (string | undefined)[]> = { ingress: new Array(P), egress: new Array(P) };
  const signature = (cls: number, dir: Direction): string => {
    let sig = signatures[dir][cls];
    if (sig === undefined) {
      const parts: (string | number)[] = [];
      const rules = appliedOf(dir, cls);
      const isolated = isolatingOf(dir, cls).length > 0;
      parts.push(isolated ? rulesSaid(rules, ruleIds) : "open");
      // Ingress rows resolve named ports on the destination, which is the class itself.
      let named = dir === "ingress" && anyNamed(rules);
      // Tier rules in the order they are consulted: the first match decides, so order counts.
      for (const [tier, tierRules] of [["A", adminRules(cls, dir)], ["D", denyRules(cls, dir)], ["B", baselineRules(cls, dir)]] as const) {
        if (tierRules.length === 0) continue;
        parts.push(`${tier}:${tierSaid(tierRules, ruleIds)}`);
        named ||= dir === "ingress" && anyNamed(tierRules);
      }
      sig = parts.length === 1 && !isolated ? "open" : `${dir}:${parts.join("|")}${named ? ":" + portsKey(cls) : ""}`;
      signatures[dir][cls] = sig;
    }
    return sig;
  };

  // Rows by signature, shared with every revision evaluated with this `Shared` over this universe:
  // equal signatures make equal rows, so a diff works out a row its revisions share only once.
  const rowCache = shared.rows(universe);
  const rowOf: Record<Direction, (Row | undefined)[]> = { ingress: new Array(P), egress: new Array(P) };
  const row = (cls: number, dir: Direction): Row => {
    let r = rowOf[dir][cls];
    if (r === undefined) {
      const sig = signature(cls, dir);
      r = rowCache.get(sig);
      if (r === undefined) {
        r = sig === "open" ? OPEN_ROW : tieredRow(cls, dir, null);
        rowCache.set(sig, r);
      }
      rowOf[dir][cls] = r;
    }
    return r;
  };
  // Rows within port sets, by the set's text and the signature: every operation of a row (union,
  // subtraction, first match) commutes with intersecting by a fixed set.
  // Per port set object (an assertion asks with its own, pair after pair): its interned form and text, made once.
  const limits = new WeakMap<ConnSet, { readonly limit: ConnSet; readonly text: string; readonly byCls: Record<Direction, (Row | undefined)[]> }>();
  const limitedOf = new Map<string, Record<Direction, (Row | undefined)[]>>();
  const rowWithin = (cls: number, dir: Direction, ports: ConnSet): Row => {
    let known = limits.get(ports);
    if (known === undefined) {
      const limit = interner.intern(ports);
      const text = limit.toString();
      let byCls = limitedOf.get(text);
      if (byCls === undefined) limitedOf.set(text, (byCls = { ingress: new Array(P), egress: new Array(P) }));
      limits.set(ports, (known = { limit, text, byCls }));
    }
    const { limit, text, byCls } = known;
    let r = byCls[dir][cls];
    if (r === undefined) {
      const sig = signature(cls, dir);
      const key = `${sig}@${text}`;
      r = rowCache.get(key);
      if (r === undefined) {
        // Already made in full: cut, which costs its listed nodes.
        const full = rowCache.get(sig);
        r = full !== undefined ? limitRow(full, limit) : sig === "open" ? limitRow(OPEN_ROW, limit) : tieredRow(cls, dir, limit);
        rowCache.set(key, r);
      }
      byCls[dir][cls] = r;
    }
    return r;
  };
  const limitRow = (r: Row, limit: ConnSet): Row => {
    const fallback = interner.intersect(r.fallback, limit);
    const nodes: number[] = [];
    const conns: ConnSet[] = [];
    r.nodes.forEach((n, i) => {
      const c = interner.intersect(r.conns[i]!, limit);
      if (c === fallback || (c.isEmpty && fallback.isEmpty)) return;
      nodes.push(n);
      conns.push(c);
    });
    return { fallback, nodes: Int32Array.from(nodes), conns };
  };

  // NetworkPolicy's row where it isolates, else the baseline tier's; the admin tier around it.
  // `limit`: every rule's ports within it (null: as written), so the row is the full one within it.
  const tieredRow = (cls: number, dir: Direction, limit: ConnSet | null): Row => {
    let r: Row = limit === null ? OPEN_ROW : limitRow(OPEN_ROW, limit);
    if (isolatingOf(dir, cls).length > 0) r = dir === "ingress" ? ingressRow(cls, limit) : egressRow(cls, limit);
    const baseline = baselineRules(cls, dir);
    if (baseline.length > 0) r = foldTier(tierWalk(cls, dir, baseline, limit), r, interner);
    const deny = denyRules(cls, dir);
    if (deny.length > 0) r = foldTier(tierWalk(cls, dir, deny, limit), r, interner);
    const admin = adminRules(cls, dir);
    if (admin.length > 0) r = foldTier(tierWalk(cls, dir, admin, limit), r, interner);
    return r;
  };
  // A rule's ports on a destination of these port names, within `limit`: once per rule, names and
  // limit (rows within a port set are asked of thousands of classes governed by alike rules).
  const limitedPorts = new Map<ConnSet, WeakMap<object, Map<PortNames, ConnSet>>>();
  const portsWithin = (rule: Parameters<typeof rulePorts>[0], names: PortNames, limit: ConnSet | null): ConnSet => {
    if (limit === null) return rulePorts(rule, names);
    let byRule = limitedPorts.get(limit);
    if (byRule === undefined) limitedPorts.set(limit, (byRule = new WeakMap()));
    let byNames = byRule.get(rule);
    if (byNames === undefined) byRule.set(rule, (byNames = new Map()));
    let c = byNames.get(names);
    if (c === undefined) byNames.set(names, (c = interner.intersect(interner.intern(rulePorts(rule, names)), limit)));
    return c;
  };

  // A tier's walk depends on its rules in order and, for ingress, the subject's named ports: the
  // classes of a team's namespaces share one walk whatever their NetworkPolicies, and so do the
  // revisions of a diff where the tier rules say the same.
  const walks = shared.walks(universe);
  const tierWalk = (cls: number, dir: Direction, rules: readonly AppliedAdminRule[], limit: ConnSet | null): TierWalk => {
    const named = dir === "ingress" && anyNamed(rules);
    const key = `${dir}|${tierSaid(rules, ruleIds)}|${named ? portsKey(cls) : ""}${limit === null ? "" : `@${limit.toString()}`}`;
    let w = walks.get(key);
    if (w === undefined) {
      const plain = shared.plainAdminRows(universe, limit === null ? "" : limit.toString());
      const portsOf = limit === null ? rulePorts : (rule: Parameters<typeof rulePorts>[0], names: PortNames) => portsWithin(rule, names, limit);
      walks.set(key, (w = walkTier(rules, peers, dir === "ingress" ? () => portNamesOf(cls) : portNamesOf, interner, plain, portsOf)));
    }
    return w;
  };

  // A class's row is its rules' rows combined: a rule's own row is made once for every class and
  // revision whose lists hold it (a diff's revisions share nearly all rules), and most classes
  // are governed by one or two rules, whose rows then are the class's row or one merge away.
  // Rules to "any" peer give their ports to every node: the fallback, not a row of their own.
  // Ingress to d: every rule's ports resolve on d's named ports.
  const ingressRow = (d: number, limit: ConnSet | null): Row => {
    const names = portNamesOf(d);
    const rules = appliedOf("ingress", d);
    const own: Row[] = [];
    let fallback = ConnSet.NONE;
    for (const r of rules) {
      const from = r.rule.peers;
      if (from === "any") fallback = interner.union(fallback, interner.intern(portsWithin(r.rule, names, limit)));
      else own.push(ruleRow(r, hasNamedPorts(r.rule) ? portsKey(d) : "", limit, (ports) => shared.filledRow(peers.of(r.policy.namespace, from), interner.intern(ports(names)))));
    }
    return unionRows(fallback, own, interner);
  };

  // Egress from s: a rule's named ports resolve per destination.
  const egressRow = (s: number, limit: ConnSet | null): Row => {
    const rules = appliedOf("egress", s);
    const own: Row[] = [];
    let fallback = ConnSet.NONE;
    for (const r of rules) {
      const named = hasNamedPorts(r.rule);
      // A rule to "any" peer allows its numeric ports everywhere (named ports match no external
      // address); its named ports add, per pod class, the numbers that class gives them.
      if (r.rule.peers === "any") fallback = interner.union(fallback, interner.intern(portsWithin(r.rule, null, limit)));
      if (r.rule.peers === "any" && !named) continue;
      own.push(ruleRow(r, "", limit, (ports) => {
        const targets = r.rule.peers === "any" ? peers.pods : peers.of(r.policy.namespace, r.rule.peers);
        if (!named) return shared.filledRow(targets, interner.intern(ports(null)));
        // Per destination, by its port names; the same for every rule of these ports and peers.
        const said = `${JSON.stringify(r.rule.ports)}${limit === null ? "" : `@${limit.toString()}`}`;
        return shared.rowOver(targets, said, () => {
          const nodes: number[] = [];
          const conns: ConnSet[] = [];
          const perNames = new Map<PortNames, ConnSet>();
          for (const d of targets) {
            const names = portNamesOf(d);
            let p = perNames.get(names);
            if (!p) perNames.set(names, (p = interner.intern(ports(names))));
            if (p.isEmpty) continue;
            nodes.push(d);
            conns.push(p);
          }
          return { fallback: ConnSet.NONE, nodes: Int32Array.from(nodes), conns };
        });
      }));
    }
    return unionRows(fallback, own, interner);
  };

  /** A rule's own row, by the port names it resolves on (`namesKey`) and `limit`: made once. */
  const ruleRow = (r: AppliedRule, namesKey: string, limit: ConnSet | null, make: (ports: (names: PortNames) => ConnSet) => Row): Row => {
    const byRule = shared.ruleRows(universe, limit);
    let byNames = byRule.get(r);
    if (byNames === undefined) byRule.set(r, (byNames = new Map()));
    let row = byNames.get(namesKey);
    if (row === undefined) {
      byNames.set(namesKey, (row = make((names) => portsWithin(r.rule, names, limit))));
    }
    return row;
  };

  // Which rules of a list match a peer, one digit a rule (list-match.ts, shared with explanationId).
  const matching = <R>(rules: readonly R[], peer: number, nodesOf: (r: R) => Int32Array): string => listMatchOf(rules, nodesOf)?.textAt(peer) ?? "";
  const npNodes = (r: AppliedRule) => peers.of(r.policy.namespace, r.rule.peers);
  const adminNodes = (r: AppliedAdminRule) => peers.ofAdminRule(r.rule);
  const decisionCache = new Map<string, readonly Piece[]>();
  const listNames = new ListNames();
  // Which rule objects govern a class (not what they say, as signatures do): reasons name them.
  const governed: Record<Direction, (string | undefined)[]> = { ingress: new Array(P), egress: new Array(P) };
  const governedBy = (cls: number, dir: Direction): string => {
    let key = governed[dir][cls];
    if (key === undefined) {
      // The direction too: a class's ingress and egress may be governed by lists of the same names.
      key = [dir, listNames.of(appliedOf(dir, cls)), listNames.of(isolatingOf(dir, cls)), listNames.of(adminRules(cls, dir)), listNames.of(denyRules(cls, dir)), listNames.of(baselineRules(cls, dir)), portsKey(cls)].join("|");
      governed[dir][cls] = key;
    }
    return key;
  };
  // explanationKey's parts as numbers: each distinct text gets one, each class's and list's once.
  const texts = new Map<string, number>();
  const textId = (t: string) => {
    let n = texts.get(t);
    if (n === undefined) texts.set(t, (n = texts.size));
    return n;
  };
  const governedIds: Record<Direction, Int32Array> = { ingress: new Int32Array(P).fill(-1), egress: new Int32Array(P).fill(-1) };
  const governedId = (cls: number, dir: Direction) => {
    let n = governedIds[dir][cls]!;
    if (n < 0) governedIds[dir][cls] = n = textId(governedBy(cls, dir));
    return n;
  };
  const portsIds = new Int32Array(size).fill(-1);
  const portsId = (node: number) => {
    let n = portsIds[node]!;
    if (n < 0) portsIds[node] = n = textId(portsKey(node));
    return n;
  };
  // Per rule list: which rules match each peer, as text and by number (list-match.ts).
  const listMatches = new WeakMap<readonly object[], ListMatch>();
  const listMatchOf = <R>(rules: readonly R[], nodesOf: (r: R) => Int32Array): ListMatch | null => {
    if (rules.length === 0) return null;
    let m = listMatches.get(rules as readonly object[]);
    if (m === undefined) listMatches.set(rules as readonly object[], (m = listMatch(rules.map(nodesOf), textId)));
    return m;
  };
  const subjectKeys: Record<Direction, (SubjectKeys | undefined)[]> = { ingress: new Array(P), egress: new Array(P) };
  const subjectKeysOf = (subject: number, dir: Direction): SubjectKeys => {
    let k = subjectKeys[dir][subject];
    if (k === undefined) {
      const lists = [
        listMatchOf(appliedOf(dir, subject), npNodes),
        listMatchOf(adminRules(subject, dir), adminNodes),
        listMatchOf(baselineRules(subject, dir), adminNodes),
        listMatchOf(denyRules(subject, dir), adminNodes),
      ] as const;
      subjectKeys[dir][subject] = k = { governed: governedId(subject, dir), lists, plain: new Map() };
    }
    return k;
  };
  const keyIds: Record<Direction, TupleIds> = { ingress: new TupleIds(), egress: new TupleIds() };

  const matchingRules = (src: number, dst: number, dir: Direction): readonly RuleMatch[] => {
    const [subject, peer] = dir === "ingress" ? [dst, src] : [src, dst];
    if (subject >= P) return [];
    return appliedOf(dir, subject)
      .filter((r) => includes(peers.of(r.policy.namespace, r.rule.peers), peer))
      .map((r) => ({ policy: r.policy, rule: r.rule, conn: rulePorts(r.rule, portNamesOf(dst)) }))
      .filter((m) => !m.conn.isEmpty);
  };

  return {
    universe,
    size,
    conn(src: number, dst: number): ConnSet {
      const out = src < P ? rowAt(row(src, "egress"), dst) : ConnSet.ALL;
      const inn = dst < P ? rowAt(row(dst, "ingress"), src) : ConnSet.ALL;
      return interner.intersect(out, inn);
    },
    row,
    rowWithin,
    signature,
    governing(cls: number, dir: Direction): Governing {
      const said = (rules: readonly AppliedAdminRule[]) => (rules.length === 0 ? -1 : tierSaid(rules, ruleIds));
      return { policies: listsOf(dir, cls).members, admin: said(adminRules(cls, dir)), deny: said(denyRules(cls, dir)), baseline: said(baselineRules(cls, dir)) };
    },
    isolating(cls: number, dir: Direction): readonly Policy[] {
      return cls < P ? isolatingOf(dir, cls) : [];
    },
    matchingRules,
    explanationKey(src: number, dst: number, dir: Direction): string {
      const [subject, peer] = dir === "ingress" ? [dst, src] : [src, dst];
      if (subject >= P) return "-"; // external addresses have no policies
      const bits = `${matching(appliedOf(dir, subject), peer, npNodes)}|${matching(adminRules(subject, dir), peer, adminNodes)}|${matching(denyRules(subject, dir), peer, adminNodes)}|${matching(baselineRules(subject, dir), peer, adminNodes)}`;
      // Ingress: the destination is the subject, whose named ports governedBy names.
      return `${governedBy(subject, dir)}>${bits}${dir === "egress" ? ">" + portsKey(dst) : ""}`;
    },
    explanationId(src: number, dst: number, dir: Direction): number {
      const subject = dir === "ingress" ? dst : src;
      const peer = dir === "ingress" ? src : dst;
      if (subject >= P) return -1;
      // The same parts as explanationKey, in the same places.
      const k = subjectKeysOf(subject, dir);
      const ports = dir === "egress" ? portsId(dst) : -1;
      const [np, admin, baseline, deny] = k.lists;
      const a = np?.at(peer);
      const b = admin?.at(peer);
      const c = baseline?.at(peer);
      const d = deny?.at(peer);
      // A peer no rule of the subject names: the subject's one key for such peers (per port names).
      if (a === undefined && b === undefined && c === undefined && d === undefined) {
        let n = k.plain.get(ports);
        if (n === undefined) k.plain.set(ports, (n = keyIds[dir].id(k.governed, np?.none ?? -1, admin?.none ?? -1, baseline?.none ?? -1, ports, deny?.none ?? -1)));
        return n;
      }
      return keyIds[dir].id(k.governed, np === null ? -1 : (a ?? np.none), admin === null ? -1 : (b ?? admin.none), baseline === null ? -1 : (c ?? baseline.none), ports, deny === null ? -1 : (d ?? deny.none));
    },
    decisions(src: number, dst: number, dir: Direction): readonly Piece[] | null {
      const [subject, peer] = dir === "ingress" ? [dst, src] : [src, dst];
      if (subject >= P) return null;
      const admin = adminRules(subject, dir);
      const baseline = baselineRules(subject, dir);
      const deny = denyRules(subject, dir);
      if (admin.length === 0 && baseline.length === 0 && deny.length === 0) return null;
      // Subjects governed by the same rules of the same policies decide alike for each peer, and
      // name the same policies: changed pairs share a handful of them.
      const key = `${governedBy(subject, dir)}>${peer}`;
      let pieces = decisionCache.get(key);
      if (pieces === undefined) decisionCache.set(key, (pieces = decideFor(src, dst, dir, subject, peer, admin, deny, baseline)));
      return pieces;
    },
    consultedTiers(src: number, dst: number, dir: Direction) {
      const [subject, peer] = dir === "ingress" ? [dst, src] : [src, dst];
      const none = { rules: noRules, matches: [] };
      if (subject >= P || tiers === null) return { admin: none, deny: none, baseline: none };
      const of = (rules: readonly AppliedAdminRule[]): ConsultedTier => ({ rules, matches: tierMatching(rules, peer, dst) });
      return { admin: of(adminRules(subject, dir)), deny: of(denyRules(subject, dir)), baseline: of(tiers("baseline", dir, subject)) };
    },
  };

  function tierMatching(rules: readonly AppliedAdminRule[], peer: number, dst: number): TierMatch[] {
    const names = portNamesOf(dst);
    return rules
      .filter((r) => includes(peers.ofAdminRule(r.rule), peer))
      .map((r) => ({ applied: r, conn: rulePorts(r.rule, names) }))
      .filter((m) => !m.conn.isEmpty);
  }

  function decideFor(
    src: number,
    dst: number,
    dir: Direction,
    subject: number,
    peer: number,
    admin: readonly AppliedAdminRule[],
    deny: readonly AppliedAdminRule[],
    baseline: readonly AppliedAdminRule[],
  ): readonly Piece[] {
      const matching = (rules: readonly AppliedAdminRule[]): TierMatch[] => tierMatching(rules, peer, dst);
      const policies = isolatingOf(dir, subject);
      return decide(
        matching(admin),
        policies.length > 0 ? { kind: "networkpolicy", policies, matches: matchingRules(src, dst, dir) } : { kind: "baseline", matches: matching(baseline) },
        matching(deny),
      );
  }
}
