// Explains one pair of an analyzed revision (`netreach why`; the diff comment for an assertion's
// violation). The pieces come from the engine's own decision walk (reach/decisions.ts), fed the
// rules the evaluator says govern each side, so an explanation cannot say other than the flows.
import type { Endpoint } from "../model/endpoint.js";
import type { AppliedAdminRule } from "../reach/admin-tiers.js";
import { decide, type Piece as EnginePiece, type TierMatch } from "../reach/decisions.js";
import { rowAt } from "../reach/row.js";
import type { ConsultedTier, Reachability } from "../reach/evaluate.js";
import { ConnSet, PortSet } from "../net/conn-set.js";
import { PROTOCOLS, type Protocol } from "../net/protocol.js";
import type { Direction, Policy, Rule } from "../model/policy.js";
import { adminRulePath, ciliumKind, policyName, rulePath } from "../model/policy-names.js";
import { decisionAllows, type Decision, type DirectionWhy, type PairWhy, type Piece, type PolicyRef, type PolicyRuleRef, type Segment, type TierPart, type TierRuleRef, type TierStep } from "./why.js";

/** One revision as the engine analyzed it: what `explainPair` reads. */
export interface AnalyzedRevision {
  readonly reach: Reachability;
  /** Endpoint id -> pod class, for pod endpoints and the ingress controller (universe.classOf of the side). */
  readonly classOf: ReadonlyMap<string, number>;
  /** What can be named: the pod endpoints, the external classes, the ingress controller if any. */
  readonly endpoints: readonly Endpoint[];
}

/** The node an endpoint is at: its pod class, or for an external range the first class of addresses it holds. */
export function nodeOf(rev: AnalyzedRevision, e: Endpoint): number | undefined {
  const u = rev.reach.universe;
  if (e.type !== "external") return rev.classOf.get(e.id);
  const exact = u.externals.findIndex((x) => x.id === e.id);
  if (exact >= 0) return u.podClasses.length + exact;
  // A union of classes (a diff's merged range): the classes inside it are explained alike.
  const first = e.ranges[0];
  if (first === undefined) return undefined;
  const i = u.externals.findIndex((x) => x.ranges.some((r) => r.family === first.family && r.lo >= first.lo && r.hi <= first.hi));
  return i < 0 ? undefined : u.podClasses.length + i;
}

/**
 * The pair explained. Throws on a pair the engine has no answer for (two external ranges, an
 * endpoint not of this revision): callers resolve endpoints first (find-endpoint.ts).
 */
export function explainPair(rev: AnalyzedRevision, src: Endpoint, dst: Endpoint): PairWhy {
  const s = nodeOf(rev, src);
  const d = nodeOf(rev, dst);
  if (s === undefined || d === undefined) throw new Error(`${s === undefined ? src.id : dst.id} is not an endpoint of this revision`);
  return explainNodes(rev.reach, s, d, src, dst);
}

/** `explainPair` on nodes already known (a diff's class pair). */
export function explainNodes(r: Reachability, s: number, d: number, src: Endpoint, dst: Endpoint): PairWhy {
  const P = r.universe.podClasses.length;
  if (s >= P && d >= P) throw new Error("no pair between two external address ranges");
  const egress = s < P ? podSide(r, s, d, "egress", src.id) : OUTSIDE;
  const ingress = d < P ? podSide(r, s, d, "ingress", dst.id) : OUTSIDE;
  // Each side's allowed connections as the engine has them: what a port name's verdict follows.
  const egressAllows = s < P ? rowAt(r.row(s, "egress"), d) : ConnSet.ALL;
  const ingressAllows = d < P ? rowAt(r.row(d, "ingress"), s) : ConnSet.ALL;
  const segments = cut({ pieces: piecesOf(egress), allows: egressAllows }, { pieces: piecesOf(ingress), allows: ingressAllows });
  const allowed = segments.filter((x) => x.allowed).reduce((acc, x) => acc.union(x.conn), ConnSet.NONE);
  return { src, dst, egress, ingress, segments, allowed };
}

const OUTSIDE: DirectionWhy = { side: "outside-cluster" };
const OUTSIDE_PIECES: readonly Piece[] = [{ conn: ConnSet.ALL, decision: { by: "outside-cluster" } }];

function piecesOf(w: DirectionWhy): readonly Piece[] {
  return w.side === "pod" ? w.pieces : OUTSIDE_PIECES;
}

/**
 * Every egress piece against every ingress piece: allowed ranges first. Port numbers are cut piece
 * by piece; a port name (a representative's named port, number unknown) is not: a side may split
 * a protocol's numbers over several pieces (an admin rule on TCP 1-2, NetworkPolicy on the rest),
 * and a name lies in none of them, only in their union. Each name is judged as the engine judges
 * it, by whether the side's allowed connections hold it, and named beside the pieces that decide it.
 */
