// What the revisions of a diff, evaluated over one universe, share: the interned connection sets
// and rule ids that let their rows compare by identity and signature, and what is worked out once
// for both (peer node sets, a policy's subjects, tier walks).
import type { Direction, Policy, Rule } from "../model/policy.js";
import { selects } from "../model/selector.js";
import { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";
import type { TierWalk } from "./admin-tiers.js";
import { PeerNodes } from "./peer-nodes.js";
import { RuleIds } from "./rule-ids.js";
import { EMPTY_ROW, type Row } from "./row.js";
import { heldByOne } from "../model/revision-lists.js";
import type { AdminRule } from "../model/admin-policy.js";
import type { Side, Universe } from "./universe.js";

/** What one revision evaluates: its NetworkPolicies and admin-tier policies. */
export type SidePolicies = Pick<Side, "policies" | "adminPolicies">;

/** A NetworkPolicy rule with the policy that holds it. */
export interface AppliedRule {
  readonly policy: Policy;
  readonly rule: Rule;
}

/** The NetworkPolicies that select a class, in order, for one direction, and their rules. */
export interface GoverningLists {
  /** Those that isolate the direction: all but Cilium specs with enableDefaultDeny off for it. */
  readonly isolating: readonly Policy[];
  readonly members: readonly Policy[];
  readonly applied: readonly AppliedRule[];
}

/**
 * The policies with rules for a class (isolating or not), in order, and its tier rule lists by
 * what they say (list ids of the shared RuleIds; -1 for none).
 */
export interface Governing {
  readonly policies: readonly Policy[];
  readonly admin: number;
  readonly deny: number;
  readonly baseline: number;
}

/**
 * Rows of reachabilities evaluated with one `Shared` over one universe are equal where the same
 * policy objects isolate the class and the tier rules say the same: the policies' rules are then
 * the same objects. False says nothing (signatures decide then).
 */
export function sameGoverning(a: Governing, b: Governing): boolean {
  if (a.admin !== b.admin || a.deny !== b.deny || a.baseline !== b.baseline || a.policies.length !== b.policies.length) return false;
  for (let i = 0; i < a.policies.length; i++) if (a.policies[i] !== b.policies[i]) return false;
  return true;
}

export class Shared {
  readonly interner = new ConnInterner();
  readonly ruleIds: RuleIds;
  private readonly peerNodes = new WeakMap<Universe, PeerNodes>();
  private readonly subjectsOf = new WeakMap<Universe, WeakMap<Policy, readonly number[]>>();
  private readonly tierWalks = new WeakMap<Universe, Map<string, TierWalk>>();
  private readonly rowsBySignature = new WeakMap<Universe, Map<string, Row>>();
  private readonly adminRuleRows = new WeakMap<Universe, Map<string, WeakMap<AdminRule, Row>>>();
  private readonly networkRuleRows = new WeakMap<Universe, Map<ConnSet | null, WeakMap<AppliedRule, Map<string, Row>>>>();

  /**
   * What an admin-tier rule without named ports matches, by rule object (tier walks of many
   * classes ask); `limit`: the text of the port set walks are cut to ("" for none).
   */
  plainAdminRows(universe: Universe, limit = ""): WeakMap<AdminRule, Row> {
    let byLimit = this.adminRuleRows.get(universe);
    if (byLimit === undefined) this.adminRuleRows.set(universe, (byLimit = new Map()));
    let r = byLimit.get(limit);
    if (r === undefined) byLimit.set(limit, (r = new WeakMap()));
    return r;
  }

  /**
   * What one NetworkPolicy rule allows on its own, by rule, then by the named ports it resolves on
   * (see evaluate.ts), within a port set (null: as written; interned by `interner`, so the same set
   * is the same key): the same for every class and revision whose lists hold the rule.
   */
  ruleRows(universe: Universe, limit: ConnSet | null): WeakMap<AppliedRule, Map<string, Row>> {
    let byLimit = this.networkRuleRows.get(universe);
    if (byLimit === undefined) this.networkRuleRows.set(universe, (byLimit = new Map()));
    let r = byLimit.get(limit);
    if (r === undefined) byLimit.set(limit, (r = new WeakMap()));
    return r;
  }

  private readonly over = new WeakMap<Int32Array, Map<ConnSet | string, Row>>();

  /**
   * A row listing some of `nodes` (ascending, a PeerNodes array) and nothing elsewhere, by what
   * else it depends on (`key`): rules naming the same peers with the same ports share one.
   */
  rowOver(nodes: Int32Array, key: ConnSet | string, make: () => Row): Row {
    let byKey = this.over.get(nodes);
    if (byKey === undefined) this.over.set(nodes, (byKey = new Map()));
    let row = byKey.get(key);
    if (row === undefined) byKey.set(key, (row = make()));
    return row;
  }

  /** `conn` (interned) at each of `nodes` (ascending, a PeerNodes array): the array is the row's own. */
  filledRow(nodes: Int32Array, conn: ConnSet): Row {
    if (conn.isEmpty || nodes.length === 0) return EMPTY_ROW;
    return this.rowOver(nodes, conn, () => ({ fallback: ConnSet.NONE, nodes, conns: new Array<ConnSet>(nodes.length).fill(conn) }));
  }

  /** Rows by signature (Reachability.signature): equal on every side over one universe. */
  rows(universe: Universe): Map<string, Row> {
    let r = this.rowsBySignature.get(universe);
    if (r === undefined) this.rowsBySignature.set(universe, (r = new Map()));
    return r;
  }

  /** Tier walks by what their rules say (RuleIds list ids) and the named ports they resolve on. */
  walks(universe: Universe): Map<string, TierWalk> {
    let w = this.tierWalks.get(universe);
    if (w === undefined) this.tierWalks.set(universe, (w = new Map()));
    return w;
  }

  /** Which nodes peers match: the same on every side over one universe, so worked out once for all. */
  peers(universe: Universe): PeerNodes {
    let p = this.peerNodes.get(universe);
    if (p === undefined) this.peerNodes.set(universe, (p = new PeerNodes(universe)));
    return p;
  }

  /** The pod classes a policy selects (hostNetwork ones never): once per policy object, whichever side holds it. */
  subjects(universe: Universe, policy: Policy): readonly number[] {
    let byPolicy = this.subjectsOf.get(universe);
    if (byPolicy === undefined) this.subjectsOf.set(universe, (byPolicy = new WeakMap()));
    let s = byPolicy.get(policy);
    if (s === undefined) {
      const classes = universe.podClasses;
      const among = policy.subjectNamespaces === undefined ? this.peers(universe).inNamespace(policy.namespace) : this.peers(universe).inNamespaces(policy.subjectNamespaces);
      s = among.filter((c) => selects(policy.subject, classes[c]!.labels));
      byPolicy.set(policy, s);
    }
    return s;
  }

  private readonly policyNumbers = new WeakMap<Policy, number>();
  private readonly lists = new Map<string, GoverningLists>();
  private readonly rulesOf = new WeakMap<Policy, Record<Direction, readonly AppliedRule[]>>();
  private nextNumber = 0;

  /**
   * One object per distinct list of selecting policies (by object) and direction, whichever
   * revision asks: classes and revisions governed alike share it, and what is read off it.
   */
  governingLists(dir: Direction, policies: readonly Policy[]): GoverningLists {
    const key = `${dir}:${policies.map((p) => this.numberOf(p)).join(",")}`;
    let l = this.lists.get(key);
    if (l === undefined) {
      const isolating = policies.filter((p) => p.isolates?.[dir] ?? true);
      this.lists.set(key, (l = { isolating, members: [...policies], applied: policies.flatMap((p) => this.rules(p)[dir]) }));
    }
    return l;
  }

  private numberOf(p: Policy): number {
    let n = this.policyNumbers.get(p);
    if (n === undefined) this.policyNumbers.set(p, (n = this.nextNumber++));
    return n;
  }

  private rules(policy: Policy): Record<Direction, readonly AppliedRule[]> {
    let r = this.rulesOf.get(policy);
    if (r === undefined) {
      r = { ingress: (policy.ingress ?? []).map((rule) => ({ policy, rule })), egress: (policy.egress ?? []).map((rule) => ({ policy, rule })) };
      this.rulesOf.set(policy, r);
    }
    return r;
  }

  /**
   * `sides`: the revisions to be evaluated; the policy objects all of them hold are named by
   * identity (RuleIds). Those some revision lacks are few (a pull request's files), and found
   * without a set of all the others.
   */
  constructor(sides: readonly SidePolicies[] = []) {
    const [first, ...rest] = sides;
    if (first === undefined) {
      this.ruleIds = new RuleIds();
      return;
    }
    const notInAll = new Set<object>();
    for (const side of rest) {
      for (const p of heldByOne<object>(first.policies, side.policies)) notInAll.add(p);
      for (const p of heldByOne<object>(first.adminPolicies, side.adminPolicies)) notInAll.add(p);
    }
    this.ruleIds = new RuleIds((p) => !notInAll.has(p));
  }
}

