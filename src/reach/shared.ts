// What the revisions of a diff, evaluated over one universe, share: the interned connection sets
// and rule ids that let their rows compare by identity and signature, and what is worked out once
// for both (peer node sets, a policy's subjects, tier walks).
import type { Policy } from "../model/policy.js";
import { selects } from "../model/selector.js";
import { ConnInterner } from "../net/conn-interner.js";
import type { TierWalk } from "./admin-tiers.js";
import { PeerNodes } from "./peer-nodes.js";
import { RuleIds } from "./rule-ids.js";
import type { Side, Universe } from "./universe.js";

/** What one revision evaluates: its NetworkPolicies and admin-tier policies. */
export type SidePolicies = Pick<Side, "policies" | "adminPolicies">;

/**
 * The NetworkPolicies isolating a class, in order, and its tier rule lists by what they say
 * (list ids of the shared RuleIds; -1 for none).
 */
export interface Governing {
  readonly policies: readonly Policy[];
  readonly admin: number;
  readonly baseline: number;
}

/**
 * Rows of reachabilities evaluated with one `Shared` over one universe are equal where the same
 * policy objects isolate the class and the tier rules say the same: the policies' rules are then
 * the same objects. False says nothing (signatures decide then).
 */
export function sameGoverning(a: Governing, b: Governing): boolean {
  if (a.admin !== b.admin || a.baseline !== b.baseline || a.policies.length !== b.policies.length) return false;
  for (let i = 0; i < a.policies.length; i++) if (a.policies[i] !== b.policies[i]) return false;
  return true;
}

export class Shared {
  readonly interner = new ConnInterner();
  readonly ruleIds: RuleIds;
  private readonly peerNodes = new WeakMap<Universe, PeerNodes>();
  private readonly subjectsOf = new WeakMap<Universe, WeakMap<Policy, readonly number[]>>();
  private readonly tierWalks = new WeakMap<Universe, Map<string, TierWalk>>();

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
      s = this.peers(universe).inNamespace(policy.namespace).filter((c) => selects(policy.subject, universe.podClasses[c]!.labels));
      byPolicy.set(policy, s);
    }
    return s;
  }

  /** `sides`: the revisions to be evaluated; the policy objects all of them hold are named by identity (RuleIds). */
  constructor(sides: readonly SidePolicies[] = []) {
    const [first, ...rest] = sides;
    const common = new Set<object>([...(first?.policies ?? []), ...(first?.adminPolicies ?? [])]);
    for (const side of rest) {
      const here = new Set<object>([...side.policies, ...side.adminPolicies]);
      for (const p of common) if (!here.has(p)) common.delete(p);
    }
    this.ruleIds = new RuleIds(common);
  }
}