function cut(egressSide: Side, ingressSide: Side): Segment[] {
  const [egress, ingress] = [egressSide.pieces, ingressSide.pieces];
  const byPair = new Map<string, { conn: ConnSet; e: Piece; i: Piece }>();
  const add = (e: Piece, i: Piece, conn: ConnSet) => {
    if (conn.isEmpty) return;
    const key = `${egress.indexOf(e)},${ingress.indexOf(i)}`;
    const seen = byPair.get(key);
    byPair.set(key, { conn: seen === undefined ? conn : seen.conn.union(conn), e, i });
  };
  for (const e of egress) for (const i of ingress) add(e, i, numbersOf(e.conn.intersect(i.conn)));
  // A name the engine's row holds may be listed by no piece (held only as part of a whole protocol's range).
  for (const { protocol, name } of namesIn([...egress.map((p) => p.conn), ...ingress.map((p) => p.conn), egressSide.allows, ingressSide.allows])) {
    const conn = ConnSet.of({ [protocol]: PortSet.named(name) });
    for (const e of deciders(egressSide, protocol, name)) for (const i of deciders(ingressSide, protocol, name)) add(e, i, conn);
  }
  const out: Segment[] = [...byPair.values()].map(({ conn, e, i }) => ({ conn, allowed: decisionAllows(e.decision) && decisionAllows(i.decision), egress: e.decision, ingress: i.decision }));
  return [...out.filter((x) => x.allowed), ...out.filter((x) => !x.allowed)];
}

/** One direction's pieces, and what the engine says the direction allows. */
interface Side {
  readonly pieces: readonly Piece[];
  readonly allows: ConnSet;
}

function numbersOf(c: ConnSet): ConnSet {
  return ConnSet.of(Object.fromEntries(PROTOCOLS.map((p) => [p, PortSet.of(c.ports(p).ranges)])));
}

function namesIn(conns: readonly ConnSet[]): { protocol: Protocol; name: string }[] {
  const seen = new Set<string>();
  const out: { protocol: Protocol; name: string }[] = [];
  for (const c of conns) {
    for (const protocol of PROTOCOLS) {
      for (const name of c.ports(protocol).names) {
        if (!seen.has(`${protocol} ${name}`)) out.push({ protocol, name });
        seen.add(`${protocol} ${name}`);
      }
    }
  }
  return out;
}

/**
 * The pieces of one side that decide a port name: the side allows it when the engine's row for
 * the side holds it, and the pieces of that verdict holding it are named — those that list the
 * name or cover the whole protocol, else (its number unknown, it may be any of theirs) every piece
 * of that verdict with numbers of the protocol.
 */
function deciders(side: Side, protocol: Protocol, name: string): Piece[] {
  const verdict = holds(side.allows, protocol, name);
  const same = side.pieces.filter((p) => decisionAllows(p.decision) === verdict);
  const whole = same.filter((p) => holds(p.conn, protocol, name));
  return whole.length > 0 ? whole : same.filter((p) => p.conn.ports(protocol).ranges.length > 0);
}

function holds(c: ConnSet, protocol: Protocol, name: string): boolean {
  const ports = c.ports(protocol);
  return ports.isAll || ports.names.includes(name);
}

function podSide(r: Reachability, s: number, d: number, dir: Direction, subject: string): DirectionWhy {
  const cls = dir === "egress" ? s : d;
  const tiers = r.consultedTiers(s, d, dir);
  const isolating = r.isolating(cls, dir);
  const npMatches = isolating.length > 0 ? r.matchingRules(s, d, dir) : [];
  // The engine's walk: admin rules, then NetworkPolicy where it isolates, else baseline rules.
  const enginePieces = decide(
    tiers.admin.matches,
    isolating.length > 0 ? { kind: "networkpolicy", policies: isolating, matches: npMatches } : { kind: "baseline", matches: tiers.baseline.matches },
    tiers.deny.matches,
  );
  const { part: admin, settled: adminSettled } = tierPart(tiers.admin, ConnSet.NONE);
  const { part: deny, settled: denied } = tierPart(tiers.deny, adminSettled);
  const settled = adminSettled.union(denied);
  const allows = npMatches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE);
  // The engine names, per piece, every Pass rule that passed some of its ports; a port is passed
  // by one rule at most (each port is decided once in a tier): split so each range names its own.
  const passes = admin.state === "consulted" ? admin.steps.filter((st) => st.rule.action === "Pass" && !st.decides.isEmpty) : [];
  const pieces = enginePieces.flatMap((p) => splitByPass(p.conn, decisionOf(p), passes));
  return {
    side: "pod",
    subject,
    hostNetwork: r.universe.podClasses[cls]!.hostNetwork,
    admin,
    deny,
    networkPolicy:
      isolating.length === 0
        ? { state: "not-isolated" }
        : { state: "isolated", policies: isolating.map(policyRef), matching: npMatches.map((m) => ({ rule: ruleRef(m.policy, m.rule), conn: m.conn })), allows },
    baseline: isolating.length > 0 ? (tiers.baseline.rules.length > 0 ? { state: "not-consulted", rules: tiers.baseline.rules.length } : { state: "none" }) : tierPart(tiers.baseline, settled).part,
    pieces,
    // The engine's row, not the pieces' union: they differ only in port names (see `cut`).
    allowed: rowAt(r.row(cls, dir), dir === "egress" ? d : s),
  };
}

