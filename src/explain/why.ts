// One pair explained at one revision, tier by tier (`netreach why`, DESIGN section 4c): plain data
// that the text and JSON renderers read, and that a diff comment can show for an assertion's
// violation. Each direction is what its own side decides (the source's egress, the destination's
// ingress); the pair's answer is cut into port ranges where the deciding rules differ.
import type { AdminKind } from "../model/admin-policy.js";
import type { CiliumKind } from "../model/policy-names.js";
import type { Endpoint } from "../model/endpoint.js";
import type { Direction, SourceRef } from "../model/policy.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Protocol } from "../net/protocol.js";

/** A NetworkPolicy as a whole (it isolates its pods in a direction). */
export interface PolicyRef {
  /** "namespace/name" (a CiliumClusterwideNetworkPolicy: "name") */
  readonly policy: string;
  /** Cilium's kinds; undefined: NetworkPolicy. */
  readonly kind?: CiliumKind;
  readonly at: SourceRef;
}

/** A NetworkPolicy rule: "backend/allow-api" `ingress[0]`. */
export interface PolicyRuleRef {
  readonly policy: string;
  readonly kind?: CiliumKind;
  /** "ingress[0]" / "egress[2]"; Cilium's "specs[1].ingress[0]" */
  readonly rule: string;
  /** Cilium: the peers in its words ("fromEntities world"). */
  readonly said?: string;
  readonly at: SourceRef;
}

/** A rule of an admin-tier policy, with what ranks it: tier, priority, and its place in the policy. */
export interface TierRuleRef {
  /** "Kind/name" */
  readonly policy: string;
  readonly kind: AdminKind;
  readonly name: string;
  /** "Deny": a Cilium deny rule (kind CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy, `name` "ns/name"). */
  readonly tier: "Admin" | "Deny" | "Baseline";
  /** null: the BaselineAdminNetworkPolicy, which has none (it comes last), and Cilium's deny rules. */
  readonly priority: number | null;
  /** "ingress[0]" */
  readonly rule: string;
  /** The rule's `name`, when it has one. */
  readonly ruleName: string | null;
  /** As written: Allow (v1alpha1) or Accept (v1alpha2), Deny, Pass. */
  readonly action: "Allow" | "Accept" | "Deny" | "Pass";
  /** Cilium: the peers in its words. */
  readonly said?: string;
  readonly at: SourceRef;
}

/**
 * What decided one piece of a direction. `passedBy`: admin-tier Pass rules that sent those ports
 * on to the tiers below. Whether it lets traffic through is `decisionAllows`.
 */
export type Decision =
  /** The first rule of the admin or baseline tier matching the peer and port: Allow/Accept or Deny. */
  | { readonly by: "tier-rule"; readonly rule: TierRuleRef; readonly passedBy: readonly TierRuleRef[] }
  /** NetworkPolicies isolate the side, and these rules of them match the peer on these ports. */
  | { readonly by: "networkpolicy-rules"; readonly rules: readonly PolicyRuleRef[]; readonly passedBy: readonly TierRuleRef[] }
  /** NetworkPolicies isolate the side and none of their rules matches: dropped. */
  | { readonly by: "isolated"; readonly policies: readonly PolicyRef[]; readonly passedBy: readonly TierRuleRef[] }
  /** No tier decided (no NetworkPolicy isolates, no baseline rule matches): allowed. */
  | { readonly by: "not-isolated"; readonly passedBy: readonly TierRuleRef[] }
  /** This side is an address outside the cluster: no policy governs it. */
  | { readonly by: "outside-cluster" };

export function decisionAllows(d: Decision): boolean {
  switch (d.by) {
    case "tier-rule":
      return d.rule.action !== "Deny";
    case "isolated":
      return false;
    default:
      return true;
  }
}

/** A part of the connections one decision covers; the pieces of a direction are disjoint and cover every connection. */
export interface Piece {
  readonly conn: ConnSet;
  readonly decision: Decision;
}

/** One rule of a tier that matches the peer, in consulting order. */
export interface TierStep {
  readonly rule: TierRuleRef;
  /** What it matches between the pair (its ports, named ports resolved on the destination). */
  readonly matches: ConnSet;
  /** The part it decides (Pass: passes on): what it matches that no earlier rule of the tier decided, of what reached the tier. */
  readonly decides: ConnSet;
}

export type TierPart =
  /** No policy of the tier selects the side for this direction. */
  | { readonly state: "none" }
  /** Baseline only: NetworkPolicy isolates the side, so its baseline rules are never consulted. */
  | { readonly state: "not-consulted"; readonly rules: number }
  | {
      readonly state: "consulted";
      /** How many rules, of how many policies, govern the side in this direction. */
      readonly rules: number;
      readonly policies: number;
      /** The connections that reach this tier (all of them for the admin tier). */
      readonly reaching: ConnSet;
      /** Those of `rules` that match the peer, in order. */
      readonly steps: readonly TierStep[];
      /** Of `reaching`, what no rule decided (Pass included): on to the next tier. */
      readonly undecided: ConnSet;
    };

export type NetworkPolicyPart =
  /** No NetworkPolicy selecting the side lists this direction. */
  | { readonly state: "not-isolated" }
  | {
      readonly state: "isolated";
      readonly policies: readonly PolicyRef[];
      /** Their rules that match the peer, each with what it allows (empty: none matches). */
      readonly matching: readonly { readonly rule: PolicyRuleRef; readonly conn: ConnSet }[];
      /** The union of `matching`. */
      readonly allows: ConnSet;
    };

export type DirectionWhy =
  | { readonly side: "outside-cluster" }
  | {
      readonly side: "pod";
      /** The endpoint whose policies these are. */
      readonly subject: string;
      /** hostNetwork pods share the node's network: no policy selects them. */
      readonly hostNetwork: boolean;
      readonly admin: TierPart;
      /** Cilium's deny rules (ingressDeny/egressDeny), after the admin tier, over every allow. */
      readonly deny: TierPart;
      readonly networkPolicy: NetworkPolicyPart;
      readonly baseline: TierPart;
      readonly pieces: readonly Piece[];
      /** What the direction allows, as the engine has it: the allowing pieces' numbers, and the port names it holds. */
      readonly allowed: ConnSet;
    };

/** A port range where the pair's answer and both sides' deciders are the same. */
export interface Segment {
  readonly conn: ConnSet;
  readonly allowed: boolean;
  readonly egress: Decision;
  readonly ingress: Decision;
}

export interface PairWhy {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly egress: DirectionWhy;
  readonly ingress: DirectionWhy;
  /** Disjoint, covering every connection: allowed ones first. */
  readonly segments: readonly Segment[];
  /** What the pair allows: both directions' allowed. */
  readonly allowed: ConnSet;
}

export interface PortQuery {
  readonly protocol: Protocol;
  readonly port: number;
}

/** Whether one port is allowed, and the segment that says why. */
export function portVerdict(why: PairWhy, q: PortQuery): Segment {
  const s = why.segments.find((seg) => seg.conn.allows(q.protocol, q.port));
  // Segments cover every connection: only a broken explanation misses one.
  if (s === undefined) throw new Error(`no segment holds ${q.protocol} ${q.port}`);
  return s;
}

export type { Direction };