function splitByPass(conn: ConnSet, d: Decision, passes: readonly TierStep[]): Piece[] {
  if (d.by === "outside-cluster" || d.passedBy.length === 0) return [{ conn, decision: d }];
  const out: Piece[] = [];
  let rest = conn;
  for (const p of passes) {
    const part = rest.intersect(p.decides);
    if (part.isEmpty) continue;
    rest = rest.subtract(part);
    out.push({ conn: part, decision: { ...d, passedBy: [p.rule] } });
  }
  if (!rest.isEmpty) out.push({ conn: rest, decision: { ...d, passedBy: [] } });
  return out;
}

/**
 * A tier's matching rules walked in order, as the engine walks them: each takes what it matches
 * less what earlier rules of the tier took, and decides that less what the tier above settled.
 * `settled`: what this tier accepted or denied (Pass rules settle nothing).
 */
function tierPart(t: ConsultedTier, above: ConnSet): { part: TierPart; settled: ConnSet } {
  if (t.rules.length === 0) return { part: { state: "none" }, settled: ConnSet.NONE };
  let walked = ConnSet.NONE;
  let settled = ConnSet.NONE;
  const steps: TierStep[] = t.matches.map((m: TierMatch) => {
    const own = m.conn.subtract(walked);
    walked = walked.union(own);
    const decides = own.subtract(above);
    if (m.applied.rule.action !== "pass") settled = settled.union(decides);
    return { rule: tierRuleRef(m.applied), matches: m.conn, decides };
  });
  const reaching = ConnSet.ALL.subtract(above);
  return {
    part: { state: "consulted", rules: t.rules.length, policies: new Set(t.rules.map((x) => x.policy)).size, reaching, steps, undecided: reaching.subtract(settled) },
    settled,
  };
}

function decisionOf(p: EnginePiece): Decision {
  const passedBy = p.passedBy.map(tierRuleRef);
  switch (p.by.kind) {
    case "admin":
      return { by: "tier-rule", rule: tierRuleRef(p.by.applied), passedBy };
    case "allowed-by-rules":
      return { by: "networkpolicy-rules", rules: p.by.matches.map((m) => ruleRef(m.policy, m.rule)), passedBy };
    case "isolated":
      return { by: "isolated", policies: p.by.policies.map(policyRef), passedBy };
    case "default":
      return { by: "not-isolated", passedBy };
  }
}

function policyRef(p: Policy): PolicyRef {
  const kind = ciliumKind(p);
  return kind === undefined ? { policy: p.id, at: p.source } : { policy: policyName(p), kind, at: p.source };
}

function ruleRef(p: Policy, rule: Rule): PolicyRuleRef {
  const kind = ciliumKind(p);
  if (kind === undefined) return { policy: p.id, rule: rulePath(rule), at: rule.source };
  return { policy: policyName(p), kind, rule: rulePath(rule), ...(rule.said === undefined ? {} : { said: rule.said }), at: rule.source };
}

export function tierRuleRef({ policy, rule }: AppliedAdminRule): TierRuleRef {
  const v1alpha1 = policy.kind !== "ClusterNetworkPolicy";
  const action = rule.action === "accept" ? (v1alpha1 ? "Allow" : "Accept") : rule.action === "deny" ? "Deny" : "Pass";
  return {
    policy: policy.id,
    kind: policy.kind,
    name: policy.tier === "deny" ? policyName(policy) : policy.name,
    tier: policy.tier === "admin" ? "Admin" : policy.tier === "deny" ? "Deny" : "Baseline",
    priority: policy.priority,
    rule: adminRulePath(rule),
    ruleName: rule.name,
    action,
    ...(rule.said === undefined ? {} : { said: rule.said }),
    at: rule.source,
  };
}
